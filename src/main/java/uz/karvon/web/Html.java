package uz.karvon.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * HTML pages are built as jsoup DOM trees, never by string concatenation, so every text and attribute
 * value is escaped by construction.
 */
final class Html {
    private Html() {}

    /** A page shell with language and direction on the root element. */
    static Document page(String lang, String dir, String title) {
        Document doc = Document.createShell("");
        doc.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        doc.insertChildren(0, new org.jsoup.nodes.DocumentType("html", "", ""));
        Element html = doc.selectFirst("html");
        html.attr("lang", lang);
        html.attr("dir", dir);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/static/karvon.css");
        return doc;
    }

    static String render(Document doc) {
        return doc.outerHtml();
    }
}
