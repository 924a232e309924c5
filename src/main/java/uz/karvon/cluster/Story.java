package uz.karvon.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A news item as the clusterer sees it.
 *
 * @param id        unique and stable (karvon's item id); the first story of a cluster names it
 * @param lang      BCP 47 tag (uz-Latn, uz-Cyrl, ru, en, zh, ar, …); {@code null} or unusable: detected from the text
 * @param source    the source id, or {@code null}; kept for the caller, not compared
 * @param published when it was published (first seen, when the feed gives no date)
 * @param title     plain text
 * @param summary   plain text, may be empty
 */
public record Story(String id, String lang, String source, Instant published, String title, String summary) {
    public Story {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("cluster: story id must not be blank");
        }
        Objects.requireNonNull(published, "cluster: story " + id + ": published must not be null");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }
}
