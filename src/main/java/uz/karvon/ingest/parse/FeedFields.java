package uz.karvon.ingest.parse;

import java.util.List;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import uz.karvon.ingest.normalize.Urls;

/**
 * What {@link RomeFeedReader} reads straight from the JDOM elements rather than through ROME: people (every RSS,
 * Dublin Core, iTunes and Atom form, e-mail split from name), iTunes and Media RSS fields, categories, languages
 * with {@code xml:lang} inheritance, {@code xml:base} chains, and text elements that hold naked markup. When an
 * element repeats, the first one wins (feedparser's rule); lists keep document order.
 */
final class FeedFields {
    /** Elements whose content is text or escaped HTML; markup written into them bare is kept as HTML text. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("title", "description", "summary", "content", "subtitle",
            "tagline", "info", "rights", "copyright", "author", "comments", "encoded", "abstract");
    private static final XMLOutputter RAW = new XMLOutputter(Format.getRawFormat());
    private static final int MAX_CATEGORY_DEPTH = 4;

    private FeedFields() {
    }

    // ---- the feed ----

    /** Feed-level people, icon, tags and fallbacks for the description and language. */
    static void feed(Element root, Element channel, RawFeed out) {
        String itunesSummary = null;
        String mediaDescription = null;
        String webMaster = null;
        String dcLanguage = null;
        Author owner = null;
        for (Element c : channel.getChildren()) {
            String ns = c.getNamespaceURI();
            String n = c.getName();
            if (ns.isEmpty() || FeedNamespaces.RSS_10.equals(ns) || FeedNamespaces.RSS_090.equals(ns)) {
                switch (n) {
                    case "managingEditor", "author" -> addPerson(out.authors, Persons.fromText(c.getTextTrim()));
                    case "webMaster" -> webMaster = first(webMaster, c.getTextTrim());
                    case "category" -> addTag(out.tags, c.getTextTrim());
                    case "image" -> out.icon = first(out.icon, childText(c, "url"));
                    default -> {
                    }
                }
            } else if (FeedNamespaces.isAtom(ns)) {
                switch (n) {
                    case "author" -> addPerson(out.authors, Persons.fromElement(c));
                    case "icon", "logo" -> out.icon = first(out.icon, c.getTextTrim());
                    case "category" -> addTag(out.tags, first(c.getAttributeValue("label"), c.getAttributeValue("term")));
                    default -> {
                    }
                }
            } else if (FeedNamespaces.DC.equals(ns) || FeedNamespaces.DCTERMS.equals(ns)) {
                switch (n) {
                    case "creator", "author" -> addPerson(out.authors, Persons.fromText(c.getTextTrim()));
                    case "language" -> dcLanguage = first(dcLanguage, c.getTextTrim());
                    case "subject" -> addTag(out.tags, c.getTextTrim());
                    default -> {
                    }
                }
            } else if (FeedNamespaces.ITUNES.equals(ns)) {
                switch (n) {
                    case "author" -> addPerson(out.authors, Persons.fromText(c.getTextTrim()));
                    case "owner" -> owner = owner == null ? Persons.fromElement(c) : owner;
                    case "image" -> out.icon = first(out.icon, c.getAttributeValue("href"), c.getTextTrim());
                    case "category" -> itunesCategory(c, out.tags, 0);
                    case "summary", "subtitle" -> itunesSummary = first(itunesSummary, c.getTextTrim());
                    default -> {
                    }
                }
            } else if (FeedNamespaces.GOOGLE_PLAY.equals(ns)) {
                if (n.equals("author")) addPerson(out.authors, Persons.fromText(c.getTextTrim()));
            } else if (FeedNamespaces.MEDIA.equals(ns)) {
                switch (n) {
                    case "thumbnail" -> out.icon = first(out.icon, c.getAttributeValue("url"));
                    case "category" -> addTag(out.tags, c.getTextTrim());
                    case "description" -> mediaDescription = first(mediaDescription, c.getTextTrim());
                    default -> {
                    }
                }
            }
        }
        if (out.authors.isEmpty()) addPerson(out.authors, owner);
        if (out.authors.isEmpty()) addPerson(out.authors, Persons.fromText(webMaster));
        if (blank(out.description)) out.description = first(itunesSummary, mediaDescription);
        out.language = first(out.language, dcLanguage, lang(channel), lang(root));
    }

    // ---- an item ----

