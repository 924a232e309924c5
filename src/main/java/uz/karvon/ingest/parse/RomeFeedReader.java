package uz.karvon.ingest.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
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
    /** The names of an item's date elements (RSS 2.0, Dublin Core, Atom 1.0/0.3); document order decides among them. */
    static final String[] PUBLISHED_NAMES = {"pubDate", "date", "published", "issued", "created"};
    static final String[] MODIFIED_NAMES = {"updated", "modified"};

    private RomeFeedReader() {
    }

    static RawFeed read(Document doc, String baseUrl) throws FeedException {
        Element root = doc.getRootElement();
        Element channel = channelOf(root);
        FeedFields.inlineNakedMarkup(channel);
        List<Element> itemElements = itemElements(root);
        for (Element e : itemElements) FeedFields.inlineNakedMarkup(e);
        List<DateTexts> rawDates = takeDates(itemElements);
        String base = FeedFields.chainBase(baseUrl, root, null);
        // What ROME does not read well is read first, and those elements leave the tree: ROME's module parsers and
        // its reflective cloning of their results were a fifth of its time, for values it would give us worse.
        List<RawItem> items = new ArrayList<>(itemElements.size());
        List<ItemExtras> extras = new ArrayList<>(itemElements.size());
        for (Element e : itemElements) {
            RawItem it = new RawItem();
            extras.add(FeedFields.item(e, root, it, base));
            FeedFields.detachExtensions(e);
            items.add(it);
        }
        if (root.getName().equals("RDF")) declareChildNamespaces(root);
        SyndFeed feed = new SyndFeedInput().build(doc);

        RawFeed out = new RawFeed();
        out.format = feed.getFeedType();
        out.title = feed.getTitle();
        out.description = feed.getDescription();
        out.base = base;
        out.homePageUrl = Urls.resolve(out.base, alternateLink(feed));
        out.feedUrl = Urls.resolve(out.base, selfLink(feed, root));
        out.language = feed.getLanguage();
        FeedFields.feed(root, channel, out);

        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = entries.size() == itemElements.size();
        if (!aligned) out.warnings.add("raw item elements not aligned with rome entries; dates and extensions from rome only");
        boolean atom = out.format != null && out.format.startsWith("atom");
        for (int i = 0; i < entries.size(); i++) {
            RawItem it = aligned ? items.get(i) : new RawItem();
            core(entries.get(i), it, atom, atom && !out.format.startsWith("atom_0"));
            if (aligned) {
                extras.get(i).apply(it);
                it.publishedRaw.addAll(rawDates.get(i).published);
                it.modifiedRaw.addAll(rawDates.get(i).modified);
            } else {
                it.base = out.base;
                it.published = instant(entries.get(i).getPublishedDate());
                it.modified = instant(entries.get(i).getUpdatedDate());
            }
            out.items.add(it);
        }
        return out;
    }

    /**
     * ROME recognises RSS 0.90 and 1.0 by a declaration of their namespace on rdf:RDF; a document whose items were
     * moved into it by the loader (they had no namespace) or that declares it only on the children gets one.
     */
    private static void declareChildNamespaces(Element root) {
        int n = 0;
        for (Element c : root.getChildren()) {
            Namespace ns = c.getNamespace();
            if (ns.getURI().isEmpty() || ns.equals(root.getNamespace()) || root.getAdditionalNamespaces().contains(ns)) continue;
            root.addNamespaceDeclaration(Namespace.getNamespace("karvon" + n++, ns.getURI()));
        }
    }

    /** The element holding the feed's own fields: rss/channel, rdf:RDF/channel, or the Atom feed itself. */
    private static Element channelOf(Element root) {
        if (root.getName().equals("feed")) return root;
        for (Element c : root.getChildren()) {
            if (c.getName().equals("channel")) return c;
        }
        return root;
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

    /** What ROME reads well: ids, links, titles, content constructs (Atom modes, base64), categories, enclosures. */
    private static void core(SyndEntry e, RawItem it, boolean atom, boolean atom10) {
        it.guid = e.getUri();
        it.link = e.getLink();
        it.title = e.getTitle();
        // ROME gives Atom 0.3 titles no type: those stay read as HTML, as before
        SyndContent t = e.getTitleEx();
        it.titleIsText = atom && t != null && (t.getType() != null || atom10) && isText(t.getType());
        if (it.titleIsText) it.title = atomText(t);
        List<SyndContent> contents = e.getContents();
        if (contents != null && !contents.isEmpty()) {
            SyndContent c = contents.get(0);
            it.contentIsText = atom && isText(c.getType());
            it.content = it.contentIsText ? atomText(c) : c.getValue();
            if (e.getDescription() != null) {
                it.summaryIsText = atom && isText(e.getDescription().getType());
                it.summary = it.summaryIsText ? atomText(e.getDescription()) : e.getDescription().getValue();
            }
        } else if (e.getDescription() != null) {
            it.contentIsText = atom && isText(e.getDescription().getType());
            it.content = it.contentIsText ? atomText(e.getDescription()) : e.getDescription().getValue();
        }
        for (SyndCategory c : e.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) it.tags.add(c.getName().strip());
        }
        for (SyndEnclosure enc : e.getEnclosures()) {
            it.attachments.add(new Attachment(enc.getUrl(), enc.getType(), enc.getLength() > 0 ? enc.getLength() : null));
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

    /** An item's date texts in document order: the publication ones and the modification ones. */
    private record DateTexts(List<String> published, List<String> modified) {
    }

    /**
     * Takes each item's date texts and removes the date elements, so ROME does not parse them: its
     * SimpleDateFormat mask loop was half of ROME's time, and its lenient results are wrong for Feb 30 / 25:61.
     * Our own DateParser reads the texts later; when an element repeats (or pubDate and dc:date both appear), the
     * first readable one in document order wins, as in feedparser.
     */
    private static List<DateTexts> takeDates(List<Element> items) {
        List<DateTexts> out = new ArrayList<>(items.size());
        for (Element item : items) {
            DateTexts d = new DateTexts(new ArrayList<>(1), new ArrayList<>(1));
            List<Element> children = item.getChildren();
            for (int i = 0; i < children.size(); ) {
                Element c = children.get(i);
                int kind = dateKind(c.getName());
                if (kind == 0) {
                    i++;
                    continue;
                }
                String t = c.getTextTrim();
                if (!t.isEmpty()) (kind == 1 ? d.published : d.modified).add(t);
                c.detach();   // the live list shrinks: same index next
            }
            out.add(d);
        }
        return out;
    }

    /** 1 for a publication date element, 2 for a modification one, 0 otherwise. */
    private static int dateKind(String n) {
        for (String d : PUBLISHED_NAMES) {
            if (d.equals(n)) return 1;
        }
        for (String d : MODIFIED_NAMES) {
            if (d.equals(n)) return 2;
        }
        return 0;
    }

    /** An Atom text construct without a type is text (RFC 4287 §3.1.1; Atom 0.3's default is text/plain too). */
    private static boolean isText(String type) {
        if (type == null) return true;
        String t = type.toLowerCase(Locale.ROOT);
        return t.equals("text") || t.equals("text/plain");
    }

    /** Atom 0.3's default mode "xml" hands text over as ROME wrote it out, XML-escaped: unescaped once here. */
    private static String atomText(SyndContent c) {
        String v = c.getValue();
        if (v == null || !"xml".equals(c.getMode()) || v.indexOf('&') < 0) return v;
        return v.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#xD;", "\r").replace("&amp;", "&");
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
