package uz.karvon.publish.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The two ways a reader shows a published text value: as the text it is, or parsed as HTML (jsoup, which
 * tokenizes as a browser does). The invisible word joiner {@link PlainText#inert} adds is not part of what
 * anyone sees, so both readings drop it.
 */
public final class Readings {
    private Readings() {}

    /** The value read as plain text. */
    public static String asText(String value) {
        return value == null ? null : value.replace(String.valueOf(PlainText.JOINER), "");
    }

    /** The value parsed as HTML: its text, or an AssertionError naming the element it would have created. */
    public static String asHtml(String value) {
        if (value == null) return null;
        // without "<" or "&" an HTML parser has nothing to interpret (NUL and lone CR never reach a reader here)
        if (value.indexOf('<') < 0 && value.indexOf('&') < 0) return asText(value);
        Element body = Jsoup.parseBodyFragment(value).body();
        if (!body.children().isEmpty()) {
            throw new AssertionError("parsed as HTML, " + quote(value) + " creates <" + body.child(0).tagName()
                    + "> " + body.child(0).attributes());
        }
        if (body.childNodeSize() > 0 && body.childNodes().stream().anyMatch(n -> !(n instanceof org.jsoup.nodes.TextNode))) {
            throw new AssertionError("parsed as HTML, " + quote(value) + " creates " + body.childNodes());
        }
        return asText(body.wholeText());
    }

    /** Both readings, which must agree: the text a reader shows whichever way it reads the value. */
    public static String shown(String value) {
        String text = asText(value);
        String html = asHtml(value);
        if (!java.util.Objects.equals(text, html)) {
            throw new AssertionError("read as text " + quote(text) + " but as HTML " + quote(html));
        }
        return text;
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\n", "\\n") + "\"";
    }
}
