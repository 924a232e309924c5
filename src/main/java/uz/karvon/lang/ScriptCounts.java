package uz.karvon.lang;

/** How many letters of each Unicode script a text has, and which script it is written in. */
final class ScriptCounts {

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    /** A share of the letters a non-Latin script needs to be the text's script. */
    private static final double NON_LATIN_SHARE = 0.25;

    private final int[] counts = new int[SCRIPTS.length];
    private int letters;
    private int kana;

    static ScriptCounts of(String s) {
        ScriptCounts sc = new ScriptCounts();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = LetterScripts.of(cp);
            if (script == null || script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue; // ʻ ʼ and similar: no vote
            }
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                sc.kana++;
            }
            sc.counts[script.ordinal()]++;
            sc.letters++;
        }
        return sc;
    }

    /**
     * The script of the text: the non-Latin script with most letters (Han and kana together, an ideograph
     * counting as three letters) when it has at least a quarter of them, else Latin; null without letters.
     * Latin names and brands are common inside Cyrillic, Arabic or Chinese headlines, the reverse is rare.
     */
    Character.UnicodeScript main() {
        int best = -1;
        int bestWeight = 0;
        int total = 0;
        for (int i = 0; i < counts.length; i++) {
            int w = weight(i);
            total += w;
            if (i != Character.UnicodeScript.LATIN.ordinal() && w > bestWeight) {
                best = i;
                bestWeight = w;
            }
        }
        if (best >= 0 && bestWeight >= NON_LATIN_SHARE * total) {
            return SCRIPTS[best];
        }
        return counts[Character.UnicodeScript.LATIN.ordinal()] > 0 ? Character.UnicodeScript.LATIN
                : best < 0 ? null : SCRIPTS[best];
    }

    private int weight(int ordinal) {
        Character.UnicodeScript script = SCRIPTS[ordinal];
        if (script == Character.UnicodeScript.HAN) {
            return 3 * (counts[ordinal] + kana); // Chinese and Japanese text: ideographs and kana as one
        }
        if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
            return counts[Character.UnicodeScript.HAN.ordinal()] == 0 ? 3 * counts[ordinal] : 0;
        }
        return script == Character.UnicodeScript.HANGUL ? 3 * counts[ordinal] : counts[ordinal];
    }

    int count(Character.UnicodeScript script) {
        return counts[script.ordinal()];
    }

    int kana() {
        return kana;
    }
}
