package uz.karvon.ingest.normalize;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Allow-list HTML sanitiser for feed content (jsoup {@link Safelist}). Drops scripts, styles, frames, event
 * handlers and non-http(s) URLs; resolves relative links and images against the base URL; caps input size and
 * nesting depth so hostile content costs bounded time. Thread-safe.
 */
public final class HtmlSanitizer {
    /** Input beyond this many chars is cut before parsing (the tail is lost; flagged by the caller). */
    public static final int MAX_INPUT_CHARS = 256 * 1024;
    /** jsoup tree depth limit: deeper elements are flattened into their ancestor. */
    static final int MAX_DEPTH = 128;

    private static final Safelist SAFELIST = buildSafelist();
    /** Removed with everything inside them; every other tag the safelist rejects is unwrapped (text kept). */
    private static final Set<String> DROP_WITH_CONTENT = Set.of("script", "style", "iframe", "frame", "frameset",
            "object", "embed", "applet", "noscript", "noembed", "noframes", "template", "svg", "math", "head", "title",
            "meta", "link", "base", "textarea", "select", "option", "xmp", "plaintext", "audio", "video", "canvas");

    /** A parser, a shell document and a writer per thread, reused call after call (cheap to empty, not to build). */
    private static final class Workspace {
        final Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        final Document document = Document.createShell("");
        final CleanTreeWriter writer = new CleanTreeWriter();

        Workspace() {
            document.outputSettings().prettyPrint(false);
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** Sanitised HTML and its plain text. */
    public record Result(String html, String text, boolean truncated) {
    }

    private HtmlSanitizer() {
    }

    /** Sanitises {@code html}; null or blank input gives null. */
    public static Result sanitize(String html, String baseUrl) {
        if (html == null || html.isBlank()) return null;
        boolean truncated = false;
        String in = html;
        if (in.length() > MAX_INPUT_CHARS) {
            in = in.substring(0, MAX_INPUT_CHARS);
            truncated = true;
        }
        if (in.indexOf('<') < 0 && in.indexOf('&') < 0) {
            // plain text (common for summaries): nothing to sanitise, skip the HTML parser
            String text = TextCleaner.fold(in);
            return text.isEmpty() ? null : new Result(org.jsoup.nodes.Entities.escape(text), text, truncated);
        }
        String base = baseUrl == null ? "" : baseUrl;
        Workspace ws = WORKSPACE.get();
        Element body = ws.document.body();
        body.empty();   // also recovers from an earlier call that threw half-way
        try {
            body.appendChildren(ws.parser.parseFragmentInput(in, body, base));
            cleanInPlace(body, base);
            String[] htmlAndText = ws.writer.write(body);
            String out = htmlAndText[0];
            String text = htmlAndText[1];
            if (out.isEmpty() && text.isEmpty()) return null;
            return new Result(out, text.isEmpty() ? null : text, truncated);
        } finally {
            body.empty();
        }
    }

    /**
     * Applies the safelist in place (jsoup's Cleaner copies the whole tree into a new document, which was 12% of
     * parse time): rejected tags are unwrapped or, for active content, removed with their content; attributes
     * the safelist rejects are removed; comments, data nodes (raw script/style text) and CDATA are removed.
     */
    static void cleanInPlace(Element body, String base) {
        List<Element> unwrap = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == body) return FilterResult.CONTINUE;
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (DROP_WITH_CONTENT.contains(tag)) return FilterResult.REMOVE;
                    if (!SAFELIST.isSafeTag(tag)) {
                        unwrap.add(el);
                        el.clearAttributes();
                        return FilterResult.CONTINUE;
                    }
                    if (el.attributesSize() > 0) {
                        for (Attribute a : new ArrayList<>(el.attributes().asList())) {
                            if (!SAFELIST.isSafeAttribute(tag, el, a)) el.removeAttr(a.getKey());
                        }
                        resolveUrls(el, base);
                    }
                    return FilterResult.CONTINUE;
                }
                if (node instanceof CDataNode) return FilterResult.REMOVE;
                if (node instanceof TextNode) return FilterResult.CONTINUE;
                return FilterResult.REMOVE;   // comments, data nodes, doctypes, declarations
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        for (Element el : unwrap) el.unwrap();
    }

    /**
     * Resolves and vets every URL attribute the safelist lets through. Done here rather than with
     * Safelist.addProtocols because jsoup's absUrl per attribute (URL + regex) was 18% of parse time.
     */
    private static void resolveUrls(Element el, String base) {
        for (String key : URL_ATTRIBUTES) {
            if (!el.hasAttr(key)) continue;
            String v = el.attr(key);
            String abs = isPlainAbsolute(v) ? v : Urls.resolve(base, v);
            if (abs == null || (key.equals("src") && abs.startsWith("mailto:"))) {
                el.removeAttr(key);
            } else if (!abs.equals(v)) {
                el.attr(key, abs);
            }
        }
    }

    private static final String[] URL_ATTRIBUTES = {"href", "src", "cite"};

    /** Fast path: "http(s)://" followed by no whitespace or control characters needs no resolving. */
    private static boolean isPlainAbsolute(String v) {
        if (!(v.startsWith("https://") || v.startsWith("http://"))) return false;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) <= ' ') return false;
        }
        return true;
    }

    private static Safelist buildSafelist() {
        return new Safelist()
                .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
                        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li",
                        "ol", "p", "pre", "q", "s", "small", "strike", "strong", "sub", "sup", "table", "tbody",
                        "td", "tfoot", "th", "thead", "tr", "u", "ul")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addAttributes("td", "colspan", "rowspan")
                .addAttributes("th", "colspan", "rowspan", "scope")
                .preserveRelativeLinks(true);   // URLs are vetted by resolveUrls, see there
    }
}
