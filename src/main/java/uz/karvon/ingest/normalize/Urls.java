package uz.karvon.ingest.normalize;

import java.net.URI;
import java.util.Locale;

/**
 * URL rules: feed URLs resolved against a base, schemes a reader should never follow refused, and every URL we
 * publish written the WHATWG way.
 */
public final class Urls {
    private Urls() {
    }

    /**
     * Absolute http(s)/mailto URL for {@code href} resolved against {@code base}; null for blank input,
     * dangerous schemes (javascript:, data:, vbscript:, file:, …) or unparseable text.
     */
    public static String resolve(String base, String href) {
        if (href == null) return null;
        String h = href.strip();
        if (h.isEmpty()) return null;
        try {
            URI u = new URI(escapeSpaces(h));
            if (!u.isAbsolute() && base != null && !base.isBlank()) {
                URI b = new URI(escapeSpaces(base.strip()));
                if (h.startsWith("//")) {
                    u = new URI(b.getScheme() + ":" + escapeSpaces(h));
                } else if (h.startsWith("?")) {
                    // a query alone keeps the base's whole path (RFC 3986 §5.2.2); java.net.URI drops its last segment
                    String whole = b.toString();
                    int cut = whole.indexOf('#');
                    if (cut >= 0) whole = whole.substring(0, cut);
                    cut = whole.indexOf('?');
                    u = new URI((cut >= 0 ? whole.substring(0, cut) : whole) + escapeSpaces(h));
                } else {
                    u = b.resolve(u);
                }
            }
            String scheme = u.getScheme();
            if (scheme == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) return null;
            return u.toString();
        } catch (Exception e) {
            // not a URI java.net accepts; keep an absolute http(s) one as written
            String lower = h.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") ? h : null;
        }
    }

    /**
     * The one way karvon writes a URL into anything it publishes (feeds, pages, OPML, sitemap): parsed as a
     * browser parses it (WHATWG URL Standard) and serialized with each component percent-encoded by the standard's
     * sets, so no {@code "}, {@code <}, {@code >}, {@code `}, space, control or non-ASCII character is left raw
     * (the host goes to punycode). Returns null for anything but an absolute http(s) URL with a DNS name or IP
     * address as host: such a link is left out rather than published. Idempotent.
     */
    public static String serialize(String url) {
        return WebUrl.serialize(url);
    }

    private static String escapeSpaces(String s) {
        return s.indexOf(' ') >= 0 ? s.replace(" ", "%20") : s;
    }
}
