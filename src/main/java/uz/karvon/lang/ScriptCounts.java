package uz.karvon.lang;

import java.util.EnumMap;
import java.util.Map;

/** How many letters of each Unicode script a text has. */
final class ScriptCounts {

    private final Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
    private int letters;
    private int kana;

    static ScriptCounts of(String s) {
        ScriptCounts sc = new ScriptCounts();
        s.codePoints().filter(Character::isLetter).forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                sc.kana++;
            }
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                return; // ʻ ʼ and similar: no vote
            }
            sc.counts.merge(script, 1, Integer::sum);
            sc.letters++;
        });
        return sc;
    }

    /** The script with most letters, or null when there are none. */
    Character.UnicodeScript dominant() {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    int count(Character.UnicodeScript script) {
        return counts.getOrDefault(script, 0);
    }

    double share(Character.UnicodeScript script) {
        return letters == 0 ? 0 : (double) count(script) / letters;
    }

    int kana() {
        return kana;
    }
}
