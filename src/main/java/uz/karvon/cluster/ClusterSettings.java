package uz.karvon.cluster;

import java.time.Duration;

/**
 * How the clusterer decides.
 *
 * @param window          two stories further apart in time are never one event; the recent window the
 *                        clusterer keeps is this long
 * @param sameLanguage    text similarity (cosine of weighted words, 0–1) at which two stories in one
 *                        language are one event without more evidence
 * @param supported       lower text similarity that is enough when shared names, figures or dates agree
 * @param crossLanguage   similarity of shared anchors (0–1) at which stories in two languages are one event
 *                        when they share at least two strong anchors: places, institutions, people, figures,
 *                        dates or sound-alike names
 * @param singleAnchor    the higher similarity needed when they share only one strong anchor
 */
public record ClusterSettings(Duration window, double sameLanguage, double supported, double crossLanguage, double singleAnchor) {

    public ClusterSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("cluster: window must be positive, got " + window);
        }
        check("sameLanguage", sameLanguage);
        check("supported", supported);
        check("crossLanguage", crossLanguage);
        check("singleAnchor", singleAnchor);
    }

    private static void check(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("cluster: " + name + " must be in (0, 1], got " + v);
        }
    }

    /** The tuned defaults (see BENCHMARKS.md, "Clustering"). */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Duration.ofHours(36), 0.5, 0.25, 0.35, 0.6);
    }

    public ClusterSettings withWindow(Duration w) {
        return new ClusterSettings(w, sameLanguage, supported, crossLanguage, singleAnchor);
    }
}
