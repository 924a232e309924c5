package uz.karvon.ingest.normalize;

import java.net.URI;
import java.util.Locale;

/** Resolves feed URLs against a base and refuses schemes a reader should never follow. */
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

    private static String escapeSpaces(String s) {
        return s.indexOf(' ') >= 0 ? s.replace(" ", "%20") : s;
    }
}