    /**
     * Item-level people, language and bases, set on {@code it}; iTunes, Media RSS and other extension values are
     * returned, to be applied once ROME has filled the core fields ({@link ItemExtras#apply}).
     */
    static ItemExtras item(Element item, Element root, RawItem it, String feedBase) {
        it.base = chainBase(feedBase, item, root);
        Element content = null;
        Element description = null;
        String dcLanguage = null;
        ItemExtras media = new ItemExtras();
        for (Element c : item.getChildren()) {
            String ns = c.getNamespaceURI();
            String n = c.getName();
            if (ns.isEmpty() || FeedNamespaces.RSS_10.equals(ns) || FeedNamespaces.RSS_090.equals(ns)) {
                switch (n) {
                    case "author" -> addPerson(it.authors, c.getChildren().isEmpty() ? Persons.fromText(c.getTextTrim()) : Persons.fromElement(c));
                    case "description" -> description = description == null ? c : description;
                    default -> {
                    }
                }
            } else if (FeedNamespaces.isAtom(ns)) {
                switch (n) {
                    case "link" -> media.atomLink = media.atomLink == null && isAlternate(c) ? c.getAttributeValue("href") : media.atomLink;
                    case "author" -> addPerson(it.authors, Persons.fromElement(c));
                    case "contributor" -> addPerson(it.contributors, Persons.fromElement(c));
                    case "content" -> content = content == null ? c : content;
                    case "summary" -> description = description == null ? c : description;
                    default -> {
                    }
                }
            } else if (FeedNamespaces.CONTENT.equals(ns)) {
                if (n.equals("encoded") && content == null) content = c;
            } else if (FeedNamespaces.DC.equals(ns) || FeedNamespaces.DCTERMS.equals(ns)) {
                switch (n) {
                    case "creator", "author" -> addPerson(it.authors, Persons.fromText(c.getTextTrim()));
                    case "contributor" -> addPerson(it.contributors, Persons.fromText(c.getTextTrim()));
                    case "language" -> dcLanguage = first(dcLanguage, c.getTextTrim());
                    case "subject" -> media.tags.add(c.getTextTrim());
                    case "title" -> media.dcTitle = first(media.dcTitle, c.getTextTrim());
                    default -> {
                    }
                }
            } else if (FeedNamespaces.FEEDBURNER.equals(ns)) {
                if (n.equals("origLink")) media.origLink = first(media.origLink, c.getTextTrim());
            } else if (FeedNamespaces.GOOGLE_PLAY.equals(ns)) {
                if (n.equals("author")) addPerson(it.authors, Persons.fromText(c.getTextTrim()));
            } else if (FeedNamespaces.ITUNES.equals(ns)) {
                switch (n) {
                    case "author" -> addPerson(it.authors, Persons.fromText(c.getTextTrim()));
                    case "title" -> media.itunesTitle = first(media.itunesTitle, c.getTextTrim());
                    case "image" -> media.itunesImage = first(media.itunesImage, c.getAttributeValue("href"), c.getTextTrim());
                    case "category" -> itunesCategory(c, media.itunesTags, 0);
                    case "summary" -> media.itunesSummary = first(media.itunesSummary, c.getTextTrim());
                    case "subtitle" -> media.itunesSubtitle = first(media.itunesSubtitle, c.getTextTrim());
                    default -> {
                    }
                }
            } else if (FeedNamespaces.MEDIA.equals(ns)) {
                media.read(c, 0);
            }
        }
        Element body = content != null ? content : description;
        it.contentBase = body == null ? it.base : chainBase(it.base, body, item);
        it.language = first(body == null ? null : lang(body), lang(item), dcLanguage);
        return media;
    }

    /** Namespaces whose item elements {@link #item} reads completely, so ROME need not see them. */
    private static final Set<String> READ_HERE = Set.of(FeedNamespaces.MEDIA, FeedNamespaces.ITUNES, FeedNamespaces.DC,
            FeedNamespaces.DCTERMS, FeedNamespaces.GOOGLE_PLAY, FeedNamespaces.FEEDBURNER);

    /** Removes an item's elements of the namespaces {@link #item} has read (after it has read them). */
    static void detachExtensions(Element item) {
        List<Element> children = item.getChildren();
        for (int i = 0; i < children.size(); ) {
            if (READ_HERE.contains(children.get(i).getNamespaceURI())) children.get(i).detach();   // the live list shrinks
            else i++;
        }
    }

