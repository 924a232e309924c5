package uz.karvon.publish.render;

/**
 * The one place where text is made safe for XML 1.0 (and JSON) before any writer sees it.
 * JDOM throws the unchecked {@code IllegalDataException} for a single bad character, which would
 * break the whole feed because of one title; so every string of every record passes through here
 * (by way of {@link Outgoing}).
 *
 * <p>Removed: C0 controls except TAB, LF, CR; DEL and C1 controls (legal XML 1.0 but never text and
 * "discouraged" by XML 1.0 §2.2); U+FFFE/U+FFFF; unpaired surrogates. Everything else, including
 * astral characters (emoji) and RTL marks, is kept unchanged.
 */
final class XmlText {
    private XmlText() {
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && allowedAt(s, i)) {
            i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            if (allowedAt(s, i)) {
                b.append(c);
                if (pair) {
                    b.append(s.charAt(i + 1));
                }
            }
            i += pair ? 2 : 1;
        }
        return b.toString();
    }

    private static boolean allowedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false;
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
