package uz.karvon.publish;

import java.util.List;
import java.util.Optional;

/** The formats every feed is served in, with their exact media types. */
public enum FeedFormat {
    RSS("rss", "application/rss+xml; charset=utf-8"),
    ATOM("atom", "application/atom+xml; charset=utf-8"),
    JSON("json", "application/feed+json; charset=utf-8"),
    /** IPTC ninjs 3.1: a JSON array of news objects, newest first. */
    NINJS("ninjs", "application/json; charset=utf-8"),
    /** The same objects as newline-delimited JSON ({@code /feeds/ID.ninjs?ndjson}); not found by extension. */
    NINJS_NDJSON("ninjs", "application/x-ndjson; charset=utf-8");

    /** What feed readers subscribe to: page autodiscovery and subscribe links (ninjs is a wire format for agencies). */
    public static final List<FeedFormat> FOR_READERS = List.of(RSS, ATOM, JSON);
    /** Every format at a URL of its own (NDJSON is the ninjs URL with {@code ?ndjson}). */
    public static final List<FeedFormat> SERVED = List.of(RSS, ATOM, JSON, NINJS);

    private final String extension;
    private final String contentType;

    FeedFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isNinjs() {
        return this == NINJS || this == NINJS_NDJSON;
    }

    public static Optional<FeedFormat> byExtension(String ext) {
        for (FeedFormat f : values()) if (f.extension.equals(ext)) return Optional.of(f);
        return Optional.empty();
    }
}