    // ---- shared helpers ----

    /**
     * Text elements written with bare markup inside ({@code <title><p>Feed Title</p></title>}) keep that markup as
     * HTML text, as feedparser reads them; ROME would see only the text between the tags. Atom XHTML content
     * ({@code type="xhtml"}, 0.3 {@code mode="xml"}) is markup by design and left alone.
     */
    static void inlineNakedMarkup(Element parent) {
        for (Element c : parent.getChildren()) {
            if (!TEXT_ELEMENTS.contains(c.getName()) || !isCore(c.getNamespaceURI()) || !hasElementChild(c)) continue;
            String type = c.getAttributeValue("type");
            String mode = c.getAttributeValue("mode");
            if ("xml".equalsIgnoreCase(mode) || (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("xhtml"))
                    || (c.getName().equals("author") && (FeedNamespaces.isAtom(c.getNamespaceURI()) || childText(c, "name") != null))) {
                // a person construct (Atom, or written inside an RSS author element) is read by its parts
                continue;
            }
            String markup = RAW.outputString(c.getContent());
            c.setText(markup);
            if (FeedNamespaces.isAtom(c.getNamespaceURI())) {
                c.setAttribute("type", FeedNamespaces.ATOM_03.equals(c.getNamespaceURI()) ? "text/html" : "html");
            }
        }
    }

    /** RSS (no namespace, 0.90, 1.0), Atom and content:encoded: the namespaces whose text elements ROME reads. */
    private static boolean isCore(String ns) {
        return ns.isEmpty() || FeedNamespaces.isAtom(ns) || FeedNamespaces.RSS_10.equals(ns) || FeedNamespaces.RSS_090.equals(ns)
                || FeedNamespaces.CONTENT.equals(ns);
    }

    /** An Atom link to the item itself: rel absent or "alternate". */
    private static boolean isAlternate(Element link) {
        String rel = link.getAttributeValue("rel");
        return link.getAttributeValue("href") != null && (rel == null || rel.equals("alternate"));
    }

    private static boolean hasElementChild(Element e) {
        for (Content c : e.getContent()) {
            if (c instanceof Element) return true;
        }
        return false;
    }

    /** iTunes categories nest (Technology → Podcasting): every level becomes a tag, outermost first. */
    static void itunesCategory(Element c, List<String> into, int depth) {
        addTag(into, first(c.getAttributeValue("text"), c.getTextTrim()));
        if (depth >= MAX_CATEGORY_DEPTH) return;
        for (Element sub : c.getChildren()) {
            if (sub.getName().equals("category")) itunesCategory(sub, into, depth + 1);
        }
    }

    private static void addPerson(List<Author> into, Author a) {
        if (a != null && into.size() < ItemNormalizer.MAX_AUTHORS && !into.contains(a)) into.add(a);
    }

    static void addTag(List<String> into, String t) {
        if (t != null && !t.isBlank() && into.size() < ItemNormalizer.MAX_TAGS && !into.contains(t.strip())) into.add(t.strip());
    }

    /**
     * The xml:lang in force at {@code el}: its own or the nearest ancestor's; null when none, or when the nearest
     * one is blank ({@code xml:lang=""} means "unknown" and stops inheritance).
     */
    static String lang(Element el) {
        for (Element cur = el; cur != null; cur = cur.getParentElement()) {
            String l = cur.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (l != null) return l.isBlank() ? null : l.strip();
        }
        return null;
    }

    /** Effective xml:base of {@code el}: {@code start}, then every xml:base from below {@code stopAbove} down. */
    static String chainBase(String start, Element el, Element stopAbove) {
        String[] bases = new String[8];
        int n = 0;
        for (Element cur = el; cur != null && cur != stopAbove; cur = cur.getParentElement()) {
            String b = cur.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null && n < bases.length) bases[n++] = b;
        }
        String base = start;
        for (int i = n - 1; i >= 0; i--) {
            String r = Urls.resolve(base, bases[i].strip());
            if (r != null) base = r;
        }
        return base;
    }

    static String childText(Element parent, String name) {
        for (Element c : parent.getChildren()) {
            if (c.getName().equals(name)) {
                String t = c.getTextTrim();
                if (!t.isEmpty()) return t;
            }
        }
        return null;
    }

    static String first(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) return x.strip();
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
