package uz.karvon.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uz.karvon.ingest.parse.Author;
import uz.karvon.ingest.parse.ItemFlag;
import uz.karvon.ingest.parse.ParsedItem;
import uz.karvon.lang.TextHygiene;
import uz.karvon.store.SourceItem;

/** Turns a parsed item into a stored one: karvon's own id, the canonical link and the text fingerprint used for de-duplication. */
final class ItemMapper {
    private static final Pattern TRACKING = Pattern.compile("(?i)^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|from)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ItemMapper() {}

    static SourceItem map(String sourceId, ParsedItem parsed, String language, Instant now) {
        ParsedItem p = spelled(parsed, language);
        List<SourceItem.Author> authors = new ArrayList<>();
        p.authors().forEach(a -> authors.add(new SourceItem.Author(a.name(), a.url() != null ? a.url()
                : a.email() != null ? "mailto:" + a.email() : null)));
        List<SourceItem.Attachment> attachments = new ArrayList<>();
        p.attachments().forEach(a -> attachments.add(new SourceItem.Attachment(a.url(), a.mimeType(), a.sizeInBytes())));
        String title = p.title();
        if (title == null || title.isBlank()) title = untitled(p);
        // An item without a date the server can believe (none, unreadable, or in the future) is ordered by the time
        // it was first seen; its flags say so, and the store keeps that first time on later polls.
        Instant published = p.published();
        List<String> flags = p.flags();
        if (published == null || ItemFlag.undated(flags)) {
            published = now;
            if (p.hasFlag(ItemFlag.DATE_FUTURE)) {
                flags = new ArrayList<>(flags);
                flags.add(DATE_CLAMPED);
            }
        }
        return new SourceItem(karvonId(sourceId, p.id()), sourceId, p.id(), p.url(), p.externalUrl(), title,
                p.summary(), p.contentHtml(), p.image(), published, p.modified(), now,
                language, authors, p.tags(), attachments, flags, canonicalUrl(p.url()),
                textHash(title, p.contentText() != null ? p.contentText() : p.summary()), null);
    }

    /** Flag of a stored item whose future date was replaced by its first-seen time. */
    static final String DATE_CLAMPED = "date-clamped";

    /**
     * The item spelled as its language requires: for Uzbek in Latin script, oʻ/gʻ and the tutuq belgisi, which
     * arrive as ' ‘ ’ `, get their one spelling (U+02BB, U+02BC) in every text field — title, content and summary
     * text (never their markup, URLs or code), tags and author names — so they are searchable and de-duplicable.
     * The same {@link TextHygiene} rule serves the CMS's articles.
     */
    static ParsedItem spelled(ParsedItem p, String language) {
        if (!TextHygiene.isUzbekLatin(language)) return p;
        List<String> tags = new ArrayList<>(p.tags().size());
        for (String t : p.tags()) {
            String fixed = TextHygiene.normalizeUzbekApostrophes(t);
            if (!tags.contains(fixed)) tags.add(fixed);
        }
        List<Author> authors = new ArrayList<>(p.authors().size());
        for (Author a : p.authors()) authors.add(new Author(TextHygiene.normalizeUzbekApostrophes(a.name()), a.url(), a.email()));
        return p.withText(TextHygiene.normalizeUzbekApostrophes(p.title()), TextHygiene.normalizeUzbekApostrophesInHtml(p.contentHtml()),
                TextHygiene.normalizeUzbekApostrophes(p.contentText()), TextHygiene.normalizeUzbekApostrophesInHtml(p.summary()),
                tags, authors);
    }

    /** RSS allows items without a title; feeds and readers need one, so take the text's opening words. */
    static String untitled(ParsedItem p) {
        String text = p.contentText() != null && !p.contentText().isBlank() ? p.contentText()
                : p.summary() != null ? org.jsoup.Jsoup.parse(p.summary()).text() : "";
        text = SPACES.matcher(text.strip()).replaceAll(" ");
        if (text.isEmpty()) return p.url() != null ? p.url() : "(untitled)";
        if (text.codePointCount(0, text.length()) <= 80) return text;
        int cut = text.offsetByCodePoints(0, 80);
        int space = text.lastIndexOf(' ', cut);
        return text.substring(0, space > 40 ? space : cut) + "…";
    }

    /** Stable across fetches and distinct per source: two sources using the same guid never collide. */
    static String karvonId(String sourceId, String originalId) {
        return sha256(sourceId + "\n" + originalId).substring(0, 32);
    }

    /** Link without fragment, tracking parameters, default port or trailing slash; host lower-cased. */
    static String canonicalUrl(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.trim());
            if (u.getHost() == null) return null;
            StringBuilder q = new StringBuilder();
            if (u.getRawQuery() != null) {
                for (String part : u.getRawQuery().split("&")) {
                    String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                    if (part.isEmpty() || TRACKING.matcher(name).matches()) continue;
                    q.append(q.length() == 0 ? "" : "&").append(part);
                }
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
            int port = u.getPort();
            boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(u.getScheme()))
                    || (port == 443 && "https".equalsIgnoreCase(u.getScheme()));
            // http and https versions of one page are one story
            return u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path + (q.length() == 0 ? "" : "?" + q);
        } catch (Exception e) {
            return null;
        }
    }

    /** Fingerprint of the normalized text (case, punctuation, spacing ignored), so re-posted copies match. */
    static String textHash(String title, String text) {
        String t = (title == null ? "" : title) + " " + (text == null ? "" : text);
        String norm = NOT_WORD.matcher(Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return sha256(norm);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
