package uz.karvon.ingest.parse;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import uz.karvon.ingest.normalize.Urls;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME, from an already-parsed JDOM document (one XML parse).
 * Raw date strings are taken from the JDOM item elements, which ROME returns in the same order.
 */
final class RomeFeedReader {
    /** Where feeds put an item's dates, in order of trust (RSS 2.0, Dublin Core, Atom 1.0/0.3). */
    static final String[] PUBLISHED_NAMES = {"pubDate", "date", "published", "issued", "created"};
    static final String[] MODIFIED_NAMES = {"updated", "modified"};

    private RomeFeedReader() {
    }

    static RawFeed read(Document doc, String baseUrl) throws FeedException {
        Element root = doc.getRootElement();
        List<Element> itemElements = itemElements(root);
        List<String[]> rawDates = takeDates(itemElements);
        SyndFeed feed = new SyndFeedInput().build(doc);

        RawFeed out = new RawFeed();
        out.format = feed.getFeedType();
        out.title = feed.getTitle();
        out.description = feed.getDescription();
        out.base = chainBase(baseUrl, root, null);
        out.homePageUrl = Urls.resolve(out.base, alternateLink(feed));
        out.feedUrl = Urls.resolve(out.base, selfLink(feed, root));
        out.language = firstNonBlank(feed.getLanguage(), xmlLang(root));

        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = entries.size() == itemElements.size();
        if (!aligned) out.warnings.add("raw item elements not aligned with rome entries; dates from rome only");
        for (int i = 0; i < entries.size(); i++) {
            Element raw = aligned ? itemElements.get(i) : null;
            RawItem it = item(entries.get(i), raw, root, out.base, out.format != null && out.format.startsWith("atom"));
            if (aligned) {
                it.publishedRaw = rawDates.get(i)[0];
                it.modifiedRaw = rawDates.get(i)[1];
            }
            out.items.add(it);
        }
        return out;
    }

    /** item/entry elements in document order, for rss (channel/item), rdf (item) and atom (entry). */
    static List<Element> itemElements(Element root) {
        String r = root.getName();
        List<Element> items = new ArrayList<>();
        if (r.equalsIgnoreCase("rss")) {
            // exactly what ROME reads (the first channel's items), so raw dates line up with its entries
            Element channel = root.getChild("channel", root.getNamespace());
            if (channel != null) collect(channel, "item", items);
        } else if (r.equals("RDF")) {
            collect(root, "item", items);
        } else if (r.equals("feed")) {
            collect(root, "entry", items);
        }
        return items;
    }

