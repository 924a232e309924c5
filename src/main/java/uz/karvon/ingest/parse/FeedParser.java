package uz.karvon.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import uz.karvon.ingest.normalize.LanguageTags;
import uz.karvon.ingest.normalize.TextCleaner;
import uz.karvon.ingest.normalize.Urls;

/**
 * The one door from fetched bytes to a {@link ParsedFeed}: charset → format sniffing → XML repair → ROME (RSS,
 * Atom), our own CDF reader or Jackson (JSON Feed) → normalisation. Ill-formed XML is recovered rather than
 * refused (see {@link XmlRecovery}); what was repaired is listed in {@link ParsedFeed#repairs()}. Every failure,
 * including ROME's unchecked exceptions and a stack overflow, leaves as a {@link FeedParseException}.
 * Stateless and thread-safe.
 */
public final class FeedParser {
    /** Bodies larger than this are refused when no limit is given (the fetcher should cap earlier). */
    public static final int MAX_BODY_BYTES = 48 * 1024 * 1024;
    private static final int MAX_FEED_TEXT = 1000;

    private final long maxBodyBytes;

    public FeedParser() {
        this(MAX_BODY_BYTES);
    }

    /** Refuses bodies over {@code maxBodyBytes}: the server passes {@code ingest.max_body_size}, its fetches' limit. */
    public FeedParser(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public ParsedFeed parse(byte[] body, String httpContentType, String baseUrl, ParseOptions o) throws FeedParseException {
        try {
            return doParse(body, httpContentType, baseUrl, o);
        } catch (FeedParseException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new FeedParseException("too-deep", "document nested too deeply", e);
        } catch (RuntimeException e) {
            throw new FeedParseException("unreadable", "unreadable feed: " + describe(e), e);
        }
    }

    private ParsedFeed doParse(byte[] body, String contentType, String baseUrl, ParseOptions o) throws FeedParseException {
        if (body == null || body.length == 0) throw new FeedParseException("empty", "empty body");
        if (body.length > maxBodyBytes) {
            throw new FeedParseException("too-large", "body too large: " + body.length + " bytes (limit " + maxBodyBytes + ")");
        }
        EncodingDetector.Decoded decoded = EncodingDetector.decode(body, contentType);
        String text = decoded.text();
        if (text.isBlank()) throw new FeedParseException("empty", "empty body");

        RawFeed raw = switch (FeedFormatSniffer.sniff(text, contentType)) {
            case JSON -> readJson(text);
            case HTML -> throw htmlPage(text, baseUrl);
            case XML -> readXml(text, baseUrl, o);
            case UNKNOWN -> throw new FeedParseException("not-a-feed", "no xml or json found");
        };
        raw.repairs.addAll(0, decoded.repairs());
        return assemble(raw, baseUrl, o);
    }

    private static RawFeed readJson(String text) throws FeedParseException {
        try {
            return JsonFeedReader.read(text);
        } catch (StreamConstraintsException e) {
            throw new FeedParseException("too-deep", "json nested deeper than " + JsonFeedReader.MAX_DEPTH, e);
        } catch (JsonFeedReader.NotAFeed e) {
            throw new FeedParseException("not-a-feed", e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new FeedParseException("malformed-json", "malformed json: " + describe(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new FeedParseException("malformed-json", "malformed json: " + describe(e), e);
        }
    }

    private static FeedParseException htmlPage(String text, String baseUrl) {
        List<String> feeds = HtmlPageInspector.advertisedFeeds(text, baseUrl);
        String detail = "html page, not a feed" + (feeds.isEmpty() ? "" : " (advertises: " + String.join(", ", feeds) + ")");
        return new FeedParseException("html-page", detail, feeds, null);
    }

    private static RawFeed readXml(String text, String baseUrl, ParseOptions o) throws FeedParseException {
        XmlCleaner.Cleaned cleaned = XmlCleaner.clean(text);
        if (cleaned.expansionAttack()) {
            throw new FeedParseException("entity-expansion", "the doctype defines entities through other entities or"
                    + " with huge values (an entity-expansion attack); refused without expanding anything");
        }
        List<String> repairs = new ArrayList<>();
        if (cleaned.doctypeRemoved()) {
            repairs.add(cleaned.declaredEntities() > 0
                    ? "doctype skipped; " + cleaned.declaredEntities() + " declared entities left empty"
                    : "doctype skipped");
        }
        if (cleaned.fixes() > 0) repairs.add("undefined entities, bare '&' or characters illegal in xml fixed (" + cleaned.fixes() + ")");
        XmlDocumentLoader.Loaded loaded = load(cleaned, repairs);
        repairs.addAll(loaded.repairs());
        Element root = loaded.document().getRootElement();
        String rootName = root.getName();
        RawFeed raw;
        if (CdfReader.isCdf(root)) {
            raw = CdfReader.read(root);
            raw.base = baseUrl;
        } else if (rootName.equalsIgnoreCase("rss") || rootName.equals("RDF") || rootName.equals("feed")) {
            raw = readRome(loaded, baseUrl, o);
        } else {
            throw new FeedParseException("not-a-feed", "xml root <" + rootName.toLowerCase(Locale.ROOT) + "> is not rss, rdf, atom or cdf");
        }
        raw.repairs.addAll(repairs);
        return raw;
    }

    private static RawFeed readRome(XmlDocumentLoader.Loaded loaded, String baseUrl, ParseOptions o) throws FeedParseException {
        Element root = loaded.document().getRootElement();
        int dropped = NewestItems.pruneElements(RomeFeedReader.itemElements(root), o.maxItems(), o.zone(), o.now());
        RawFeed raw;
        try {
            raw = RomeFeedReader.read(loaded.document(), baseUrl);
        } catch (FeedException e) {
            throw new FeedParseException("malformed-xml", "unreadable feed: " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not-a-feed", "not a feed rome understands: " + describe(e), e);
        }
        raw.hubs.addAll(RomeFeedReader.hubLinks(root));
        if (loaded.pruned()) raw.warnings.add("elements nested deeper than " + XmlDocumentLoader.MAX_DEPTH + " dropped");
        if (dropped > 0) raw.warnings.add(dropped + " older items dropped (max " + o.maxItems() + ")");
        return raw;
    }

    /**
     * The strict parse first (most feeds: one parse, nothing copied); when it refuses the document, the repairs of
     * {@link XmlRecovery} in turn, each followed by the same strict parse. Nothing here reads a DTD.
     */
    private static XmlDocumentLoader.Loaded load(XmlCleaner.Cleaned cleaned, List<String> repairs) throws FeedParseException {
        JDOMException strict;
        try {
            return XmlDocumentLoader.load(cleaned.reader());
        } catch (JDOMException e) {
            strict = e;
        } catch (IOException e) {
            throw new FeedParseException("malformed-xml", "malformed xml: " + describe(e), e);
        }
        String xml = cleaned.xml();
        XmlRecovery.Repaired declared = XmlRecovery.declarePrefixes(xml);
        if (declared != null) {
            try {
                XmlDocumentLoader.Loaded l = XmlDocumentLoader.load(new StringReader(declared.xml()));
                repairs.add(declared.note());
                return l;
            } catch (JDOMException | IOException e) {
                xml = declared.xml();   // the prefixes were one problem; rebuild the rest
            }
        }
        XmlRecovery.Repaired rebuilt = XmlRecovery.rebuild(xml, describe(strict));
        if (rebuilt == null) {
            String why = xml.length() > XmlRecovery.MAX_REBUILD_CHARS ? " (too large to rebuild: " + xml.length() + " chars)" : "";
            throw new FeedParseException("malformed-xml", "malformed xml" + why + ": " + describe(strict), strict);
        }
        String fixed = rebuilt.xml();
        XmlRecovery.Repaired again = XmlRecovery.declarePrefixes(fixed);
        if (again != null) fixed = again.xml();
        try {
            XmlDocumentLoader.Loaded l = XmlDocumentLoader.load(new StringReader(fixed));
            if (declared != null) repairs.add(declared.note());
            else if (again != null) repairs.add(again.note());
            repairs.add(rebuilt.note());
            return l;
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("malformed-xml", "malformed xml: " + describe(strict), strict);
        }
    }

    private static ParsedFeed assemble(RawFeed raw, String baseUrl, ParseOptions o) {
        String base = raw.base != null ? raw.base : baseUrl;
        String home = Urls.resolve(base, raw.homePageUrl);
        String feedUrl = Urls.resolve(base, raw.feedUrl);
        if (feedUrl == null) feedUrl = Urls.resolve(null, baseUrl);
        String language = LanguageTags.first(raw.language, o.declaredLanguage());
        ItemNormalizer normalizer = new ItemNormalizer(o, baseUrl, home, language);
        List<ParsedItem> items = new ArrayList<>(raw.items.size());
        for (RawItem r : raw.items) items.add(normalizer.normalize(r));
        int before = items.size();
        items = NewestItems.dedupeAndCap(items, o.maxItems(), o.now());
        List<String> warnings = new ArrayList<>(raw.warnings);
        if (items.size() < before) warnings.add((before - items.size()) + " duplicate or surplus items dropped");
        String title = TextCleaner.plain(raw.title, MAX_FEED_TEXT).text();
        String description = TextCleaner.plain(raw.description, MAX_FEED_TEXT * 4).text();
        List<String> hubs = new ArrayList<>();
        for (String h : raw.hubs) {
            String abs = Urls.resolve(base, h);
            if (abs != null && !hubs.contains(abs)) hubs.add(abs);
        }
        String icon = Urls.resolve(base, raw.icon);
        List<Author> authors = normalizer.people(raw.authors);
        List<String> tags = ItemNormalizer.tags(raw.tags);
        return new ParsedFeed(title, home, feedUrl, description, language, raw.format, icon, authors, tags, items,
                warnings, raw.repairs, hubs);
    }

    private static String describe(Object e) {
        String m = e instanceof Throwable t ? (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()) : String.valueOf(e);
        m = m.replaceAll("\\s+", " ").trim();
        if (m.length() > 200) m = m.substring(0, 200) + "…";
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
