package uz.karvon.config;

import java.util.Locale;
import java.util.Optional;

/**
 * A platform a feed is shaped for ({@code profile:} in feeds.yml). {@code NONE} is plain RSS/Atom/JSON Feed; the
 * others add the platform's elements and leave out items that break its hard limits (see publish.profile).
 */
public enum FeedProfile {
    NONE("none"),
    YANDEX("yandex"),
    DZEN("dzen"),
    GOOGLE_NEWS("google-news");

    private final String key;

    FeedProfile(String key) {
        this.key = key;
    }

    /** The word used in feeds.yml and shown by the API. */
    public String key() {
        return key;
    }

    /** Full text is required by these platforms (Yandex: yandex:full-text; Dzen: content:encoded). */
    public boolean needsFullText() {
        return this == YANDEX || this == DZEN;
    }

    public static Optional<FeedProfile> byKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (FeedProfile p : values()) if (p.key.equals(k)) return Optional.of(p);
        return Optional.empty();
    }
}
