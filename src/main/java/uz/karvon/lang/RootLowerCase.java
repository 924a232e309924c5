package uz.karvon.lang;

import java.util.Locale;

/**
 * {@code s.toLowerCase(Locale.ROOT)}, with Latin, Greek and Cyrillic text mapped by table: the
 * JDK looks each char up in its Unicode tables. Apart from Σ (its lower case depends on its
 * neighbours), İ (it becomes two chars) and surrogate pairs, the JDK lower-cases char by char
 * with {@link Character#toLowerCase(int)}, as the table does; text with other chars is left to
 * the JDK. RootLowerCaseTest checks every char.
 */
final class RootLowerCase {

    private static final int TABLE_END = 0x0530;
    private static final char[] LOWER = new char[TABLE_END];

    static {
        for (int c = 0; c < TABLE_END; c++) {
            LOWER[c] = (char) Character.toLowerCase(c);
        }
    }

    private RootLowerCase() {
    }

    static String of(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < TABLE_END && c != '\u0130' && c != '\u03A3') {
                out[i] = LOWER[c];
            } else if (c >= 0x2000 && c <= 0x206F) {
                out[i] = c; // General Punctuation (dashes, quotes, …) has no case
            } else {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return new String(out);
    }
}
