package uz.karvon.ingest.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The namespaces feeds use, under the URIs ROME and the readers expect. Publishers write the same module under
 * variant URIs (a missing or extra trailing slash, https, other case, stray spaces) and use well-known prefixes
 * without declaring them; both are mapped here, so there is one table of what a namespace is.
 */
final class FeedNamespaces {
    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String GOOGLE_PLAY = "http://www.google.com/schemas/play-podcasts/1.0";
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";
    /** Not a namespace: undeclared prefixes nobody knows are bound here, so the document parses and they are ignored. */
    static final String UNKNOWN_PREFIX_BASE = "urn:x-karvon:undeclared:";

    /** Prefix → URI for prefixes feeds use without declaring them (feedparser binds the same ones). */
    static final Map<String, String> WELL_KNOWN_PREFIXES = Map.ofEntries(
            Map.entry("atom", ATOM_10), Map.entry("dc", DC), Map.entry("dcterms", DCTERMS),
            Map.entry("content", CONTENT), Map.entry("itunes", ITUNES), Map.entry("media", MEDIA),
            Map.entry("rdf", RDF), Map.entry("xhtml", XHTML),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("admin", "http://webns.net/mvcb/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
            Map.entry("feedburner", FEEDBURNER),
            Map.entry("thr", "http://purl.org/syndication/thread/1.0"),
            Map.entry("googleplay", GOOGLE_PLAY),
            Map.entry("cc", "http://web.resource.org/cc/"),
            Map.entry("creativecommons", "http://backend.userland.com/creativeCommonsRssModule"),
            Map.entry("psc", "http://podlove.org/simple-chapters"),
            Map.entry("podcast", "https://podcastindex.org/namespace/1.0"));

    /** The URIs exactly as the readers expect them: most documents use only these, and need no further look-up. */
    private static final Set<String> CANONICAL = Set.copyOf(WELL_KNOWN_PREFIXES.values());
    /** Loose form ({@link #key}) → canonical URI, for the variants. */
    private static final Map<String, String> BY_KEY = byKey();
    /** RSS 2.0 has no namespace, but some feeds declare one of these as default: their elements are plain RSS. */
    private static final Set<String> RSS_2_DEFAULTS = Set.of("backend.userland.com/rss2", "backend.userland.com/rss",
            "blogs.law.harvard.edu/tech/rss");

    private FeedNamespaces() {
    }

    private static Map<String, String> byKey() {
        Map<String, String> m = new HashMap<>();
        for (String uri : CANONICAL) m.put(key(uri), uri);
        for (String uri : new String[] {ATOM_03, RSS_10, RSS_090}) m.put(key(uri), uri);
        // feedparser's test suite and podcasts in the wild use these for iTunes
        m.put("example.com/dtds/podcast-1.0.dtd", ITUNES);
        m.put("search.yahoo.com/rss", MEDIA);
        return Map.copyOf(m);
    }

    /**
     * The URI a namespace declaration means: itself when already canonical (or unknown, trimmed), the canonical
     * URI for a known variant, "" for the RSS 2.0 pseudo-namespaces. Never null for a non-null input.
     */
    static String canonical(String uri) {
        if (uri == null || uri.isEmpty() || CANONICAL.contains(uri) || uri.equals(ATOM_03) || uri.equals(RSS_10)
                || uri.equals(RSS_090) || uri.equals(ATOM_10)) {
            return uri;
        }
        String k = key(uri);
        String c = BY_KEY.get(k);
        if (c != null) return c;
        if (RSS_2_DEFAULTS.contains(k)) return "";
        return uri.strip();
    }

    /** Loose form: no spaces, lower case, no scheme, no leading "www.", no trailing '/' or '#'. */
    static String key(String uri) {
        String s = uri.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("https://")) s = s.substring(8);
        else if (s.startsWith("http://")) s = s.substring(7);
        if (s.startsWith("www.")) s = s.substring(4);
        while (!s.isEmpty() && (s.endsWith("/") || s.endsWith("#"))) s = s.substring(0, s.length() - 1);
        return s;
    }

    static boolean isAtom(String uri) {
        return ATOM_10.equals(uri) || ATOM_03.equals(uri);
    }

    /** The URI to bind an undeclared prefix to. */
    static String forUndeclaredPrefix(String prefix) {
        String known = WELL_KNOWN_PREFIXES.get(prefix.toLowerCase(Locale.ROOT));
        return known != null ? known : UNKNOWN_PREFIX_BASE + prefix;
    }
}
