package uz.karvon.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Whether two stories report one event, and how alike they are.
 *
 * <p>Precision first: two stories are kept apart, whatever else they share, when both give figures and
 * none agree, both give dates and none agree, both name people and none agree, or both are located and
 * no place of one contains or lies in a place of the other ({@link #contradicts}). Otherwise stories in
 * one language group match on word similarity; stories in two languages on shared anchors, weighted by
 * kind and rarity (a figure or a district says more than "Uzbekistan" or "talks").
 */
final class PairScorer {

    private final ClusterSettings settings;

    PairScorer(ClusterSettings settings) {
        this.settings = settings;
    }

    /**
     * The reason two stories cannot be one event, or {@code null}. Figures, places and people are compared
     * twice: over the whole text (nothing in common) and in the titles, where each story gives its main
     * facts: when each title gives a figure, place or person the other story does not know, they are two
     * events (a 4.8 and a 3.9 earthquake, both 10 km deep; Uzbekistan lose to Colombia, Uzbekistan lose to Japan).
     */
    String contradicts(Features a, Features b) {
        if (Math.abs(a.time() - b.time()) > settings.window().toSeconds()) {
            return "time";
        }
        if (disjoint(a.numbers(), b.numbers()) || titleOnly(a.titleNumbers(), b.numbers()) && titleOnly(b.titleNumbers(), a.numbers())) {
            return "numbers";
        }
        if (disjoint(a.dates(), b.dates())) {
            return "dates";
        }
        if (disjoint(a.persons(), b.persons()) || titleOnly(a.titlePersons(), b.persons()) && titleOnly(b.titlePersons(), a.persons())) {
            return "persons";
        }
        if (!a.leaves().isEmpty() && !b.leaves().isEmpty()
                && Collections.disjoint(a.leaves(), b.places()) && Collections.disjoint(b.leaves(), a.places())) {
            return "places";
        }
        if (titleOnlyPlace(a, b) && titleOnlyPlace(b, a)) {
            return "title places";
        }
        return null;
    }

    /** A figure or person the title gives and the other story does not. */
    private static boolean titleOnly(Set<String> inTitle, Set<String> inOther) {
        for (String p : inTitle) {
            if (!inOther.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** A place a's title names that b neither names, nor names a part of, nor names a place containing it. */
    private static boolean titleOnlyPlace(Features a, Features b) {
        for (Map.Entry<String, Set<String>> t : a.titlePlaces().entrySet()) {
            if (!b.places().contains(t.getKey()) && Collections.disjoint(t.getValue(), b.named())) {
                return true;
            }
        }
        return false;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && Collections.disjoint(a, b);
    }

    /**
     * The similarity of x to an earlier story m when they match (0–1, higher is closer), or -1. Does not
     * check {@link #contradicts}.
     */
    double score(Features x, double xNorm, Window.Member m, ToDoubleFunction<String> idf) {
        Anchors a = anchors(x, m.f, idf);
        if (x.group() == m.f.group()) {
            double cos = cosine(x.terms(), xNorm, m.f.terms(), m.textNorm, idf);
            if (cos >= settings.sameLanguage()) {
                return cos;
            }
            if (cos >= settings.supported() && anchorsAgree(a)) {
                return Math.max(cos, a.similarity);
            }
            return -1;
        }
        return anchorsAgree(a) ? a.similarity : -1;
    }

    /** Two strong anchors, or one with a shared topic (a figure alone coincides too easily: 6.5 points, 6.5% growth). */
    private boolean anchorsAgree(Anchors a) {
        return a.strong >= 2 && a.similarity >= settings.crossLanguage()
                || a.strong == 1 && a.topics >= 1 && a.similarity >= settings.singleAnchor();
    }

    /** Shared anchor weight over the geometric mean of both stories' anchor weights; sound keys only between scripts that have them. */
    private record Anchors(double similarity, int strong, int topics) {}

    /** For tuning: the anchor similarity and the number of strong anchors shared. */
    double[] anchorEvidence(Features x, Features y, ToDoubleFunction<String> idf) {
        Anchors a = anchors(x, y, idf);
        return new double[] {a.similarity, a.strong};
    }

    private static Anchors anchors(Features x, Features y, ToDoubleFunction<String> idf) {
        boolean keys = x.group().hasNameKeys() && y.group().hasNameKeys();
        double wx = 0;
        double wy = 0;
        double shared = 0;
        int strong = 0;
        int topics = 0;
        for (String k : x.anchors()) {
            char kind = Features.kind(k);
            if (kind == 'k' && !keys) {
                continue;
            }
            double w = weight(kind) * idf.applyAsDouble(k);
            wx += w;
            if (y.anchors().contains(k)) {
                shared += w;
                if (isStrong(kind)) {
                    strong++;
                } else if (kind == 't') {
                    topics++;
                }
            }
        }
        for (String k : y.anchors()) {
            char kind = Features.kind(k);
            if (kind != 'k' || keys) {
                wy += weight(kind) * idf.applyAsDouble(k);
            }
        }
        if (wx == 0 || wy == 0) {
            return new Anchors(0, 0, 0);
        }
        return new Anchors(shared / Math.sqrt(wx * wy), strong, topics);
    }

    static double weight(char kind) {
        return switch (kind) {
            case 'c' -> 0.5;
            case 'p', 'o' -> 1.0;
            case 'h' -> 1.2;
            case 't' -> 0.6;
            case 'n' -> 1.5;
            case 'd' -> 1.2;
            case 'y' -> 0.2;
            case 'k' -> 0.8;
            default -> 1.0;
        };
    }

    private static boolean isStrong(char kind) {
        return kind == 'p' || kind == 'o' || kind == 'h' || kind == 'n' || kind == 'd' || kind == 'k';
    }

    static double cosine(Map<String, Float> a, double aNorm, Map<String, Float> b, double bNorm, ToDoubleFunction<String> idf) {
        if (aNorm == 0 || bNorm == 0) {
            return 0;
        }
        Map<String, Float> small = a.size() <= b.size() ? a : b;
        Map<String, Float> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Float> e : small.entrySet()) {
            Float other = large.get(e.getKey());
            if (other != null) {
                double w = idf.applyAsDouble(e.getKey());
                dot += tf(e.getValue()) * tf(other) * w * w;
            }
        }
        return dot / (aNorm * bNorm);
    }

    static double norm(Map<String, Float> terms, ToDoubleFunction<String> idf) {
        double sum = 0;
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            double w = tf(e.getValue()) * idf.applyAsDouble(e.getKey());
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private static double tf(float count) {
        return 1 + Math.log(count);
    }
}
