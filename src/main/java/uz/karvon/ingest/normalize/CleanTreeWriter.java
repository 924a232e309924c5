package uz.karvon.ingest.normalize;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/**
 * Writes an already sanitised jsoup tree as HTML and as plain text in one walk; jsoup's {@code html()} and
 * {@code text()} are two walks with general-purpose escaping, a fifth of parse time. The results are what those
 * two give (pretty-printing off, both trimmed): escaping for UTF-8 output, and text with whitespace folded,
 * soft hyphens and zero-width spaces dropped, {@code <pre>} kept as is, and a space where a block, a line break
 * or an image separates words. {@code CleanTreeWriterTest} holds it to jsoup's output. Expects only elements
 * and text nodes, as {@link HtmlSanitizer} leaves them. One writer per thread: it reuses its buffers.
 */
final class CleanTreeWriter {
    /** Buffers grown beyond this (a huge item) are not kept for the next call. */
    private static final int KEEP_CHARS = 64 * 1024;

    private StringBuilder html = new StringBuilder(4096);
    private StringBuilder text = new StringBuilder(4096);
    private char[] buf = new char[4096];
    private int inPre;

    /** The children of {@code root} as {html, text}, both trimmed. */
    String[] write(Element root) {
        html.setLength(0);
        text.setLength(0);
        inPre = 0;
        children(root);
        String[] out = {trimmed(html), trimmed(text)};
        if (html.capacity() > KEEP_CHARS) html = new StringBuilder(4096);
        if (text.capacity() > KEEP_CHARS) text = new StringBuilder(4096);
        if (buf.length > KEEP_CHARS) buf = new char[4096];
        return out;
    }

    /** One copy, without surrounding spaces and control characters (String.trim's rule, as jsoup uses). */
    private static String trimmed(StringBuilder b) {
        int from = 0;
        int to = b.length();
        while (from < to && b.charAt(from) <= ' ') from++;
        while (to > from && b.charAt(to - 1) <= ' ') to--;
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
                if (inPre > 0 && preservesWhitespace(el)) {
                    text.append(chars, 0, s.length());
                } else {
                    foldInto(chars, s.length());
                }
            }
        }
    }

    private void element(Element e) {
        String name = e.normalName();
        Tag tag = e.tag();
        if (e.isBlock() || name.equals("br") || (tag.is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText())) {
            separate();
        }
        html.append('<').append(name);
        if (e.attributesSize() > 0) {
            for (Attribute a : e.attributes()) {
                html.append(' ').append(a.getKey());
                if (!a.hasDeclaredValue()) continue;   // <a title>: jsoup writes the bare name
                html.append("=\"");
                String v = a.getValue();
                escape(chars(v), v.length(), true);
                html.append('"');
            }
        }
        html.append('>');
        if (!tag.isEmpty()) {   // void elements (img, br, hr) have no content and no end tag
            boolean pre = name.equals("pre");
            // a parser drops the newline right after <pre>: one more keeps a leading newline of the content
            if (pre && e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t && t.getWholeText().startsWith("\n")) {
                html.append('\n');
            }
            if (pre) inPre++;
            children(e);
            if (pre) inPre--;
            html.append("</").append(name).append('>');
        }
        Node next = e.nextSibling();
        boolean trailing = tag.is(Tag.TextBoundary) || !tag.isInline() || hasBlockChild(e);
        if (trailing && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())) separate();
    }

    /** jsoup's rule: the element or one of its five nearest ancestors keeps whitespace (pre). */
    private static boolean preservesWhitespace(Element el) {
        for (int i = 0; i < 6 && el != null; i++, el = el.parent()) {
            if (el.tag().preserveWhitespace()) return true;
        }
        return false;
    }

    private static boolean hasBlockChild(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element c && c.isBlock()) return true;
        }
        return false;
    }

    /** The string's chars in a reused buffer: the loops below then run over an array, not String.charAt. */
    private char[] chars(String s) {
        int n = s.length();
        if (buf.length < n) buf = new char[Math.max(n, 2 * buf.length)];
        s.getChars(0, n, buf, 0);
        return buf;
    }

    /** jsoup's escaping for UTF-8 output: markup characters, no-break space, C0 controls, unpaired surrogates. */
    private void escape(char[] c, int n, boolean attribute) {
        int from = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch > '>' && ch != '\u00A0' && !Character.isSurrogate(ch)) continue;   // nearly every char
            String rep;
            if (ch == '&') rep = "&amp;";
            else if (ch == '<') rep = "&lt;";
            else if (ch == '>') rep = "&gt;";
            else if (ch == '\u00A0') rep = "&nbsp;";
            else if (ch == '"' && attribute) rep = "&quot;";
            else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') rep = "&#x" + Integer.toHexString(ch) + ";";
            else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                i++;   // a pair: one supplementary character, written as is
                continue;
            } else if (Character.isSurrogate(ch)) rep = "&#x" + Integer.toHexString(ch) + ";";
            else continue;
            html.append(c, from, i - from).append(rep);
            from = i + 1;
        }
        html.append(c, from, n - from);
    }

    /**
     * Appends text with every run of whitespace (no-break space included) as one space and without soft hyphens
     * or zero-width spaces. Single spaces between words stay inside the run that is copied in bulk.
     */
    private void foldInto(char[] c, int n) {
        boolean space = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
        int from = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch > ' ' && ch != '\u00A0' && ch != '\u00AD' && ch != '\u200B') {
                space = false;
            } else if (ch == ' ' && !space) {
                space = true;
            } else if (ch == '\u00AD' || ch == '\u200B') {
                text.append(c, from, i - from);
                from = i + 1;
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
