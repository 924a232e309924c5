package uz.karvon.lang;

import java.text.Normalizer;

/**
 * Unicode clean-up applied once, on ingest (STYLE.md convention 10).
 *
 * <p>{@link #clean} is language-neutral and safe for every text; {@link #normalizeUzbekApostrophes}
 * changes apostrophes and must be applied to Uzbek Latin text only. Both accept {@code null}
 * (returned unchanged) and are thread-safe.
 */
public final class TextHygiene {

    /** U+02BB MODIFIER LETTER TURNED COMMA: the sign in oʻ and gʻ. */
    public static final char OKINA = '\u02BB';
    /** U+02BC MODIFIER LETTER APOSTROPHE: the tutuq belgisi (maʼlumot). */
    public static final char TUTUQ = '\u02BC';

    private TextHygiene() {
    }

    /**
     * NFC; removes zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and C0/C1 control
     * characters except {@code \n} and {@code \t} ({@code \r\n} and lone {@code \r} become
     * {@code \n}). Keeps NBSP, U+202F and every quote or dash: «», „“, 「」 belong to their
     * languages.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        // most text is NFC and clean already: checked without building a copy
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        int kept = 0;
        while (kept < nfc.length() && keptAsIs(nfc.charAt(kept))) {
            kept++;
        }
        if (kept == nfc.length()) {
            return nfc;
        }
        StringBuilder out = new StringBuilder(nfc.length()).append(nfc, 0, kept);
        for (int i = kept; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (keptAsIs(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Neither a control character (but \n and \t), nor \r, nor zero-width. */
    private static boolean keptAsIs(char c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        return c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && !(c >= '\u200B' && c <= '\u200D') && c != '\u2060'
                && c != '\uFEFF';
    }

    /**
     * Uzbek Latin apostrophes: ‘ ’ ' ` ʼ ʻ after o/g/O/G and before a letter become U+02BB
     * (O'zbekiston → Oʻzbekiston, g`alaba → gʻalaba); any of them (and ´) between two other
     * letters become the tutuq U+02BC (ma'lumot → maʼlumot). An apostrophe after o/g that is
     * followed by a second apostrophe keeps the first as U+02BB and the second as tutuq
     * (mo‘’jiza → moʻʼjiza). At the end of a word only vowel + g + ' ’ ʼ ʻ becomes gʻ (bog' → bogʻ);
     * other quotes at word edges ('salom', Toshkentning') are left alone.
     */
    public static String normalizeUzbekApostrophes(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char[] a = s.toCharArray();
        for (int i = 1; i < a.length; i++) {
            if (!isApostrophe(a[i])) {
                continue;
            }
            char prev = a[i - 1];
            int j = i + 1;
            while (j < a.length && isApostrophe(a[j])) {
                j++;
            }
            boolean letterAfter = j < a.length && Character.isLetter(a[j]);
            if (!letterAfter) {
                // word-final gʻ after a vowel: bog' -> bogʻ, tog' -> togʻ (but Toshkentning' is a quote)
                if ((prev == 'g' || prev == 'G') && i >= 2 && "aeiouAEIOU".indexOf(a[i - 2]) >= 0
                        && a[i] != '\u2018' && a[i] != '`') {
                    a[i] = OKINA;
                }
                continue;
            }
            if (prev == 'o' || prev == 'O' || prev == 'g' || prev == 'G') {
                a[i] = OKINA;
                if (j > i + 1) {
                    a[i + 1] = TUTUQ;
                }
                i = j - 1;
            } else if (Character.isLetter(prev) && prev != OKINA && prev != TUTUQ) {
                a[i] = TUTUQ;
            }
        }
        return new String(a);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '`' || c == TUTUQ || c == OKINA
                || c == '\u00B4';
    }
}
