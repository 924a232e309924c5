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
                escape(s, false);
                foldInto(s);
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
                escape(a.getValue(), true);
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

    /** jsoup's escaping for UTF-8 output: markup characters, no-break space and C0 controls. */
    private void escape(String s, boolean attribute) {
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String rep;
            if (c == '&') rep = "&amp;";
            else if (c == '<') rep = "&lt;";
            else if (c == '>') rep = "&gt;";
            else if (c == '\u00A0') rep = "&nbsp;";
            else if (c == '"' && attribute) rep = "&quot;";
            else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') rep = "&#x" + Integer.toHexString(c) + ";";
            else continue;
            html.append(s, from, i).append(rep);
            from = i + 1;
        }
        html.append(s, from, s.length());
    }

    /** Appends text with every run of whitespace (no-break space included) as one space; other runs in bulk. */
    private void foldInto(String s) {
        boolean space = text.isEmpty() || text.charAt(text.length() - 1) == ' ';
        int n = s.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) i++;
            if (i > start) {
                text.append(s, start, i);
                space = false;
            }
            if (i < n) {
                if (!space) text.append(' ');
                space = true;
                i++;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0';
    }

    private void separate() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') text.append(' ');
    }
}
