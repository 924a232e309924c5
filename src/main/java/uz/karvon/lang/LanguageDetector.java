package uz.karvon.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the language of a headline plus summary: uz-Latn, uz-Cyrl, ru, en, zh, ar, tr, az,
 * kk, tg, ky.
 *
 * <p>Steps: (1) script of the letters ({@link Character.UnicodeScript}): Han → zh, Arabic → ar;
 * (2) for Cyrillic and Latin text each candidate language is scored by
 * letters outside its alphabet (ы in Uzbek, ў in Russian, q in Turkish: a strong penalty),
 * letters only it uses (ў, ӣ ӯ ҷ, ә ұ і һ, ə, oʻ/gʻ: a bonus), its stop words
 * ({@code lang/stopwords.tsv}) and a character-trigram profile built from
 * {@code lang/profiles/<tag>.txt}; (3) the scores become probabilities (softmax). Feed metadata
 * ({@code <language>}) should be trusted before this class; editors can override it.
 *
 * <p>Returns empty for text under {@value #MIN_LETTERS} letters (2 Han characters), for
 * scripts it does not know, and when the best confidence is below {@value #MIN_CONFIDENCE}.
 * Immutable and thread-safe; replace it by a trained model behind the same method if needed.
 */
public final class LanguageDetector {

    static final int MIN_LETTERS = 10;
    static final double MIN_CONFIDENCE = 0.5;

    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+|[#@][\\p{L}\\p{N}_]+");

    private static final List<String> CYRILLIC = List.of("uz-Cyrl", "ru", "kk", "ky", "tg");
    private static final List<String> LATIN = List.of("uz-Latn", "en", "tr", "az");

    /** The lower-case letters of each alphabet (loan letters included where newspapers use them). */
    private static final String RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final Map<String, String> ALPHABET = Map.of(
            "ru", RU,
            "uz-Cyrl", "абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ",
            "kk", RU + "әғқңөұүһі",
            "ky", RU + "ңөү",
            "tg", "абвгдеёжзийклмнопрстуфхчшъэюяғӣқӯҳҷ",
            "uz-Latn", "abcdefghijklmnopqrstuvxyzʻʼ",
            "en", "abcdefghijklmnopqrstuvwxyz",
            "tr", "abcçdefgğhıijklmnoöprsştuüvyzâîû",
            "az", "abcçdeəfgğhxıijkqlmnoöprsştuüvyz");
    /** Letters that, within their script, only this language writes. */
    private static final Map<String, String> OWN_LETTERS = Map.of(
            "uz-Cyrl", "ў",
            "tg", "ӣӯҷ",
            "kk", "әұіһ",
            "az", "ə",
            "uz-Latn", "ʻ");

    /**
     * Turkic texts whose special letters (first set) appear without any letter this language
     * always shows (second set) are unlikely to be it: Kyrgyz ө ү ң without Kazakh ә ғ қ ұ һ і,
     * Turkish ğ ı ş ç ö ü without Azerbaijani ə q x.
     */
    private static final Map<String, String[]> EXPECTED_LETTERS = Map.of(
            "kk", new String[] {"ңөү", "әғқұһі"},
            "az", new String[] {"ğışçöü", "əqx"});

    private static final double OWN_LETTER_BONUS = 3.0;
    private static final double FOREIGN_LETTER_PENALTY = 4.0;
    private static final double STOP_WORD_WEIGHT = 1.5;
    private static final int MAX_TRIGRAMS = 30;

    private final Map<String, TrigramProfile> profiles = new HashMap<>();
    private final Map<String, Set<String>> stopWords = new HashMap<>();

    private LanguageDetector() {
        UzbekTransliterator uz = UzbekTransliterator.standard();
        for (String tag : concat(CYRILLIC, LATIN)) {
            String text = tag.equals("uz-Cyrl")
                    ? uz.toCyrillic(read("uz-Latn"))
                    : read(tag);
            profiles.put(tag, new TrigramProfile(words(prepare(text))));
        }
        for (String line : UzExceptionDictionary.readLines("/lang/stopwords.tsv")) {
            String[] f = line.split("\t");
            Set<String> set = new HashSet<>();
            for (int i = 1; i < f.length; i++) {
                set.add(prepare(f[i].strip()));
            }
            stopWords.put(f[0], Set.copyOf(set));
        }
        Set<String> cyr = new HashSet<>();
        for (String w : stopWords.get("uz-Latn")) {
            cyr.add(prepare(uz.toCyrillic(w)));
        }
        stopWords.put("uz-Cyrl", Set.copyOf(cyr));
    }

    /** The shared detector with the profiles and stop words from the classpath. */
    public static LanguageDetector standard() {
        return Holder.STANDARD;
    }

    /** The most likely language, or empty if the text is too short, unknown or ambiguous. */
    public Optional<Detection> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = prepare(NOISE.matcher(TextHygiene.clean(text)).replaceAll(" "));
        ScriptCounts sc = ScriptCounts.of(s);
        Character.UnicodeScript main = sc.dominant();
        if (main == null) {
            return Optional.empty();
        }
        double share = sc.share(main);
        return switch (main) {
            case HAN -> sc.count(main) >= 2 && sc.kana() * 4 < sc.count(main)
                    ? result("zh", share) : Optional.empty();
            case ARABIC -> sc.count(main) >= MIN_LETTERS / 2 ? result("ar", share) : Optional.empty();
            case CYRILLIC -> sc.count(main) >= MIN_LETTERS ? score(s, CYRILLIC, share) : Optional.empty();
            case LATIN -> sc.count(main) >= MIN_LETTERS ? score(s, LATIN, share) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<Detection> score(String s, List<String> candidates, double share) {
        List<String> words = words(s);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(s, words, candidates.get(i));
        }
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > max) {
                max = scores[i];
                best = i;
            }
        }
        double sum = 0;
        for (double v : scores) {
            sum += Math.exp(v - max);
        }
        return result(candidates.get(best), share / sum);
    }

    private double score(String s, List<String> words, String tag) {
        TrigramProfile profile = profiles.get(tag);
        double ll = 0;
        int n = 0;
        for (String w : words) {
            for (String g : TrigramProfile.trigrams(w)) {
                ll += profile.logProb(g);
                n++;
            }
        }
        double score = n == 0 ? 0 : ll / n * Math.min(n, MAX_TRIGRAMS);
        int hits = 0;
        Set<String> stops = stopWords.getOrDefault(tag, Set.of());
        for (String w : words) {
            if (stops.contains(w)) {
                hits++;
            }
        }
        score += STOP_WORD_WEIGHT * Math.min(hits, 8);
        String alphabet = ALPHABET.get(tag);
        String own = OWN_LETTERS.getOrDefault(tag, "");
        int foreign = 0;
        int owned = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) || !sameScript(c, alphabet.charAt(0))) {
                continue;
            }
            if (alphabet.indexOf(c) < 0) {
                foreign++;
            }
            if (own.indexOf(c) >= 0) {
                owned++;
            }
        }
        String[] expected = EXPECTED_LETTERS.get(tag);
        if (expected != null && containsAny(s, expected[0]) && !containsAny(s, expected[1])) {
            score -= FOREIGN_LETTER_PENALTY;
        }
        return score - FOREIGN_LETTER_PENALTY * Math.min(foreign, 5) + OWN_LETTER_BONUS * Math.min(owned, 4);
    }

    private static boolean containsAny(String s, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (s.indexOf(letters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameScript(char c, char ref) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        // ʻ ʼ are script COMMON but belong to the Uzbek Latin alphabet
        return sc == Character.UnicodeScript.of(ref) || c == TextHygiene.OKINA || c == TextHygiene.TUTUQ;
    }

    private static Optional<Detection> result(String tag, double confidence) {
        double c = Math.max(0.0, Math.min(1.0, confidence));
        return c < MIN_CONFIDENCE ? Optional.empty() : Optional.of(new Detection(tag, c));
    }

    /** Lower case (Locale.ROOT: no Turkish dotless-i surprises), Uzbek apostrophes unified. */
    private static String prepare(String s) {
        String t = TextHygiene.normalizeUzbekApostrophes(s).replace('\u0130', 'i');
        return t.toLowerCase(Locale.ROOT).replace("i\u0307", "i");
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isLetter(c) || c == TextHygiene.OKINA || c == TextHygiene.TUTUQ) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        return out;
    }

    private static String read(String tag) {
        return UzExceptionDictionary.readAll("/lang/profiles/" + tag + ".txt");
    }

    /** Lazy, after all static tables above are initialised. */
    private static final class Holder {
        static final LanguageDetector STANDARD = new LanguageDetector();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
