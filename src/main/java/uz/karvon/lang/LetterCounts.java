package uz.karvon.lang;

/**
 * How often each letter of one script (and ʻ ʼ, which belong to the Uzbek Latin alphabet though
 * their script is Common) occurs in a text: counted once, then checked against each candidate's
 * alphabet.
 */
final class LetterCounts {

    /** Every alphabet letter (Latin, ʻ ʼ, Cyrillic) is below; rarer letters only count in the total. */
    static final int TABLE_END = 0x0500;

    private final int[] counts = new int[TABLE_END];
    private int total;

    static LetterCounts of(String s, Character.UnicodeScript script) {
        LetterCounts lc = new LetterCounts();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Character.UnicodeScript letter = LetterScripts.of(c); // null: not a letter
            if (letter == script || letter != null && (c == TextHygiene.OKINA || c == TextHygiene.TUTUQ)) {
                lc.total++;
                if (c < TABLE_END) {
                    lc.counts[c]++;
                }
            }
        }
        return lc;
    }

    /** All letters counted. */
    int total() {
        return total;
    }

    /** How many of the letters are one of these (distinct, each below {@link #TABLE_END}). */
    int among(int[] letters) {
        int n = 0;
        for (int c : letters) {
            n += counts[c];
        }
        return n;
    }
}
