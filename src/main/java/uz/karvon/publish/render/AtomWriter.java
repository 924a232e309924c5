package uz.karvon.publish.render;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 (RFC 4287) through ROME's {@code atom_1.0} WireFeed generator. Built on the wire model, not on
 * {@code SyndFeed}, so ROME's converter never adds an empty {@code <author><name/></author>} or a
 * {@code dc:date} next to {@code published}. Tombstones are RFC 6721 {@code at:deleted-entry} elements.
 */
final class AtomWriter {
    static final String FEED_TYPE = "atom_1.0";
    private final String publisher;
    private final String generator;
    private final String stylesheet;

    /** @param stylesheet href of the XSLT browsers render the feed with ({@code <?xml-stylesheet?>}); null: none */
    AtomWriter(String publisher, String generator, String stylesheet) {
        this.publisher = publisher;
        this.generator = generator;
        this.stylesheet = stylesheet;
    }

    byte[] write(Channel c, List<Entry> entries, List<Tombstone> tombstones, Paging paging) {
        Feed feed = new Feed(FEED_TYPE);
        feed.setEncoding("UTF-8");
        feed.setId(feedId(c));
        feed.setTitleEx(text(c.title()));
        if (!c.description().isEmpty()) {
            feed.setSubtitle(text(c.description()));
        }
        feed.setAlternateLinks(List.of(AtomLinks.link("alternate", "text/html", c.homeUrl())));
        List<Link> links = new ArrayList<>();
        if (c.atomUrl() != null) {
            links.add(AtomLinks.link("self", "application/atom+xml", c.atomUrl()));
        }
        if (c.hubUrl() != null) links.add(AtomLinks.link("hub", null, c.hubUrl()));   // WebSub discovery
        // RFC 5005 §3 paged feeds
        if (paging.first() != null) links.add(AtomLinks.link("first", "application/atom+xml", paging.first()));
        if (paging.previous() != null) links.add(AtomLinks.link("previous", "application/atom+xml", paging.previous()));
        if (paging.next() != null) links.add(AtomLinks.link("next", "application/atom+xml", paging.next()));
        if (!links.isEmpty()) {
            feed.setOtherLinks(links);
        }
        // RFC 4287 §4.1.1: every entry needs an author, so the feed carries the agency as default author.
        feed.setAuthors(List.of(person(publisher)));
        feed.setRights(c.rights());
        feed.setIcon(c.iconUrl());
        feed.setLogo(c.logoUrl());
        feed.setUpdated(Dates.date(c.updated()));
        Generator g = new Generator();
        g.setValue(generator);
        feed.setGenerator(g);
        List<com.rometools.rome.feed.atom.Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(entry(e));
        }
        feed.setEntries(out);
        List<Element> deleted = new ArrayList<>();
        for (Tombstone t : tombstones) {
            deleted.add(deletedEntry(t));
        }
        feed.setForeignMarkup(deleted);
        try {
            Document doc = new WireFeedOutput().outputJDom(feed);
            addLanguages(doc.getRootElement(), LanguageTags.canonical(c.language()), entries);
            XmlBytes.stylesheet(doc, stylesheet);
            return XmlBytes.write(doc, Namespaces.TOMBSTONES, Namespaces.KARVON);
        } catch (FeedException ex) {
            throw new FeedRenderException("atom " + c.id() + ": " + ex.getMessage(), ex);
        }
    }

    /** A channel id that is already an absolute URI is used as is; otherwise the served Atom URL, unique per feed. */
    static String feedId(Channel c) {
        try {
            if (URI.create(c.id()).isAbsolute()) {
                return c.id();
            }
        } catch (IllegalArgumentException notAUri) {
            // fall through
        }
        return c.atomUrl() != null ? c.atomUrl() : c.homeUrl();
    }

    private com.rometools.rome.feed.atom.Entry entry(Entry e) {
        var a = new com.rometools.rome.feed.atom.Entry();
        a.setId(e.id());
        a.setTitleEx(text(e.title()));
        String lang = LanguageTags.canonical(e.language());
        List<Link> alternates = new ArrayList<>();
        alternates.add(AtomLinks.alternate(e.url(), lang, null));
        // RFC 4287 §4.1.1: at most one alternate link per (type, hreflang).
        Set<String> langs = new LinkedHashSet<>();
        langs.add(String.valueOf(lang).toLowerCase(Locale.ROOT));
        for (Translation t : e.translations()) {
            String tl = LanguageTags.canonical(t.language());
            if (langs.add(String.valueOf(tl).toLowerCase(Locale.ROOT))) {
                alternates.add(AtomLinks.alternate(t.url(), tl, t.title()));
            }
        }
        a.setAlternateLinks(alternates);
        List<Link> other = new ArrayList<>();
        if (e.image() != null) {
            Link enc = AtomLinks.link("enclosure", e.image().type(), e.image().url());
            if (e.image().hasKnownLength()) {
                enc.setLength(e.image().length());
            }
            enc.setTitle(e.image().caption());
            other.add(enc);
        }
        if (e.credit() != null && e.credit().url() != null) {
            // RFC 4287 §4.2.7.2: "via" identifies the source of the information in the entry.
            Link via = AtomLinks.link("via", "text/html", e.credit().url());
            via.setTitle(e.credit().name());
            other.add(via);
        }
        if (e.cluster() != null) {
            for (Related r : e.cluster().related()) {
                other.add(related(r));
            }
        }
        a.setOtherLinks(other);
        if (e.author() != null && !e.author().isBlank()) {
            a.setAuthors(List.of(person(e.author())));
        }
        List<Category> cats = new ArrayList<>();
        for (String term : e.categories()) {
            cats.add(category(term, null));
        }
        if (e.embargo() != null) {
            cats.add(category("embargoed", Namespaces.STATUS_SCHEME));
        }
        a.setCategories(cats);
        var updated = e.updated() != null ? e.updated() : e.published();
        a.setUpdated(Dates.date(updated));
        a.setPublished(Dates.date(e.published()));
        if (e.summary() != null) {
            a.setSummary(text(PlainText.inert(e.summary()))); // type="text": the summary is plain text
        }
        if (e.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(e.contentHtml());
            a.setContents(List.of(content));
        }
        a.setForeignMarkup(KarvonElements.of(e));
        return a;
    }

    private static Element deletedEntry(Tombstone t) {
        Element d = new Element("deleted-entry", Namespaces.TOMBSTONES);
        d.setAttribute("ref", t.id());
        d.setAttribute("when", Dates.rfc3339(t.when()));
        if (t.reason() != null) {
            Element comment = new Element("comment", Namespaces.TOMBSTONES);
            comment.setText(t.reason());
            d.addContent(comment);
        }
        if (t.url() != null) {
            Element link = new Element("link", Namespaces.ATOM_DEFAULT);
            link.setAttribute("href", t.url());
            d.addContent(link);
        }
        return d;
    }

    /** ROME's Atom generator ignores language; xml:lang goes on the feed and on entries that differ from it. */
    private static void addLanguages(Element root, String feedLang, List<Entry> entries) {
        if (feedLang != null) {
            root.setAttribute("lang", feedLang, Namespace.XML_NAMESPACE);
        }
        List<Element> elements = root.getChildren("entry", Namespaces.ATOM_DEFAULT);
        for (int i = 0; i < elements.size(); i++) {
            String lang = LanguageTags.canonical(entries.get(i).language());
            if (lang != null && !LanguageTags.same(lang, feedLang)) {
                elements.get(i).setAttribute("lang", lang, Namespace.XML_NAMESPACE);
            }
        }
    }

    private static Content text(String value) {
        Content c = new Content();
        c.setType(Content.TEXT);
        c.setValue(value);
        return c;
    }

    private static SyndPerson person(String name) {
        Person p = new Person();
        p.setName(name);
        return p;
    }

    private static Category category(String term, String scheme) {
        Category c = new Category();
        c.setTerm(term);
        c.setScheme(scheme);
        return c;
    }

    /** RFC 4287 §4.2.7.2: "related" names a resource related to the entry; here another report of the same event. */
    static Link related(Related r) {
        Link l = AtomLinks.link("related", "text/html", r.url());
        l.setHreflang(LanguageTags.canonical(r.language()));
        l.setTitle(r.source() == null ? r.title() : r.title() == null ? r.source() : r.source() + ": " + r.title());
        return l;
    }
}
