package uz.karvon.cluster;

import java.util.Arrays;

/**
 * Light stemming: cuts the endings that make one name look like many (Toshkentda, Toshkentning;
 * Ташкенте, Ташкента; Tashkent's; بالطشقند). It is applied alike to the text and to the gazetteer's
 * forms, so it only has to be consistent, not linguistically right: a cut that leaves fewer than three
 * letters is not made.
 */
final class Stemmer {

    private static final String[] UZ_CASE = {"ning", "dagi", "tagi", "dan", "tan", "ni", "ga", "ka", "qa", "da", "ta", "gi"};
    private static final String[] UZ_POSSESSIVE = {"imiz", "ingiz", "lari", "si", "im", "ing", "i"};
    private static final String[] UZ_PLURAL = {"lar"};
    private static final String[] RU = {
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иях", "ях", "ах", "ей", "ой", "ый", "ий",
        "ым", "им", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ом", "ем", "ам", "ям", "ов", "ев", "ью", "ия", "ию", "ии",
        "а", "я", "е", "и", "ы", "у", "ю", "о", "ь", "й"};
    /** For capitalized words: -ов/-ев end surnames (Токаев, Мирзиёев) far more often than they mark a plural. */
    private static final String[] RU_NAME = Arrays.stream(RU).filter(e -> !e.equals("ов") && !e.equals("ев"))
            .toArray(String[]::new);
    private static final String[] AR_ARTICLE = {"وال", "بال", "كال", "فال", "لل", "ال"};
    private static final String[] AR_SUFFIX = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};

    private Stemmer() {
    }

    /** The stem of a lower-case word; a capitalized one (a name: Ош, Оша) may keep only two letters. */
    static String stem(Group group, String word, boolean capitalized) {
        return switch (group) {
            case UZ -> uzbek(word);
            case RU, OTHER_CYRILLIC -> capitalized ? russian(word, RU_NAME, 2) : russian(word, RU, 3);
            case EN -> english(word);
            case AR, OTHER_ARABIC -> arabic(word);
            default -> word;
        };
    }

    /**
     * One ending cut, then any vowel, й or ь left at the end: Китай, Китая, Китаю, Китае all become кит,
     * Шанхай and Шанхае шанх — nouns in -ай/-ей decline through the й.
     */
    private static String russian(String w, String[] endings, int min) {
        w = cut(w, endings, min);
        int end = w.length();
        while (end > min && "аеиоуыэюяйь".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return w.substring(0, end);
    }

    private static String uzbek(String w) {
        if (w.length() <= 4) {
            return w;
        }
        w = uzbekCase(w);
        w = cut(w, UZ_POSSESSIVE, 3);
        return cut(w, UZ_PLURAL, 3);
    }

    /**
     * Case endings; the voiceless ones (-ta, -tan, -tagi, -ka, -qa) only after a consonant, as Uzbek writes
     * them (Samarqandga but Toshkentda, bankka): so Qambarota and Olmaota keep their last syllable.
     */
    private static String uzbekCase(String w) {
        for (String e : UZ_CASE) {
            int stem = w.length() - e.length();
            if (w.endsWith(e) && stem >= 3) {
                char first = e.charAt(0);
                boolean voiceless = first == 't' || first == 'k' || first == 'q';
                if (voiceless && "aeiou".indexOf(w.charAt(stem - 1)) >= 0) {
                    continue;
                }
                return w.substring(0, stem);
            }
        }
        return w;
    }

    private static String english(String w) {
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Light10 (Larkey, Ballesteros, Connell 2002), on text already normalized by {@link TextPrep}. */
    private static String arabic(String w) {
        if (w.length() >= 4 && w.charAt(0) == 'و') {
            w = w.substring(1);
        }
        for (String p : AR_ARTICLE) {
            if (w.startsWith(p) && w.length() - p.length() >= 2) {
                w = w.substring(p.length());
                break;
            }
        }
        for (String s : AR_SUFFIX) {
            if (w.endsWith(s) && w.length() - s.length() >= 2) {
                w = w.substring(0, w.length() - s.length());
            }
        }
        return w;
    }

    /** Removes the first (longest listed first) ending that leaves at least min letters. */
    private static String cut(String w, String[] endings, int min) {
        for (String e : endings) {
            if (w.endsWith(e) && w.length() - e.length() >= min) {
                return w.substring(0, w.length() - e.length());
            }
        }
        return w;
    }
}
