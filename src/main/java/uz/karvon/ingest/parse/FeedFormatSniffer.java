package uz.karvon.ingest.parse;

import java.util.Locale;

/** Tells JSON, HTML and XML bodies apart by their first significant characters (no parsing). */
final class FeedFormatSniffer {
    enum Kind { JSON, HTML, XML, UNKNOWN }

    private FeedFormatSniffer() {
    }

    static Kind sniff(String text, String contentType) {
        int i = 0;
        int n = text.length();
        while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
        if (i >= n) return Kind.UNKNOWN;
        char c = text.charAt(i);
        if (c == '{' || c == '[') return Kind.JSON;
        String root = rootName(text);
        if (root == null) {
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return ct.contains("json") ? Kind.JSON : Kind.UNKNOWN;
        }
        if (HTML_ROOTS.contains(root)) return Kind.HTML;
        // an XHTML or HTML DOCTYPE before <rss> is a template's leftover: the root element decides
        if (!FEED_ROOTS.contains(root) && htmlDoctype(text)) return Kind.HTML;
        return Kind.XML;
    }

    private static final java.util.Set<String> HTML_ROOTS = java.util.Set.of("html", "head", "body");
    private static final java.util.Set<String> FEED_ROOTS = java.util.Set.of("rss", "rdf", "feed", "channel");

    private static boolean htmlDoctype(String s) {
        int i = s.indexOf("<!");
        while (i >= 0 && i < 4096) {
            if (s.regionMatches(true, i, "<!DOCTYPE html", 0, 14)) return true;
            i = s.indexOf("<!", i + 2);
        }
        return false;
    }

    /** Lower-case local name of the first element (DOCTYPEs, comments and PIs skipped), or null. */
    static String rootName(String s) {
        int from = XmlCleaner.documentStart(s);
        int limit = s.length();   // a DOCTYPE can be large (entity bombs); every step below advances
        int i = from;
        while (i < limit) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= limit) return null;
            char c = s.charAt(lt + 1);
            if (c == '?') {
                i = skipPast(s, lt, "?>");
            } else if (s.startsWith("<!--", lt)) {
                i = skipPast(s, lt, "-->");
            } else if (c == '!') {
                i = XmlCleaner.doctypeEnd(s, lt);
            } else if (Character.isLetter(c)) {
                int e = lt + 1;
                while (e < s.length() && !Character.isWhitespace(s.charAt(e)) && s.charAt(e) != '>' && s.charAt(e) != '/') e++;
                String qname = s.substring(lt + 1, e);
                int colon = qname.indexOf(':');
                return (colon >= 0 ? qname.substring(colon + 1) : qname).toLowerCase(Locale.ROOT);
            } else {
                i = lt + 1;
            }
            if (i < 0) return null;
        }
        return null;
    }

    private static int skipPast(String s, int from, String end) {
        int e = s.indexOf(end, from + 2);
        return e < 0 ? -1 : e + end.length();
    }
}
