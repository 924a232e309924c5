package uz.karvon.ingest.normalize;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes an already sanitised jsoup tree as HTML and as plain text in one walk (jsoup's {@code html()} and
 * {@code text()} are two walks with general-purpose escaping, a fifth of parse time). The HTML is what jsoup
 * writes with pretty-printing off; the text folds whitespace and puts a space where a block element or a line
 * break separates words. Expects only elements and text nodes, as {@link HtmlSanitizer} leaves them.
 */
final class CleanTreeWriter {
    /** Buffers grown beyond this (a huge item) are not kept for the next call. */
    private static final int KEEP_CHARS = 1 << 20;

    private StringBuilder html = new StringBuilder(4096);
    private StringBuilder text = new StringBuilder(4096);
    private char[] buf = new char[4096];

    /**
     * The children of {@code root} as {html, text}, both trimmed. One writer per thread: its buffers are reused,
     * and once they hold wide (non-Latin-1) text they stay wide instead of being widened again for every item.
     */
    String[] write(Element root) {
        html.setLength(0);
        text.setLength(0);
        children(root);
        String[] out = {stripped(html), stripped(text)};
        if (html.capacity() > KEEP_CHARS) html = new StringBuilder(4096);
        if (text.capacity() > KEEP_CHARS) text = new StringBuilder(4096);
        if (buf.length > KEEP_CHARS) buf = new char[4096];
        return out;
    }

    /** One copy, without the surrounding whitespace. */
    private static String stripped(StringBuilder b) {
        int from = 0;
        int to = b.length();
        while (from < to && Character.isWhitespace(b.charAt(from))) from++;
        while (to > from && Character.isWhitespace(b.charAt(to - 1))) to--;
        return b.substring(from, to);
    }

    private void children(Element el) {
        for (int i = 0, n = el.childNodeSize(); i < n; i++) {
            Node c = el.childNode(i);
            if (c instanceof Element e) {
                element(e);
            } else if (c instanceof TextNode t) {
                String s = t.getWholeText();
                char[] chars = chars(s);
                escape(chars, s.length(), false);
                foldInto(chars, s.length());
            }
        }
    }

    private void element(Element e) {
        String name = e.normalName();
        boolean separates = e.isBlock() || name.equals("br");
        if (separates) separate();
        html.append('<').append(name);
        if (e.attributesSize() > 0) {
            for (Attribute a : e.attributes()) {
                html.append(' ').append(a.getKey()).append("=\"");
                String v = a.getValue();
                escape(chars(v), v.length(), true);
                html.append('"');
            }
        }
        html.append('>');
        if (e.tag().isEmpty()) return;   // void: img, br, hr
        // a parser drops the newline right after <pre>: one more keeps a leading newline of the content
        if (name.equals("pre") && e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t && t.getWholeText().startsWith("\n")) {
            html.append('\n');
        }
        children(e);
        html.append("</").append(name).append('>');
        if (separates) separate();
    }

    /** The string's chars in a reused buffer: the loops below then run over an array, not String.charAt. */
    private char[] chars(String s) {
        int n = s.length();
        if (buf.length < n) buf = new char[Math.max(n, 2 * buf.length)];
        s.getChars(0, n, buf, 0);
        return buf;
    }

    /** jsoup's escaping for UTF-8 output: markup characters, no-break space and C0 controls. */
    private void escape(char[] c, int n, boolean attribute) {
        int from = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch > '>' && ch != '\u00A0') continue;   // nearly every char
            String rep;
            if (ch == '&') rep = "&amp;";
            else if (ch == '<') rep = "&lt;";
            else if (ch == '>') rep = "&gt;";
            else if (ch == '\u00A0') rep = "&nbsp;";
            else if (ch == '"' && attribute) rep = "&quot;";
            else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') rep = "&#x" + Integer.toHexString(ch) + ";";
            else continue;
            html.append(c, from, i - from).append(rep);
            from = i + 1;
        }
        html.append(c, from, n - from);
    }

    /**
     * Appends text with every run of whitespace (no-break space included) as one space. Single spaces between
     * words stay inside the run that is copied in bulk; only other whitespace breaks it.
     */
    private void foldInto(char[] c, int n) {
        boolean space = text.isEmpty() || text.charAt(text.length() - 1) == ' ';
        int from = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch > ' ' && ch != '\u00A0') {
                space = false;
            } else if (ch == ' ' && !space) {
                space = true;
            } else if (isSpace(ch)) {
                text.append(c, from, i - from);
                if (!space) text.append(' ');
                space = true;
                from = i + 1;
            } else {
                space = false;   // a control character: text, not space
            }
        }
        text.append(c, from, n - from);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0';
    }

    private void separate() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') text.append(' ');
    }
}
