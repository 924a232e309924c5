package uz.karvon.ingest.parse;

import java.util.List;

/**
 * The one checked failure of {@link FeedParser}. {@link #reason()} is a stable code for the UI
 * ("empty", "html-page", "not-a-feed", "malformed-xml", "malformed-json", "too-large", "too-deep", "unreadable");
 * the message is one lower-case line starting with "parse: ".
 */
public final class FeedParseException extends Exception {
    private final String reason;
    private final List<String> advertisedFeeds;

    public FeedParseException(String reason, String detail) {
        this(reason, detail, List.of(), null);
    }

    public FeedParseException(String reason, String detail, Throwable cause) {
        this(reason, detail, List.of(), cause);
    }

    public FeedParseException(String reason, String detail, List<String> advertisedFeeds, Throwable cause) {
        super("parse: " + oneLine(detail), cause, false, false);
        this.reason = reason;
        this.advertisedFeeds = List.copyOf(advertisedFeeds);
    }

    /** Stable machine code, see class comment. */
    public String reason() {
        return reason;
    }

    /** For "html-page": absolute feed URLs the page advertises via link rel=alternate (never fetched). */
    public List<String> advertisedFeeds() {
        return advertisedFeeds;
    }

    private static String oneLine(String s) {
        if (s == null) return "unknown error";
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
