package uz.karvon.web.html;

import io.javalin.http.Context;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * HTML pages are built as jsoup DOM trees, never by string concatenation, so every text and attribute value is
 * escaped by construction. Pages carry no script and no inline style: the Content-Security-Policy below forbids
 * both. The one script element, NewsArticle JSON-LD, is a data block ({@code type="application/ld+json"}): browsers
 * neither run it nor check it against {@code script-src}, so the policy stays {@code default-src 'none'}.
 */
public final class Html {
    /** Public pages: nothing but our own stylesheet and images; no script, no form, no framing. */
    public static final String CSP = "default-src 'none'; img-src 'self' https: http:; style-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";
    /** Admin pages: the same, and their forms (refresh, reload) post back to this site. */
    public static final String ADMIN_CSP = CSP.replace("form-action 'none'", "form-action 'self'");

    private Html() {}

    /** A page shell with language and direction on the root element. */
    public static Document page(String lang, String dir, String title) {
        Document doc = Document.createShell("");
        doc.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        doc.insertChildren(0, new DocumentType("html", "", ""));
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

    /**
     * Appends {@code <script type="application/ld+json">} holding {@code json}. The characters that could end the
     * element or open a comment in HTML ({@code <}, {@code >}, {@code &}) are written as JSON escapes, which
     * read back as the same string.
     */
    public static void jsonLd(Element head, String json) {
        String safe = json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        head.appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(safe));
    }

    /** Text in its own direction inside text of another ({@code <bdi>}): a Latin name in an Arabic line. */
    public static Element bdi(Element parent, String text) {
        return parent.appendElement("bdi").text(text);
    }

    public static String render(Document doc) {
        return doc.outerHtml();
    }

    public static void send(Context ctx, Document doc) {
        send(ctx, doc, CSP);
    }

    public static void send(Context ctx, Document doc, String csp) {
        send(ctx, render(doc), csp);
    }

    /** A page already rendered (by the feeds' stylesheet), under the public pages' policy. */
    public static void send(Context ctx, String html) {
        send(ctx, html, CSP);
    }

    private static void send(Context ctx, String html, String csp) {
        ctx.header("Content-Security-Policy", csp);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
