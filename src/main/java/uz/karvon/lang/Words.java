package uz.karvon.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of one script in a prepared text (runs of its letters, with ʻ and ʼ, and for Devanagari its vowel
 * signs) and their character trigrams, found once per text. Letters of other scripts end a word and are
 * left out: a Latin brand name in a Cyrillic headline adds nothing to the Cyrillic evidence. A word is padded
 * with one space each side ("va" → " va", "va "); a trigram is its three chars packed into a long, so looking
 * one up allocates nothing.
 */
record Words(List<String> list, long[] trigrams) {

    private static final long THREE_CHARS = (1L << 48) - 1;

    static Words of(String s, Character.UnicodeScript script) {
        // room for a word per four chars: news text has one per six or seven, so the list rarely grows
        List<String> list = new ArrayList<>(s.length() / 4);
        long[] trigrams = new long[s.length()]; // a word has as many trigrams as chars
        int n = 0;
        int start = -1;
        long window = 0; // the last three chars of the padded word
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (isWordChar(c, script)) {
                if (start < 0) {
                    start = i;
                    window = ' ';
                }
                window = (window << 16 | c) & THREE_CHARS;
                if (i > start) {
                    trigrams[n++] = window;
                }
            } else if (start >= 0) {
                list.add(s.substring(start, i));
                trigrams[n++] = (window << 16 | ' ') & THREE_CHARS;
                start = -1;
            }
        }
        return new Words(list, Arrays.copyOf(trigrams, n));
    }

    static boolean isWordChar(char c, Character.UnicodeScript script) {
        if (c == TextHygiene.OKINA || c == TextHygiene.TUTUQ) {
            return true;
        }
        Character.UnicodeScript letter = LetterScripts.of(c);
        if (letter != null) {
            return letter == script;
        }
        return script == Character.UnicodeScript.DEVANAGARI && c >= 0x0900 && c <= 0x097F && isMark(c);
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
