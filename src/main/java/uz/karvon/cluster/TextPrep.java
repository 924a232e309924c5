package uz.karvon.cluster;

import uz.karvon.lang.TextHygiene;

/**
 * Brings a title or summary to the one spelling the rest of the package reads: NFC and clean
 * (karvon's {@link TextHygiene}), Uzbek Cyrillic transliterated to Latin ({@link UzLatin}, so uz-Latn and uz-Cyrl
 * stories compare word by word), every decimal digit as ASCII (Arabic-Indic ٣٫٦, Persian ۳, full-width
 * ３), Arabic without vowel marks and with one alef, yeh and teh marbuta, Russian ё as е.
 */
final class TextPrep {

    private TextPrep() {
    }

    static String prepare(String text, Group group) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = TextHygiene.clean(text);
        if (group == Group.UZ && hasCyrillic(s)) {
            s = UzLatin.of(s);
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = map(c);
            if (m != c && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && m != DROP) {
                out.append(m);
            }
        }
        return out == null ? s : out.toString();
    }

    private static final char DROP = '\uFFFF';

    private static char map(char c) {
        if (c < 0x80) {
            return c;
        }
        if (Character.isDigit(c)) {
            return (char) ('0' + Character.digit(c, 10));
        }
        switch (c) {
            case '\u066B': return '.';    // Arabic decimal separator
            case '\u066C': return ',';    // Arabic thousands separator
            case '\u066A': case '\uFF05': return '%';
            case '\uFF0E': return '.';
            case '\uFF0C': return ',';
            case 'ё': return 'е';
            case 'Ё': return 'Е';
            case '\u0640': return DROP;   // tatweel
            case 'أ': case 'إ': case 'آ': case 'ٱ': return 'ا';
            case 'ى': case 'ئ': return 'ي';
            case 'ؤ': return 'و';
            case 'ة': return 'ه';
            default:
                break;
        }
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670') {
            return DROP;                  // harakat, shadda, sukun, superscript alef
        }
        return c;
    }

    private static boolean hasCyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                return true;
            }
        }
        return false;
    }
}
