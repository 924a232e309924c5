package uz.karvon.cluster;

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
    private static final String[] AR_ARTICLE = {"وال", "بال", "كال", "فال", "لل", "ال"};
    private static final String[] AR_SUFFIX = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};

    private Stemmer() {
    }

    static String stem(Group group, String word) {
        return switch (group) {
            case UZ -> uzbek(word);
            case RU, OTHER_CYRILLIC -> cut(word, RU, 3);
            case EN -> english(word);
            case AR, OTHER_ARABIC -> arabic(word);
            default -> word;
        };
    }

    private static String uzbek(String w) {
        if (w.length() <= 4) {
            return w;
        }
        w = cut(w, UZ_CASE, 3);
        w = cut(w, UZ_POSSESSIVE, 3);
        return cut(w, UZ_PLURAL, 3);
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
