package uz.karvon.publish.render;

import org.jdom2.Namespace;

/** XML namespaces used by the writers, with the prefixes declared once on the root element. */
final class Namespaces {
    private Namespaces() {
    }

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Atom as the default namespace, for elements inside an Atom document. */
    static final Namespace ATOM_DEFAULT = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace KARVON = Namespace.getNamespace("karvon", "https://karvon.uz/ns/1.0");
    /** RFC 6721 tombstones. */
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");
    static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");

    /** Category domain/scheme marking an entry's editorial status, e.g. {@code embargoed}. */
    static final String STATUS_SCHEME = "https://karvon.uz/ns/status";
}
