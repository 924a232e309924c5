package uz.karvon.publish;

import java.net.URI;
import java.time.Instant;
import uz.karvon.article.Article;

/** Every public URL karvon hands out, built in one place from {@code site.base_url}. */
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
        return base + "/";
    }

    /** A language's front page, {@code /uz-Latn/}. */
    public String language(String lang) {
        return base + "/" + lang + "/";
    }

    /** A section's pages in one language, {@code /en/sections/economy}. */
    public String section(String lang, String section) {
        return base + "/" + lang + "/sections/" + section;
    }

    /** The list of every public feed. */
    public String feeds() {
        return base + "/feeds";
    }

    public String feed(String feedId, String extension) {
        return base + "/feeds/" + feedId + "." + extension;
    }

    public String article(String lang, String slug) {
        return base + "/" + lang + "/articles/" + slug;
    }

    /** A site-relative media path becomes absolute; absolute URLs pass through. */
    public String absolute(String urlOrPath) {
        if (urlOrPath == null) return null;
        return urlOrPath.startsWith("/") ? base + urlOrPath : urlOrPath;
    }

    /**
     * RFC 4151 tag URI, stable across corrections (it depends only on the article id; the tag date is fixed, so a
     * correction that moves {@code published} across New Year keeps it) and distinct per language version.
     */
    public String itemId(Article a) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":article/" + a.id();
    }

    /** The date in karvon's tag URIs (RFC 4151 §2.1: any date the authority held the name). */
    static final String TAG_DATE = "2026";

    /** Karvon's own id for a republished item: derived from source and original id, never the upstream guid. */
    public String sourceItemId(String karvonItemId, Instant firstSeen) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":item/" + karvonItemId;
    }

    public String feedId(String feedId) {
        return "tag:" + tagAuthority + "," + TAG_DATE + ":feed/" + feedId;
    }
}
