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
    /** Dates later than now + this are clamped to now. */
    static final Duration FUTURE_SLACK = Duration.ofDays(1);
    /** Dates before this are not believed (year 0, negative years, epoch-zero placeholders). */
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
        boolean explicitBase = r.base != null && !r.base.equals(fetchedUrl);
        String linkBase = explicitBase ? r.base : homePageUrl != null ? homePageUrl : fetchedUrl;
        String url = Urls.resolve(linkBase, r.link);
        String externalUrl = Urls.resolve(linkBase, r.externalUrl);
        String contentBase = explicitBase ? r.base : url != null ? url : homePageUrl != null ? homePageUrl : fetchedUrl;

        TextCleaner.Clean title = r.titleIsText ? TextCleaner.literal(r.title, MAX_TITLE) : TextCleaner.plain(r.title, MAX_TITLE);
        if (title.truncated()) flags.add("title-truncated");

        HtmlSanitizer.Result content = HtmlSanitizer.sanitize(asHtml(r.content, r.contentIsText), contentBase);
        if (content != null && content.truncated()) flags.add("content-truncated");
        HtmlSanitizer.Result summary = r.summary == null || r.summary.equals(r.content) ? null
                : HtmlSanitizer.sanitize(asHtml(r.summary, r.summaryIsText), contentBase);
        String contentText = r.contentText != null ? TextCleaner.fold(cap(r.contentText)) : content == null ? null : content.text();

        List<Attachment> attachments = attachments(r, linkBase);
        String image = Urls.resolve(contentBase, r.image);
        if (image == null) image = firstImage(attachments);

        Instant published = date(r.publishedRaw, r.published);
        Instant modified = date(r.modifiedRaw, r.modified);
        boolean hadDateText = r.publishedRaw != null || r.modifiedRaw != null;
        if (published == null) published = modified;
        modified = sane(modified) ? clampFuture(modified) : null;
        if (published == null) {
            published = options.now();
            flags.add(hadDateText ? "date-invalid" : "date-missing");
        } else if (published.isBefore(EARLIEST)) {
            published = options.now();
            flags.add("date-invalid");
        } else if (published.isAfter(options.now().plus(FUTURE_SLACK))) {
            published = options.now();
            flags.add("date-clamped");
        }

        String id = ItemIds.choose(r.guid, url, title.text(), contentText);
        String language = LanguageTags.first(r.language, feedLanguage, options.declaredLanguage());
        return new ParsedItem(id.length() > 2048 ? ItemIds.contentHash(id, "") : id, url, externalUrl, title.text(),
                content == null ? null : content.html(), contentText, summary == null ? null : summary.html(),
                image, published, modified, authors(r.authors), tags(r.tags), language, attachments, flags);
    }

    private Instant date(String raw, Instant fromReader) {
        // ROME's lenient SimpleDateFormat turns "Feb 30" and "25:61" into other dates: when we have the raw
        // text, our parser's verdict is final; ROME's value is used only when the raw text was not found.
        if (raw != null) return DateParser.parse(raw, options.zone());
        return fromReader;
    }

    private boolean sane(Instant i) {
        return i != null && !i.isBefore(EARLIEST);
    }

    private Instant clampFuture(Instant i) {
        return i.isAfter(options.now().plus(FUTURE_SLACK)) ? options.now() : i;
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

    private List<Author> authors(List<Author> raw) {
        Set<Author> out = new LinkedHashSet<>();
        for (Author a : raw) {
            if (out.size() >= MAX_AUTHORS) break;   // a hostile feed may list millions
            String name = TextCleaner.plain(a.name(), MAX_NAME).text();
            String url = Urls.resolve(homePageUrl != null ? homePageUrl : fetchedUrl, a.url());
            if (name != null || url != null) out.add(new Author(name, url));
        }
        return new ArrayList<>(out);
    }

    private static List<String> tags(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw) {
            String c = TextCleaner.plain(t, MAX_TAG).text();
            if (c != null) out.add(c);
            if (out.size() >= MAX_TAGS) break;
        }
        return new ArrayList<>(out);
    }
}
