package uz.karvon.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** A candidate language: its bit in the stop-word map and its letters. */
    private record Candidate(String tag, int stopWordBit, int[] alphabet, int[] ownLetters, String[] expectedLetters) {
    }

    /** Languages of one script, scored together: profile i belongs to candidate i. */
    private record Group(List<Candidate> candidates, TrigramProfiles profiles) {
    }

    private final Group cyrillic;
    private final Group latin;
    /** Each stop word with the bits of the candidates that use it: one lookup per word of a text. */
    private final Map<String, Integer> stopWordBits = new HashMap<>();

    private LanguageDetector() {
        List<String> tags = concat(CYRILLIC, LATIN);
        // uz-Cyrl's profile text and stop words are generated from uz-Latn's (see lang/profiles/README.txt)
        for (String resource : List.of("/lang/stopwords.tsv", "/lang/stopwords-uz-Cyrl.tsv")) {
            for (String line : UzExceptionDictionary.readLines(resource)) {
                String[] f = line.split("\t");
                int bit = tags.indexOf(f[0]);
                for (int i = 1; i < f.length && bit >= 0; i++) {
                    String word = prepare(f[i].strip());
                    stopWordBits.put(word, stopWordBits.getOrDefault(word, 0) | 1 << bit);
                }
            }
        }
        cyrillic = group(CYRILLIC, tags);
        latin = group(LATIN, tags);
    }

    private static Group group(List<String> languages, List<String> tags) {
        List<Candidate> candidates = new ArrayList<>();
        List<long[]> trigrams = new ArrayList<>();
        for (String tag : languages) {
            candidates.add(new Candidate(tag, tags.indexOf(tag), letters(ALPHABET.get(tag)),
                    letters(OWN_LETTERS.getOrDefault(tag, "")), EXPECTED_LETTERS.get(tag)));
            trigrams.add(Words.of(prepare(read(tag))).trigrams());
        }
        return new Group(List.copyOf(candidates), new TrigramProfiles(trigrams));
    }

    /** The distinct letters of a string, for {@link LetterCounts#among}. */
    private static int[] letters(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= LetterCounts.TABLE_END) {
                throw new IllegalStateException("lang: alphabet letter beyond the letter table: " + c);
            }
            if (s.indexOf(c) == i) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
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
        String s = prepare(withoutNoise(TextHygiene.clean(text)));
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
            case CYRILLIC -> sc.count(main) >= MIN_LETTERS ? score(s, main, cyrillic, share) : Optional.empty();
            case LATIN -> sc.count(main) >= MIN_LETTERS ? score(s, main, latin, share) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** URLs, e-mail addresses, hashtags and mentions replaced by a space; each needs "://", "www.", @ or #. */
    private static String withoutNoise(String s) {
        boolean mayMatch = s.indexOf('@') >= 0 || s.indexOf('#') >= 0 || s.contains("://") || hasWww(s);
        return mayMatch ? NOISE.matcher(s).replaceAll(" ") : s;
    }

    /** "www." in any case, as NOISE matches it. */
    private static boolean hasWww(String s) {
        for (int dot = s.indexOf('.', 3); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            if (s.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Detection> score(String s, Character.UnicodeScript script, Group group, double share) {
        List<Candidate> candidates = group.candidates();
        Words words = Words.of(s);
        LetterCounts letters = LetterCounts.of(s, script);
        double[] trigramSums = group.profiles().logProbSums(words.trigrams());
        int[] stopWordHits = new int[candidates.size()];
        for (String w : words.list()) {
            int bits = stopWordBits.getOrDefault(w, 0);
            for (int i = 0; i < candidates.size(); i++) {
                stopWordHits[i] += bits >>> candidates.get(i).stopWordBit() & 1;
            }
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(s, candidates.get(i), words.trigrams().length, trigramSums[i], stopWordHits[i], letters);
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
        return result(candidates.get(best).tag(), share / sum);
    }

    /** n trigrams with summed log-probability ll, stop-word hits and the text's letters, scored for one candidate. */
    private static double score(String s, Candidate c, int n, double ll, int hits, LetterCounts letters) {
        double score = n == 0 ? 0 : ll / n * Math.min(n, MAX_TRIGRAMS);
        score += STOP_WORD_WEIGHT * Math.min(hits, 8);
        int foreign = letters.total() - letters.among(c.alphabet());
        int owned = letters.among(c.ownLetters());
        String[] expected = c.expectedLetters();
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

    private static Optional<Detection> result(String tag, double confidence) {
        double c = Math.max(0.0, Math.min(1.0, confidence));
        return c < MIN_CONFIDENCE ? Optional.empty() : Optional.of(new Detection(tag, c));
    }

    /** Lower case (Locale.ROOT: no Turkish dotless-i surprises), Uzbek apostrophes unified. */
    static String prepare(String s) {
        String t = TextHygiene.normalizeUzbekApostrophes(s).replace('\u0130', 'i');
        String lower = RootLowerCase.of(t);
        return lower.indexOf('\u0307') < 0 ? lower : lower.replace("i\u0307", "i");
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
