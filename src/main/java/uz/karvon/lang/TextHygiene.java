package uz.karvon.lang;

import java.text.Normalizer;

/**
 * Unicode clean-up applied once, on ingest (STYLE.md convention 10).
 *
 * <p>{@link #clean} is language-neutral and safe for every text; {@link #normalizeUzbekApostrophes}
 * changes apostrophes and must be applied to Uzbek Latin text only ({@link #isUzbekLatin}). All accept
 * {@code null} (returned unchanged) and are thread-safe. Bidirectional marks (U+200E, U+200F, U+061C) are
 * kept everywhere: they carry meaning in Arabic and mixed-direction text.
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
     * True for Uzbek in Latin script ({@code uz}, {@code uz-Latn}, {@code uz-UZ}…): the text whose apostrophes
     * {@link #normalizeUzbekApostrophes} fixes. Cyrillic Uzbek writes the tutuq as ъ and Arabic-script Uzbek has
     * no such apostrophes, so neither is touched.
     */
    public static boolean isUzbekLatin(String languageTag) {
        if (languageTag == null || !(languageTag.equals("uz") || languageTag.startsWith("uz-") || languageTag.startsWith("uz_"))) {
            return false;
        }
        String t = languageTag.toLowerCase(java.util.Locale.ROOT);
        return !t.contains("cyrl") && !t.contains("arab");
    }

    /**
     * Uzbek Latin apostrophes: ‘ ’ ' ` ʼ ʻ after o/g/O/G and before a letter become U+02BB
     * (O'zbekiston → Oʻzbekiston, g`alaba → gʻalaba); any of them (and ´) between two other
     * letters become the tutuq U+02BC (ma'lumot → maʼlumot). An apostrophe after o/g that is
     * followed by a second apostrophe keeps the first as U+02BB and the second as tutuq
     * (mo‘’jiza → moʻʼjiza). At the end of a word only vowel + g + ' ’ ʼ ʻ becomes gʻ (bog' → bogʻ);
     * other quotes at word edges ('salom', Toshkentning') are left alone. Words that are URLs or e-mail
     * addresses (containing "://", starting "www.", or holding an '@') are left exactly as written.
     * This is the one place the rule lives: feeds' items and the CMS's articles both come through here
     * (directly for plain text, through {@link #normalizeUzbekApostrophesInHtml} for HTML).
     */
    public static String normalizeUzbekApostrophes(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char[] a = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!isApostrophe(s.charAt(i))) {
                continue;
            }
            // the word around this apostrophe, processed once, then skipped
            int start = i;
            while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
                start--;
            }
            int end = i + 1;
            while (end < n && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            if (!isAddress(s, start, end)) {
                if (a == null) {
                    a = s.toCharArray();
                }
                normalizeWord(a, start, end);
            }
            i = end - 1;
        }
        return a == null ? s : new String(a);
    }

    /** Apostrophes in one whitespace-delimited word a[from, to); see {@link #normalizeUzbekApostrophes}. */
    private static void normalizeWord(char[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (!isApostrophe(a[i])) {
                continue;
            }
            char prev = a[i - 1];
            int j = i + 1;
            while (j < to && isApostrophe(a[j])) {
                j++;
            }
            boolean letterAfter = j < to && Character.isLetter(a[j]);
            if (!letterAfter) {
                // word-final gʻ after a vowel: bog' -> bogʻ, tog' -> togʻ (but Toshkentning' is a quote)
                if ((prev == 'g' || prev == 'G') && i - 2 >= from && "aeiouAEIOU".indexOf(a[i - 2]) >= 0
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
    }

    private static boolean hasApostrophe(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isApostrophe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A URL or an e-mail address: its apostrophes (rare, but legal) are part of an address, not of Uzbek. */
    private static boolean isAddress(String s, int from, int to) {
        if (s.startsWith("www.", from)) {
            return true;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '@' || (c == ':' && i + 2 < to && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** Elements whose text is code or machine text, never Uzbek prose. */
    private static final java.util.Set<String> CODE_ELEMENTS = java.util.Set.of("code", "pre", "kbd", "samp", "var", "tt",
            "script", "style");

    /**
     * {@link #normalizeUzbekApostrophes} applied to the text of an HTML fragment (as the sanitizer writes it):
     * never to tags or attribute values (URLs, alt text stays as written), never inside code, pre, kbd, samp, var,
     * tt, script or style. Apostrophes written as character references ({@code &#39;}, {@code &rsquo;}…) in the
     * text count as apostrophes. Null in, null out.
     */
    public static String normalizeUzbekApostrophesInHtml(String html) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        StringBuilder out = null;
        int codeDepth = 0;
        int i = 0;
        int n = html.length();
        int copied = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            boolean references = false;
            if (codeDepth == 0 && textEnd > i && (hasApostrophe(html, i, textEnd) || (references = hasApostropheReference(html, i, textEnd)))) {
                String text = html.substring(i, textEnd);
                String fixed = normalizeUzbekApostrophes(references || hasApostropheReference(html, i, textEnd)
                        ? apostropheReferencesToChars(text) : text);
                if (!fixed.equals(text)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(html, copied, i).append(fixed);
                    copied = textEnd;
                }
            }
            if (lt < 0) {
                break;
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                break;
            }
            boolean closing = lt + 1 < n && html.charAt(lt + 1) == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < gt && Character.isLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
            if (CODE_ELEMENTS.contains(name) && html.charAt(gt - 1) != '/') {
                codeDepth = Math.max(0, codeDepth + (closing ? -1 : 1));
            }
            i = gt + 1;
        }
        if (out == null) {
            return html;
        }
        return out.append(html, copied, n).toString();
    }

    private static final String[][] APOSTROPHE_REFERENCES = {{"&#39;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"},
            {"&#8216;", "\u2018"}, {"&#8217;", "\u2019"}, {"&lsquo;", "\u2018"}, {"&rsquo;", "\u2019"}};

    private static boolean hasApostropheReference(String s, int from, int to) {
        for (int i = s.indexOf('&', from); i >= 0 && i < to; i = s.indexOf('&', i + 1)) {
            for (String[] r : APOSTROPHE_REFERENCES) {
                if (s.startsWith(r[0], i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String apostropheReferencesToChars(String text) {
        String t = text;
        for (String[] r : APOSTROPHE_REFERENCES) {
            t = t.replace(r[0], r[1]);
        }
        return t;
    }

    static boolean isApostrophe(char c) {
        if (c < '\u00B4') {   // most text: one comparison settles it
            return c == '\'' || c == '`';
        }
        return c == '\u2018' || c == '\u2019' || c == TUTUQ || c == OKINA || c == '\u00B4';
    }
}
