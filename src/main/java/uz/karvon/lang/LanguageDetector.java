package uz.karvon.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the language of a headline, or a headline plus a summary, among the languages of
 * {@code lang/languages.tsv}: Uzbek and Karakalpak in both scripts, Kazakh, Kyrgyz, Tajik, Turkmen,
 * Azerbaijani, Turkish, Tatar, Bashkir, Russian, Ukrainian, Belarusian, English, German, French, Spanish,
 * Arabic, Persian, Pashto, Urdu, Uyghur, Hindi; Chinese (Simplified, Traditional), Japanese and Korean by script.
 * Anything else, and text too short or too close between two languages, is {@code und}, with the script when
 * it is clear ({@code und-Cyrl}): never a confident wrong tag.
 *
 * <p>Steps: (1) the script: the non-Latin script with most letters if it has a quarter of them (a Latin brand
 * name inside a Cyrillic or Arabic headline does not make it Latin), else Latin; (2) Han/kana/Hangul decide
 * ja, ko, and zh-Hans or zh-Hant by the ideographs only one of them writes; (3) for an alphabetic script every
 * language of that script, including "other" languages karvon does not detect, is scored on the text's words
 * of that script ({@link ScriptGroup}); (4) the answer must be likely enough and ahead of the runner-up (the
 * best detected language, or all "other" languages together) by a margin.
 *
 * <p>Feed metadata ({@code <language>}) should be trusted before this class; editors can override it.
 * Immutable and thread-safe.
 */
public final class LanguageDetector {

    static final int MIN_LETTERS = 10;
    /** Text read at most: some 40 words, enough for any answer (longer text only costs time). */
    static final int MAX_CHARS = 320;

    static final ScriptGroup.Tuning TUNING = new ScriptGroup.Tuning(
            30,    // trigrams counted at most: longer texts are not more certain than a long paragraph
            200,   // trigrams read at most (about 30 words): the rest of a long text would not change the answer
            1.5,   // per stop word
            8,     // stop words counted at most
            4.0,   // per word with a letter outside the language's alphabet
            3,     // such words counted at most: a name (Тоқаев in Russian text) must not decide alone
            2.0,   // temperature of the softmax over scores
            0.6,   // least probability of an answer
            0.3);  // least lead over the runner-up

    private static final Pattern NOISE = Pattern.compile(
            "(?i)(?:https?://|www\\.)\\S+|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+|[#@][\\p{L}\\p{N}_]+");

    private final Map<Character.UnicodeScript, ScriptGroup> groups = new EnumMap<>(Character.UnicodeScript.class);
    private final Set<String> languages;
    private final HanVariants han = new HanVariants("/lang/han-variants.txt");

    private LanguageDetector() {
        List<LanguageTable.Language> table = LanguageTable.read("/lang/languages.tsv");
        Map<String, List<String>> stopWords = new HashMap<>();
        // uz-Cyrl's profile text and stop words are generated from uz-Latn's (see lang/profiles/README.txt)
        for (String resource : List.of("/lang/stopwords.tsv", "/lang/stopwords-uz-Cyrl.tsv")) {
            for (String line : UzExceptionDictionary.readLines(resource)) {
                String[] f = line.split("\t");
                List<String> words = stopWords.computeIfAbsent(f[0], k -> new ArrayList<>());
                for (int i = 1; i < f.length; i++) {
                    words.add(prepare(f[i].strip()));
                }
            }
        }
        Map<Character.UnicodeScript, List<LanguageTable.Language>> byScript = new EnumMap<>(Character.UnicodeScript.class);
        Map<String, String> texts = new HashMap<>();
        for (LanguageTable.Language l : table) {
            byScript.computeIfAbsent(l.script(), k -> new ArrayList<>()).add(l);
            texts.put(l.tag(), prepare(TextHygiene.clean(profile(l.tag()))));
        }
        byScript.forEach((script, candidates) ->
                groups.put(script, new ScriptGroup(script, candidates, stopWords, texts, TUNING)));
        Set<String> tags = new LinkedHashSet<>();
        table.stream().filter(LanguageTable.Language::detected).forEach(l -> tags.add(l.tag()));
        tags.addAll(List.of("zh-Hans", "zh-Hant", "zh", "ja", "ko"));
        languages = Collections.unmodifiableSet(tags);
    }

