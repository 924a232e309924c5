package uz.karvon.publish.render;

import org.jsoup.nodes.Entities;

/**
 * How a plain-text value is written, by the kind of field it goes into. Every text field of every output is one
 * of two kinds:
 * <ul>
 * <li>an HTML field (RSS {@code <description>}): the text is HTML-escaped ({@link #asHtml}), so an HTML reading
 * shows exactly the text;</li>
 * <li>a text field that readers nonetheless often render as HTML (titles, authors, categories, captions, credits,
 * Atom text constructs, JSON Feed {@code title}/{@code summary}/{@code tags}, OPML {@code text}): the text is made
 * HTML-inert ({@link #inert}), so a text reading and an HTML reading show the same words and run nothing.</li>
 * </ul>
 * Writers apply these; the XML and JSON serializers then add their own escaping on top.
 */
public final class PlainText {
    /** U+2060 WORD JOINER: invisible, no line break, no effect on letters around it. */
    static final char JOINER = '\u2060';

    private PlainText() {}

    /** Plain text as HTML text content: {@code & < > " '} escaped. */
    public static String asHtml(String text) {
        if (text == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            String rep = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && b == null) continue;
            if (b == null) b = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (rep == null) b.append(text.charAt(i));
            else b.append(rep);
        }
        return b == null ? text : b.toString();
    }

    /**
     * The same text with nothing an HTML parser would take for markup: after a {@code <} that would open a tag,
     * comment or end tag ({@code <} + letter, {@code !}, {@code /}, {@code ?}) and after an {@code &} that would
     * start a character reference ({@code &#}, or {@code &} + the start of a named one such as {@code &amp} or
     * {@code &copy}; "R&D" and "AT&T" stay as they are), an invisible word joiner is inserted.
     * Read as text, or parsed as HTML (WHATWG tokenizer: the {@code <} and {@code &} then stay literal), the value
     * shows the same characters. Text without such a pair (nearly all) is returned unchanged.
     */
    public static String inert(String text) {
        if (text == null) return null;
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean split = i + 1 < n && (c == '<' && opensMarkup(text.charAt(i + 1))
                    || c == '&' && opensReference(text, i + 1));
            if (b == null && !split) continue;
            if (b == null) b = new StringBuilder(n + 8).append(text, 0, i);
            b.append(c);
            if (split) b.append(JOINER);
        }
        return b == null ? text : b.toString();
    }

    private static boolean opensMarkup(char next) {
        return isAsciiAlpha(next) || next == '!' || next == '/' || next == '?';
    }

    /** A numeric reference, or a run of letters and digits that begins with an entity name (HTML decodes "&copy2026"). */
    private static boolean opensReference(String text, int from) {
        if (text.charAt(from) == '#') return true;
        int end = from;
        while (end < text.length() && end - from < MAX_ENTITY_NAME && isAsciiAlphanumeric(text.charAt(end))) end++;
        for (int k = from + 1; k <= end; k++) {
            if (Entities.isNamedEntity(text.substring(from, k))) return true;
        }
        return false;
    }

    /** Longer than the longest HTML entity name (CounterClockwiseContourIntegral, 31 letters). */
    private static final int MAX_ENTITY_NAME = 40;

    private static boolean isAsciiAlphanumeric(char c) {
        return isAsciiAlpha(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
