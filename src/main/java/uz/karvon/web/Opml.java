package uz.karvon.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.SiteUrls;
import uz.karvon.publish.render.PlainText;

/**
 * OPML 2.0 list of the public feeds (RSS URLs), grouped by language, built with the JDK's DOM. Readers show
 * {@code text} and {@code title} as text or as HTML, so they are written HTML-inert ({@link PlainText#inert}).
 */
final class Opml {
    private Opml() {}

    static String render(KarvonConfig cfg, Instant now) {
        Document doc = XmlDocs.create();
        Element opml = doc.createElement("opml");
        opml.setAttribute("version", "2.0");
        doc.appendChild(opml);
        Element head = doc.createElement("head");
        opml.appendChild(head);
        text(doc, head, "title", PlainText.inert(cfg.site().title()));
        text(doc, head, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        Element body = doc.createElement("body");
        opml.appendChild(body);
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        Map<String, Element> groups = new LinkedHashMap<>();
        for (FeedSpec feed : cfg.feeds()) {
            if (!feed.isPublic()) continue;
            String lang = feed.language() == null ? "mul" : feed.language();
            Element group = groups.computeIfAbsent(lang, l -> {
                Element g = doc.createElement("outline");
                g.setAttribute("text", l);
                body.appendChild(g);
                return g;
            });
            Element o = doc.createElement("outline");
            o.setAttribute("type", "rss");
            o.setAttribute("text", PlainText.inert(feed.title()));
            o.setAttribute("title", PlainText.inert(feed.title()));
            o.setAttribute("description", PlainText.inert(feed.description()));
            o.setAttribute("language", lang);
            o.setAttribute("xmlUrl", urls.feed(feed.id(), "rss"));
            o.setAttribute("htmlUrl", urls.home());
            group.appendChild(o);
        }
        return XmlDocs.serialize(doc);
    }

    private static void text(Document doc, Element parent, String name, String value) {
        Element e = doc.createElement(name);
        e.setTextContent(value);
        parent.appendChild(e);
    }
}