    /** The tags {@link #identify} may answer besides {@code und}: "uz-Latn", "kaa-Cyrl", "ru", "zh-Hant" … */
    public Set<String> languages() {
        return languages;
    }

    /** The shared detector with the profiles and stop words from the classpath. */
    public static LanguageDetector standard() {
        return Holder.STANDARD;
    }

    /** A language karvon detects, or empty when {@link #identify} says {@code und}. */
    public Optional<Detection> detect(String text) {
        Detection d = identify(text);
        return d.known() ? Optional.of(d) : Optional.empty();
    }

    /** The language of the text, or {@code und} / {@code und-<script>}; never null. */
    public Detection identify(String text) {
        if (text == null) {
            return new Detection(Detection.UND, 0.0);
        }
        String s = prepare(withoutNoise(TextHygiene.clean(head(text))));
        ScriptCounts sc = ScriptCounts.of(s);
        Character.UnicodeScript main = sc.main();
        if (main == null) {
            return new Detection(Detection.UND, 0.0);
        }
        return switch (main) {
            case HAN, HIRAGANA, KATAKANA -> chineseOrJapanese(s, sc);
            case HANGUL -> sc.count(main) >= 2 ? new Detection("ko", 1.0) : und(main);
            default -> {
                ScriptGroup group = groups.get(main);
                yield group == null || sc.count(main) < MIN_LETTERS ? und(main) : group.identify(s);
            }
        };
    }

    /** The first {@value #MAX_CHARS} chars or so, cut at a space: more text would not change the answer. */
    private static String head(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_CHARS);
        return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }

    /** Kana make it Japanese (Chinese headlines borrow の at most); otherwise the ideographs only one Chinese script writes decide. */
    private Detection chineseOrJapanese(String s, ScriptCounts sc) {
        int ideographs = sc.count(Character.UnicodeScript.HAN);
        int kana = sc.kana();
        if (kana >= 2 || kana == 1 && s.indexOf('の') < 0) { // Chinese text may borrow の, never other kana
            return new Detection("ja", 1.0);
        }
        if (ideographs < 2) {
            return und(Character.UnicodeScript.HAN);
        }
        int[] c = han.count(s);
        int simplified = c[0];
        int traditional = c[1];
        if (simplified + traditional == 0) {
            return new Detection("zh", 1.0); // 中国人民: Chinese, in either script
        }
        double pHans = (simplified + 0.5) / (simplified + traditional + 1.0);
        double margin = Math.abs(2 * pHans - 1);
        if (margin < TUNING.minMargin()) {
            return new Detection("zh", 1.0, pHans >= 0.5 ? "zh-Hans" : "zh-Hant", margin);
        }
        return pHans > 0.5 ? new Detection("zh-Hans", pHans, "zh-Hant", margin)
                : new Detection("zh-Hant", 1 - pHans, "zh-Hans", margin);
    }

    /** Too little text, or a script without languages here: no evidence either way (confidence 0). */
    private static Detection und(Character.UnicodeScript script) {
        return new Detection(Detection.UND + "-" + LetterScripts.iso15924(script), 0.0);
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

    /**
     * Lower case (Locale.ROOT: no Turkish dotless-i surprises), Uzbek apostrophes unified, Arabic short vowels
     * and tatweel removed (optional marks that would split words).
     */
    static String prepare(String s) {
        String t = TextHygiene.normalizeUzbekApostrophes(s).replace('\u0130', 'i');
        String lower = RootLowerCase.of(t);
        lower = lower.indexOf('\u0307') < 0 ? lower : lower.replace("i\u0307", "i");
        return withoutArabicMarks(lower);
    }

    private static String withoutArabicMarks(String s) {
        int first = 0;
        while (first < s.length() && !isArabicMark(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isArabicMark(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isArabicMark(char c) {
        return c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640';
    }

    private static String profile(String tag) {
        return UzExceptionDictionary.readAll("/lang/profiles/" + tag + ".txt");
    }

    /** Lazy, after all static tables above are initialised. */
    private static final class Holder {
        static final LanguageDetector STANDARD = new LanguageDetector();
    }
}
