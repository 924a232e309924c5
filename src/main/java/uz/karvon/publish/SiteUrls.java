package uz.karvon.publish;

import java.net.URI;
import java.time.Instant;
import uz.karvon.article.Article;
import uz.karvon.ingest.normalize.Urls;

/**
 * Every public URL karvon hands out, built in one place from {@code site.base_url} and WHATWG-serialized
 * ({@link Urls#serialize}): a Cyrillic or Arabic slug goes out percent-encoded, as a browser would send it.
 */
public final class SiteUrls {
    private final String base;
    private final String tagAuthority;

    public SiteUrls(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(this.base).getHost();
        this.tagAuthority = host == null ? "karvon.invalid" : host;
    }

    public String base() {
        return base;
    }

    public String home() {
        return published(base + "/");
    }

    /** A language's front page, {@code /uz-Latn/}. */
    public String language(String lang) {
        return published(base + "/" + lang + "/");
    }

    /** A section's pages in one language, {@code /en/sections/economy}. */
    public String section(String lang, String section) {
        return published(base + "/" + lang + "/sections/" + section);
    }

    /** The list of every public feed. */
    public String feeds() {
        return published(base + "/feeds");
    }

    public String feed(String feedId, String extension) {
        return published(base + "/feeds/" + feedId + "." + extension);
    }

    public String article(String lang, String slug) {
        return published(base + "/" + lang + "/articles/" + slug);
    }

    /** A site-relative media path becomes absolute; absolute URLs pass through; null if it cannot be published. */
    public String absolute(String urlOrPath) {
        if (urlOrPath == null) return null;
        return Urls.serialize(urlOrPath.startsWith("/") ? base + urlOrPath : urlOrPath);
    }

    /** Our own URLs are built from a validated base and validated ids and slugs, so they always serialize. */
    private static String published(String url) {
        String s = Urls.serialize(url);
        if (s == null) throw new IllegalStateException("site: cannot publish URL " + url);
        return s;
    }

    /**
     * RFC 4151 tag URI, stable across corrections (it depends only on the article id; the tag date is fixed, so a
     * correction that moves {@code published} across New Year keeps it) and distinct per language version.
     */
    public String itemId(Article a) {
        return articleIdPrefix() + a.id();
    }

    /** What every article's item id starts with; the rest is the article id. */
    public String articleIdPrefix() {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":article/";
    }

    /** What every republished item's id starts with; the rest is karvon's item id. */
    public String sourceItemIdPrefix() {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":item/";
    }

    /** The date in karvon's tag URIs (RFC 4151 §2.1: any date the authority held the name). */
    static final String TAG_DATE = "2026";

    /** Karvon's own id for a republished item: derived from source and original id, never the upstream guid. */
    public String sourceItemId(String karvonItemId, Instant firstSeen) {
        return sourceItemIdPrefix() + karvonItemId;
    }

    public String feedId(String feedId) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":feed/" + feedId;
    }
}
