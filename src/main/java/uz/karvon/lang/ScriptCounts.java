package uz.karvon.lang;

/** How many letters of each Unicode script a text has. */
final class ScriptCounts {

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    private final int[] counts = new int[SCRIPTS.length];
    private int letters;
    private int kana;

    static ScriptCounts of(String s) {
        ScriptCounts sc = new ScriptCounts();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = LetterScripts.of(cp);
            if (script == null) {
                continue;
            }
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                sc.kana++;
            }
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue; // ʻ ʼ and similar: no vote
            }
            sc.counts[script.ordinal()]++;
            sc.letters++;
        }
        return sc;
    }

    /** The script with most letters (on a tie the first in declaration order), or null when there are none. */
    Character.UnicodeScript dominant() {
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : SCRIPTS[best];
    }

    int count(Character.UnicodeScript script) {
        return counts[script.ordinal()];
    }

    double share(Character.UnicodeScript script) {
        return letters == 0 ? 0 : (double) count(script) / letters;
    }

    int kana() {
        return kana;
    }
}
