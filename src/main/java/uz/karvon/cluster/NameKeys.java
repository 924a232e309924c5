package uz.karvon.cluster;

import java.util.regex.Pattern;

/**
 * A name as it sounds, so that Mirziyoyev, Мирзиёев and Mirziyoyevning (stemmed) meet, and Toshkent,
 * Tashkent and Ташкент: Cyrillic is romanized, Uzbek and English spellings of one sound are folded
 * (x, kh, х → h; q → k; sh → s; ch, ts, ц → c; zh, j, ж → j), then vowels and y are dropped and doubled
 * letters written once. A key needs three consonants, or it would say too little.
 */
final class NameKeys {

    private static final String[] CYRILLIC = new String[0x500];

    static {
        String[][] table = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ж", "zh"}, {"з", "z"}, {"и", "i"},
            {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"},
            {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
            {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}, {"ў", "o"}, {"қ", "q"}, {"ғ", "g"},
            {"ҳ", "h"}, {"ә", "a"}, {"ө", "o"}, {"ү", "u"}, {"ң", "ng"}, {"ұ", "u"}, {"һ", "h"}, {"і", "i"}, {"ӣ", "i"},
            {"ӯ", "u"}, {"ҷ", "j"}};
        for (String[] row : table) {
            CYRILLIC[row[0].charAt(0)] = row[1];
        }
    }

    private NameKeys() {
    }

    /** Russian case endings with a consonant (Эргашевым, Ташкентом); vowel endings vanish with the vowels anyway. */
    private static final String[] CYRILLIC_ENDINGS = {"ого", "ему", "ому", "ым", "им", "ом", "ем", "ам", "ям", "ах", "ях"};
    /** Adjectives made of a name: Ферганской, Камбаратинской, ташкентский → the name. */
    private static final Pattern CYRILLIC_ADJECTIVE =
            Pattern.compile("(?:инск|анск|янск|енск|ск)(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|ую|ым|им|ом|их|ых|ыми|ими|ей|ом)$");

    /**
     * The key of a word: Cyrillic words lose their case ending here ({@link Stemmer} would also cut the
     * -ов/-ев of surnames); others are given stemmed.
     */
    static String of(Token t, Group group) {
        if (group.script == Group.Script.CYRILLIC) {
            String w = CYRILLIC_ADJECTIVE.matcher(t.word()).replaceFirst("");
            for (String e : CYRILLIC_ENDINGS) {
                if (w.endsWith(e) && w.length() - e.length() >= 4) {
                    w = w.substring(0, w.length() - e.length());
                    break;
                }
            }
            return of(w);
        }
        return of(t.text());
    }

    /** The key of a lower-case, stemmed word, or {@code null} when it has fewer than three consonants. */
    static String of(String stem) {
        StringBuilder latin = new StringBuilder(stem.length() + 4);
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (c < CYRILLIC.length && CYRILLIC[c] != null) {
                latin.append(CYRILLIC[c]);
            } else if (c >= 'a' && c <= 'z') {
                latin.append(c);
            }
        }
        String s = latin.toString()
                .replace("shch", "s").replace("kh", "h").replace("sh", "s").replace("ch", "c").replace("ts", "c")
                .replace("zh", "j").replace("dj", "j").replace("ph", "f").replace("gh", "g");
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = switch (s.charAt(i)) {
                case 'x' -> 'h';
                case 'q' -> 'k';
                case 'w' -> 'v';
                default -> s.charAt(i);
            };
            if ("aeiouy".indexOf(c) >= 0 || (key.length() > 0 && key.charAt(key.length() - 1) == c)) {
                continue;
            }
            key.append(c);
        }
        return key.length() >= 3 ? key.toString() : null;
    }
}
