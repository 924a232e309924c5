package uz.karvon.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import uz.karvon.article.Article;
import uz.karvon.publish.ArticleSnapshot;
import uz.karvon.publish.SiteUrls;

/** sitemaps.org sitemap of the public article pages, each with its language alternates (xhtml:link hreflang). */
final class Sitemap {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Sitemap() {}

    static String render(ArticleSnapshot snapshot, SiteUrls urls, Instant now) {
        Document doc = XmlDocs.create();
        Element set = doc.createElementNS(NS, "urlset");
        set.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xhtml", XHTML);
        doc.appendChild(set);
        int n = 0;
        for (Article a : snapshot.all()) {
            if (!a.isPublicAt(now) || n++ >= 50_000) continue; // the protocol's limit per file
            Element url = doc.createElementNS(NS, "url");
            set.appendChild(url);
            child(doc, url, "loc", urls.article(a.lang(), a.slug()));
            Instant updated = a.updated().isAfter(now) ? now : a.updated();
            child(doc, url, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updated.atOffset(ZoneOffset.UTC)));
            for (Article v : snapshot.versions(a.translationKey())) {
                if (!v.isPublicAt(now)) continue;
                Element link = doc.createElementNS(XHTML, "xhtml:link");
                link.setAttribute("rel", "alternate");
                link.setAttribute("hreflang", v.lang());
                link.setAttribute("href", urls.article(v.lang(), v.slug()));
                url.appendChild(link);
            }
        }
        return XmlDocs.serialize(doc);
    }

    private static void child(Document doc, Element parent, String name, String text) {
        Element e = doc.createElementNS(NS, name);
        e.setTextContent(text);
        parent.appendChild(e);
    }
}
