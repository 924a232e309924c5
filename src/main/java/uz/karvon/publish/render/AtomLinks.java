package uz.karvon.publish.render;

import com.rometools.rome.feed.atom.Link;

/** Builders for ROME's Atom {@link Link}, shared by the RSS (atom:link) and Atom writers. */
final class AtomLinks {
    private AtomLinks() {
    }

    static Link link(String rel, String type, String href) {
        Link l = new Link();
        l.setRel(rel);
        l.setType(type);
        l.setHref(href);
        return l;
    }

    static Link alternate(String href, String hreflang, String title) {
        Link l = link("alternate", "text/html", href);
        l.setHreflang(hreflang);
        l.setTitle(title);
        return l;
    }
}
