package uz.karvon.publish.render;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * RSS 2.0 through ROME's {@code rss_2.0} WireFeed generator (rssboard.org spec + W3C validator rules).
 * Inputs come through {@link Outgoing}. The item {@code <description>} is HTML by the spec, so the plain-text
 * summary is HTML-escaped into it; every other text element is plain text made HTML-inert.
 */
final class RssWriter {
    static final String FEED_TYPE = "rss_2.0";
    private final String generator;
    private final String stylesheet;

    /** @param stylesheet href of the XSLT browsers render the feed with ({@code <?xml-stylesheet?>}); null: none */
    RssWriter(String generator, String stylesheet) {
        this.generator = generator;
        this.stylesheet = stylesheet;
    }

    /** RSS 2.0 with RFC 5005 paging links and a platform's extra item elements ({@link RssExtension#NONE}: none). */
    byte[] write(Channel c, List<Entry> entries, Paging paging, RssExtension ext) {
        var ch = new com.rometools.rome.feed.rss.Channel(FEED_TYPE);
        ch.setEncoding("UTF-8");
        ch.setTitle(c.title());
        ch.setLink(c.homeUrl());
        ch.setDescription(c.description());
        String lang = LanguageTags.canonical(c.language());
        ch.setLanguage(LanguageTags.withRegion(lang)); // Apple News: "language (with locale)"
        ch.setCopyright(c.rights());
        ch.setLastBuildDate(Dates.date(c.updated()));
        ch.setGenerator(generator);
        ch.setDocs("https://www.rssboard.org/rss-specification");
        String imageUrl = c.logoUrl() != null ? c.logoUrl() : c.iconUrl();
        if (imageUrl != null) {
            var img = new com.rometools.rome.feed.rss.Image();
            img.setUrl(imageUrl);
            img.setTitle(c.title()); // spec: image title and link should match the channel's
            img.setLink(c.homeUrl());
            img.setWidth(null); // ROME defaults to -1, which it would write and the validator rejects
            img.setHeight(null);
            ch.setImage(img);
        }
        List<Element> links = new ArrayList<>();
        if (c.rssUrl() != null) {
            links.add(atomLink("self", "application/rss+xml", c.rssUrl(), null, null));
        }
        if (c.hubUrl() != null) links.add(atomLink("hub", null, c.hubUrl(), null, null));   // WebSub discovery
        // RFC 5005 §3 paged feeds, through atom:link as RSS has no element of its own
        if (paging.first() != null) links.add(atomLink("first", "application/rss+xml", paging.first(), null, null));
        if (paging.previous() != null) links.add(atomLink("previous", "application/rss+xml", paging.previous(), null, null));
        if (paging.next() != null) links.add(atomLink("next", "application/rss+xml", paging.next(), null, null));
        if (!links.isEmpty()) {
            ch.setForeignMarkup(links);
        }
        List<Item> items = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Item it = item(e, lang);
            List<Element> extra = ext.item(e);
            if (!extra.isEmpty()) {
                List<Element> fm = new ArrayList<>(it.getForeignMarkup());
                fm.addAll(extra);
                it.setForeignMarkup(fm);
            }
            items.add(it);
        }
        ch.setItems(items);
        try {
            Document doc = new WireFeedOutput().outputJDom(ch);
            XmlBytes.stylesheet(doc, stylesheet);
            List<org.jdom2.Namespace> ns = new ArrayList<>(List.of(Namespaces.ATOM, Namespaces.DC, Namespaces.MEDIA, Namespaces.KARVON));
            for (org.jdom2.Namespace n : ext.namespaces()) if (!ns.contains(n)) ns.add(n);
            return XmlBytes.write(doc, ns.toArray(org.jdom2.Namespace[]::new));
        } catch (FeedException ex) {
            throw new FeedRenderException("rss " + c.id() + ": " + ex.getMessage(), ex);
        }
    }

    private Item item(Entry e, String channelLang) {
        Item it = new Item();
        it.setTitle(e.title());
        it.setLink(e.url());
        if (e.summary() != null) {
            Description d = new Description();
            d.setValue(PlainText.asHtml(e.summary()));
            it.setDescription(d);
        }
        if (e.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(e.contentHtml());
            it.setContent(content); // ROME writes it as <content:encoded>
        }
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(e.id());
        it.setGuid(guid);
        it.setPubDate(Dates.date(e.published() != null ? e.published() : e.updated()));
        List<Category> cats = new ArrayList<>();
        for (String name : e.categories()) {
            cats.add(category(null, name));
        }
        if (e.embargo() != null) {
            cats.add(category(Namespaces.STATUS_SCHEME, "embargoed"));
        }
        it.setCategories(cats);
        if (e.credit() != null && e.credit().url() != null) {
            Source s = new Source();
            s.setUrl(e.credit().url());
            s.setValue(e.credit().name());
            it.setSource(s);
        }
        if (e.image() != null && e.image().hasKnownLength() && e.image().type() != null) {
            // The validator rejects a missing or non-positive length, so an image of unknown size is
            // published through media:content only.
            Enclosure enc = new Enclosure();
            enc.setUrl(e.image().url());
            enc.setLength(e.image().length());
            enc.setType(e.image().type());
            it.setEnclosures(List.of(enc));
        }
        it.setModules(modules(e, channelLang));
        it.setForeignMarkup(foreign(e));
        return it;
    }

    private static List<Module> modules(Entry e, String channelLang) {
        List<Module> modules = new ArrayList<>();
        String lang = LanguageTags.canonical(e.language());
        boolean otherLang = lang != null && !LanguageTags.same(lang, channelLang);
        if (e.author() != null || otherLang) {
            // RSS <author> must be an e-mail address; a byline is a name, so dc:creator.
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(e.author());
            dc.setLanguage(otherLang ? lang : null);
            modules.add(dc);
        }
        boolean related = e.cluster() != null && !e.cluster().related().isEmpty();
        if (!e.translations().isEmpty() || related) {
            List<Link> links = new ArrayList<>();
            for (Translation t : e.translations()) {
                links.add(AtomLinks.alternate(t.url(), LanguageTags.canonical(t.language()), t.title()));
            }
            if (related) {
                for (Related r : e.cluster().related()) {
                    links.add(AtomWriter.related(r));
                }
            }
            AtomLinkModuleImpl atom = new AtomLinkModuleImpl();
            atom.setLinks(links);
            modules.add(atom);
        }
        Module media = e.image() == null ? null : media(e.image());
        if (media != null) {
            modules.add(media);
        }
        return modules;
    }

    private static Module media(Image img) {
        MediaContent mc;
        try {
            mc = new MediaContent(new UrlReference(img.url()));
        } catch (URISyntaxException ex) {
            return null; // one odd image URL must not take the whole feed down; the item goes out without it
        }
        mc.setMedium("image");
        mc.setType(img.type());
        if (img.hasKnownLength()) {
            mc.setFileSize(img.length());
        }
        if (img.caption() != null) {
            Metadata md = new Metadata();
            md.setDescription(img.caption());
            md.setDescriptionType("plain");
            mc.setMetadata(md);
        }
        MediaEntryModuleImpl m = new MediaEntryModuleImpl();
        m.setMediaContents(new MediaContent[] {mc});
        return m;
    }

    private static List<Element> foreign(Entry e) {
        List<Element> out = new ArrayList<>();
        if (e.updated() != null) {
            Element u = new Element("updated", Namespaces.ATOM);
            u.setText(Dates.rfc3339(e.updated()));
            out.add(u);
        }
        out.addAll(KarvonElements.of(e));
        return out;
    }

    private static Category category(String domain, String value) {
        Category cat = new Category();
        cat.setDomain(domain);
        cat.setValue(value);
        return cat;
    }

    private static Element atomLink(String rel, String type, String href, String hreflang, String title) {
        Element l = new Element("link", Namespaces.ATOM);
        l.setAttribute("rel", rel);
        if (type != null) {
            l.setAttribute("type", type);
        }
        l.setAttribute("href", href);
        if (hreflang != null) {
            l.setAttribute("hreflang", hreflang);
        }
        if (title != null) {
            l.setAttribute("title", title);
        }
        return l;
    }
}
