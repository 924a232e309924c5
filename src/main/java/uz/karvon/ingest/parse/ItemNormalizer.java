package uz.karvon.ingest.parse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;
import uz.karvon.ingest.normalize.DateParser;
import uz.karvon.ingest.normalize.HtmlSanitizer;
import uz.karvon.ingest.normalize.ItemIds;
import uz.karvon.ingest.normalize.LanguageTags;
import uz.karvon.ingest.normalize.TextCleaner;
import uz.karvon.ingest.normalize.Urls;

/** Turns a {@link RawItem} into a clean {@link ParsedItem}: text, HTML, URLs, dates, ids, language. */
final class ItemNormalizer {
    static final int MAX_TITLE = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_TAGS = 50;
    static final int MAX_AUTHORS = 20;
    static final int MAX_TAG = 100;
    static final int MAX_ATTACHMENTS = 20;
    /** Dates later than now + this are flagged (a server orders such items by first-seen time). */
    static final Duration FUTURE_SLACK = Duration.ofDays(1);
    /** Dates before this are not believed (year 0, negative years, epoch-zero placeholders): absent, flagged. */
    static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");

    private final ParseOptions options;
    private final String fetchedUrl;
    private final String homePageUrl;
    private final String feedLanguage;

    ItemNormalizer(ParseOptions options, String fetchedUrl, String homePageUrl, String feedLanguage) {
        this.options = options;
        this.fetchedUrl = fetchedUrl;
        this.homePageUrl = homePageUrl;
        this.feedLanguage = feedLanguage;
    }

    ParsedItem normalize(RawItem r) {
        List<String> flags = new ArrayList<>(2);
        // Links resolve against xml:base, else the feed's own URL (RFC 3986 §5.1, as feedparser does); a file read
        // from disk has no web address, so there the channel's home page is the best guess. Relative URLs inside
        // content resolve against the item's page, the document that HTML was written for.
        boolean explicitBase = r.base != null && !r.base.equals(fetchedUrl);
        String linkBase = explicitBase ? r.base : isWeb(fetchedUrl) || homePageUrl == null ? fetchedUrl : homePageUrl;
        String url = Urls.resolve(linkBase, r.link);
        String externalUrl = Urls.resolve(linkBase, r.externalUrl);
        String ownBase = r.contentBase != null && !r.contentBase.equals(fetchedUrl) ? r.contentBase : explicitBase ? r.base : null;
        String contentBase = ownBase != null ? ownBase : url != null ? url : homePageUrl != null ? homePageUrl : fetchedUrl;

        TextCleaner.Clean title = r.titleIsText ? TextCleaner.literal(r.title, MAX_TITLE) : TextCleaner.plain(r.title, MAX_TITLE);
        if (title.truncated()) flags.add(ItemFlag.TITLE_TRUNCATED.code());

        HtmlSanitizer.Result content = HtmlSanitizer.sanitize(asHtml(r.content, r.contentIsText), contentBase);
        if (content != null && content.truncated()) flags.add(ItemFlag.CONTENT_TRUNCATED.code());
        HtmlSanitizer.Result summary = r.summary == null || r.summary.equals(r.content) ? null
                : HtmlSanitizer.sanitize(asHtml(r.summary, r.summaryIsText), contentBase);
        String contentText = r.contentText != null ? TextCleaner.fold(cap(r.contentText)) : content == null ? null : content.text();

        List<Attachment> attachments = attachments(r, linkBase);
        String image = Urls.resolve(contentBase, r.image);
        if (image == null) image = firstImage(attachments);

        Instant published = date(r.publishedRaw, r.published);
        Instant modified = date(r.modifiedRaw, r.modified);
        boolean hadDateText = !r.publishedRaw.isEmpty() || !r.modifiedRaw.isEmpty() || r.published != null || r.modified != null;
        if (!sane(modified)) modified = null;
        if (!sane(published)) published = null;
        if (published == null) published = modified;
        if (published == null) {
            flags.add(hadDateText ? ItemFlag.DATE_INVALID.code() : ItemFlag.DATE_MISSING.code());
        } else if (published.isAfter(options.now().plus(FUTURE_SLACK))) {
            flags.add(ItemFlag.DATE_FUTURE.code());
        }

        String id = ItemIds.choose(r.guid, url, title.text(), contentText);
        String language = LanguageTags.first(r.language, feedLanguage, options.declaredLanguage());
        return new ParsedItem(id.length() > 2048 ? ItemIds.contentHash(id, "") : id, url, externalUrl, title.text(),
                content == null ? null : content.html(), contentText, summary == null ? null : summary.html(),
                image, published, modified, people(r.authors), people(r.contributors), tags(r.tags), language,
                attachments, flags);
    }

    /**
     * The first date text our parser can read, in document order; the reader's own value only when there is no
     * text. ROME's lenient SimpleDateFormat turns "Feb 30" and "25:61" into other dates, so it is never asked.
     */
    private Instant date(List<String> raw, Instant fromReader) {
        for (String text : raw) {
            Instant i = DateParser.parse(text, options.zone());
            if (i != null) return i;
        }
        return raw.isEmpty() ? fromReader : null;
    }

    private static boolean isWeb(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }

    private boolean sane(Instant i) {
        return i != null && !i.isBefore(EARLIEST);
    }

    private static String asHtml(String s, boolean isText) {
        if (s == null || !isText) return s;
        return "<p>" + Entities.escape(cap(s)).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
    }

    private static String cap(String s) {
        return s.length() > HtmlSanitizer.MAX_INPUT_CHARS ? s.substring(0, HtmlSanitizer.MAX_INPUT_CHARS) : s;
    }

    private static List<Attachment> attachments(RawItem r, String base) {
        List<Attachment> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Attachment a : r.attachments) {
            String u = Urls.resolve(base, a.url());
            if (u == null || !seen.add(u)) continue;
            String type = a.mimeType() == null || a.mimeType().isBlank() ? null : a.mimeType().trim().toLowerCase(Locale.ROOT);
            out.add(new Attachment(u, type, a.sizeInBytes() != null && a.sizeInBytes() > 0 ? a.sizeInBytes() : null));
            if (out.size() >= MAX_ATTACHMENTS) break;
        }
        return out;
    }

    private static String firstImage(List<Attachment> attachments) {
        for (Attachment a : attachments) {
            if (a.mimeType() != null && a.mimeType().startsWith("image/")) return a.url();
        }
        return null;
    }

    /** Names cleaned, URLs resolved, e-mail addresses checked; people who end up with nothing are dropped. */
    List<Author> people(List<Author> raw) {
        Set<Author> out = new LinkedHashSet<>();
        String base = homePageUrl != null ? homePageUrl : fetchedUrl;
        for (Author a : raw) {
            if (out.size() >= MAX_AUTHORS) break;   // a hostile feed may list millions
            String name = TextCleaner.plain(a.name(), MAX_NAME).text();
            String url = Urls.resolve(base, a.url());
            if (url != null && url.startsWith("mailto:")) url = null;
            String email = a.email() == null || a.email().length() > MAX_NAME ? null : a.email();
            if (name != null || url != null || email != null) out.add(new Author(name, url, email));
        }
        return new ArrayList<>(out);
    }

    static List<String> tags(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw) {
            String c = TextCleaner.plain(t, MAX_TAG).text();
            if (c != null) out.add(c);
            if (out.size() >= MAX_TAGS) break;
        }
        return new ArrayList<>(out);
    }
}