    private static void collect(Element parent, String name, List<Element> into) {
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(name)) into.add(c);
        }
    }

    private static RawItem item(SyndEntry e, Element raw, Element root, String feedBase, boolean atom) {
        RawItem it = new RawItem();
        it.base = raw == null ? feedBase : chainBase(feedBase, raw, root);
        it.guid = e.getUri();
        it.link = e.getLink();
        it.title = e.getTitle();
        it.titleIsText = atom && e.getTitleEx() != null && isText(e.getTitleEx().getType());
        List<SyndContent> contents = e.getContents();
        if (contents != null && !contents.isEmpty()) {
            SyndContent c = contents.get(0);
            it.content = c.getValue();
            it.contentIsText = atom && isText(c.getType());
            if (e.getDescription() != null) {
                it.summary = e.getDescription().getValue();
                it.summaryIsText = atom && isText(e.getDescription().getType());
            }
        } else if (e.getDescription() != null) {
            it.content = e.getDescription().getValue();
            it.contentIsText = atom && isText(e.getDescription().getType());
        }
        it.published = instant(e.getPublishedDate());
        it.modified = instant(e.getUpdatedDate());
        if (raw != null) it.language = xmlLang(raw);
        if (it.language == null) {
            DCModule dc = (DCModule) e.getModule(DCModule.URI);
            if (dc != null) it.language = dc.getLanguage();
        }
        authors(e, it);
        for (SyndCategory c : e.getCategories()) {
            if (c.getName() != null) it.tags.add(c.getName());
        }
        if (it.tags.isEmpty()) {   // RSS 1.0 writes categories as dc:subject, which ROME 2 leaves in the DC module
            DCModule dc = (DCModule) e.getModule(DCModule.URI);
            if (dc != null && dc.getSubjects() != null) {
                for (DCSubject subject : dc.getSubjects()) {
                    if (subject.getValue() != null) it.tags.add(subject.getValue());
                }
            }
        }
        for (SyndEnclosure enc : e.getEnclosures()) {
            it.attachments.add(new Attachment(enc.getUrl(), enc.getType(), enc.getLength() > 0 ? enc.getLength() : null));
        }
        media(e, it);
        return it;
    }

    private static void authors(SyndEntry e, RawItem it) {
        for (SyndPerson p : e.getAuthors()) {
            String name = firstNonBlank(p.getName(), p.getEmail());
            if (name != null || p.getUri() != null) it.authors.add(new Author(name == null ? null : rssAuthorName(name), p.getUri()));
        }
        if (it.authors.isEmpty()) {
            DCModule dc = (DCModule) e.getModule(DCModule.URI);
            if (dc != null && dc.getCreators() != null) {
                for (String c : dc.getCreators()) it.authors.add(new Author(c == null ? null : rssAuthorName(c), null));
            }
        }
        if (it.authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
            it.authors.add(new Author(rssAuthorName(e.getAuthor()), null));
        }
    }

    /** RSS 2.0 author is "email (Name)", and feeds copy that form into dc:creator too; keep the name. */
    static String rssAuthorName(String s) {
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open >= 0 && close > open + 1 && s.substring(0, open).contains("@")) return s.substring(open + 1, close);
        return s;
    }

    private static void media(SyndEntry e, RawItem it) {
        MediaEntryModule m = (MediaEntryModule) e.getModule(MediaModule.URI);
        if (m == null) return;
        List<MediaContent> all = new ArrayList<>(List.of(m.getMediaContents()));
        for (MediaGroup g : m.getMediaGroups()) {
            all.addAll(List.of(g.getContents()));
            thumbnail(g.getMetadata(), it);
        }
        thumbnail(m.getMetadata(), it);
        for (MediaContent c : all) {
            if (c.getReference() instanceof UrlReference u && u.getUrl() != null) {
                String type = c.getType();
                if (type == null && "image".equals(c.getMedium())) type = "image/*";
                it.attachments.add(new Attachment(u.getUrl().toString(), type, c.getFileSize()));
            }
            thumbnail(c.getMetadata(), it);
        }
    }

    private static void thumbnail(Metadata md, RawItem it) {
        if (it.image != null || md == null || md.getThumbnail() == null) return;
        for (Thumbnail t : md.getThumbnail()) {
            if (t.getUrl() != null) {
                it.image = t.getUrl().toString();
                return;
            }
        }
    }

    /** Atom: the rel=alternate (or rel-less) link; ROME's getLink() may return another rel. RSS: channel link. */
    private static String alternateLink(SyndFeed feed) {
        for (SyndLink l : feed.getLinks()) {
            if ((l.getRel() == null || "alternate".equals(l.getRel())) && l.getHref() != null) return l.getHref();
        }
        return feed.getLink();
    }

    /** WebSub discovery in XML (§4): {@code link rel="hub"} children of the Atom feed or the RSS channel. */
    static List<String> hubLinks(Element root) {
        Element scope = root;
        for (Element ch : root.getChildren()) {
            if (ch.getName().equals("channel")) scope = ch;
        }
        List<String> out = new ArrayList<>();
        for (Element l : scope.getChildren()) {
            String rel = l.getAttributeValue("rel");
            String href = l.getAttributeValue("href");
            if (!l.getName().equals("link") || rel == null || href == null || href.isBlank()) continue;
            for (String r : rel.trim().split("\\s+")) {
                if (r.equalsIgnoreCase("hub")) out.add(href.trim());
            }
        }
        return out;
    }

    private static String selfLink(SyndFeed feed, Element root) {
        for (SyndLink l : feed.getLinks()) {
            if ("self".equals(l.getRel()) && l.getHref() != null) return l.getHref();
        }
        Element scope = root;
        for (Element ch : root.getChildren()) {
            if (ch.getName().equals("channel")) scope = ch;
        }
        for (Element l : scope.getChildren()) {
            if (l.getName().equals("link") && "self".equals(l.getAttributeValue("rel"))) return l.getAttributeValue("href");
        }
        return null;
    }

    /**
     * Takes each item's date texts ({published, modified}) and removes the date elements, so ROME does not
     * parse them: its SimpleDateFormat mask loop was half of ROME's time, and its lenient results are wrong
     * for Feb 30 / 25:61. Our own DateParser reads the texts later.
     */
    private static List<String[]> takeDates(List<Element> items) {
        List<String[]> out = new ArrayList<>(items.size());
        for (Element item : items) {
            out.add(new String[] {childText(item, PUBLISHED_NAMES), childText(item, MODIFIED_NAMES)});
            for (Element c : new ArrayList<>(item.getChildren())) {
                if (isDateName(c.getName())) c.detach();
            }
        }
        return out;
    }

    private static boolean isDateName(String n) {
        for (String d : PUBLISHED_NAMES) {
            if (d.equals(n)) return true;
        }
        for (String d : MODIFIED_NAMES) {
            if (d.equals(n)) return true;
        }
        return false;
    }

    private static String childText(Element parent, String[] names) {
        for (String n : names) {
            for (Element c : parent.getChildren()) {
                if (c.getName().equals(n)) {
                    String t = c.getTextTrim();
                    if (!t.isEmpty()) return t;
                }
            }
        }
        return null;
    }

    /** Effective xml:base of {@code el}: {@code start}, then every xml:base from below {@code stopAbove} down. */
    private static String chainBase(String start, Element el, Element stopAbove) {
        List<String> bases = new ArrayList<>();
        for (Element cur = el; cur != null && cur != stopAbove; cur = cur.getParentElement()) {
            String b = cur.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null) bases.add(b);
        }
        String base = start;
        for (int i = bases.size() - 1; i >= 0; i--) {
            String r = Urls.resolve(base, bases.get(i));
            if (r != null) base = r;
        }
        return base;
    }

    private static String xmlLang(Element el) {
        String l = el.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        return l == null || l.isBlank() ? null : l;
    }

    private static boolean isText(String type) {
        if (type == null) return false;
        String t = type.toLowerCase(Locale.ROOT);
        return t.equals("text") || t.equals("text/plain");
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    static String firstNonBlank(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) return x;
        }
        return null;
    }
}
