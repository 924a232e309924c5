package uz.karvon.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The languages of one script scored together on a text: character trigrams ({@link TrigramProfiles}), stop
 * words, and words with a letter outside a language's alphabet. The "other" languages of the table take part
 * in the scoring; when one of them wins, the text is in none of the languages karvon detects. Immutable.
 */
final class ScriptGroup {

    /** Thresholds and weights of the decision; one instance, in {@link LanguageDetector}. */
    record Tuning(int maxTrigrams, int maxTrigramsRead, double stopWordWeight, int maxStopWords, double foreignWordPenalty,
                  int maxForeignWords, double temperature, double minConfidence, double minMargin) {
    }

    /** Alphabet letters are below this (Latin, ʻ, Cyrillic, Arabic); a letter beyond is in no alphabet. */
    private static final int MASK_END = 0x0780;

    private final Character.UnicodeScript script;
    private final String und;
    private final Tuning tuning;
    private final List<LanguageTable.Language> languages;
    private final TrigramProfiles profiles;
    /**
     * Per char, the languages whose alphabet has it; languages with no alphabet have every letter, and the
     * "other" languages stand for the rest of the world: they also have every letter no language here has
     * (Romanian ș, Czech ř), which is evidence against every detected language.
     */
    private final long[] alphabets = new long[MASK_END];
    private final long anyLetter;
    private final long others;
    private final long all;
    private final Map<String, Long> stopWords;
    private final int longestStopWord;

    ScriptGroup(Character.UnicodeScript script, List<LanguageTable.Language> languages,
                Map<String, List<String>> stopWordsByTag, Map<String, String> trainingText, Tuning tuning) {
        if (languages.size() > TrigramProfiles.MAX_LANGUAGES) {
            throw new IllegalStateException("lang: too many languages for script " + script);
        }
        this.script = script;
        this.und = Detection.UND + "-" + LetterScripts.iso15924(script);
        this.tuning = tuning;
        this.languages = List.copyOf(languages);
        long any = 0;
        long other = 0;
        Map<String, Long> stops = new HashMap<>();
        List<long[]> trigrams = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            LanguageTable.Language l = languages.get(i);
            long bit = 1L << i;
            if (l.alphabet().isEmpty()) {
                any |= bit;
            }
            if (!l.detected()) {
                other |= bit;
            }
            for (char c : l.alphabet().toCharArray()) {
                if (c >= MASK_END) {
                    throw new IllegalStateException("lang: alphabet letter beyond the letter table: " + c);
                }
                alphabets[c] |= bit;
            }
            for (String w : stopWordsByTag.getOrDefault(l.tag(), List.of())) {
                stops.merge(w, bit, (a, b) -> a | b);
            }
            String text = trainingText.get(l.tag());
            if (text == null) {
                throw new IllegalStateException("lang: no training text for " + l.tag());
            }
            trigrams.add(Words.of(text, script).trigrams());
        }
        anyLetter = any;
        others = other;
        all = languages.size() == Long.SIZE ? -1L : (1L << languages.size()) - 1;
        stopWords = Map.copyOf(stops);
        longestStopWord = stops.keySet().stream().mapToInt(String::length).max().orElse(0);
        profiles = new TrigramProfiles(trigrams);
    }

    Character.UnicodeScript script() {
        return script;
    }

    /** The language of a prepared text ({@link LanguageDetector#prepare}) with enough letters of this script. */
    Detection identify(String prepared) {
        int n = languages.size();
        Words words = Words.of(prepared, script);
        long[] trigrams = words.trigrams();
        int t = Math.min(trigrams.length, tuning.maxTrigramsRead());
        int[] costs = new int[n];
        profiles.score(trigrams, t, costs);
        int[] stops = new int[n];
        int[] foreign = new int[n];
        for (String w : words.list()) {
            Long bits = w.length() > longestStopWord ? null : stopWords.get(w);
            if (bits != null) {
                count(bits, stops);
            }
            count(outsideAlphabets(w), foreign);
        }
        double[] scores = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double s = t == 0 ? 0 : -costs[i] / (double) TrigramProfiles.SCALE / t * Math.min(t, tuning.maxTrigrams());
            s += tuning.stopWordWeight() * Math.min(stops[i], tuning.maxStopWords());
            s -= tuning.foreignWordPenalty() * Math.min(foreign[i], tuning.maxForeignWords());
            scores[i] = s / tuning.temperature();
            max = Math.max(max, scores[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        return decide(scores, sum);
    }

    /** p: unnormalised probabilities, summing to sum. */
    private Detection decide(double[] p, double sum) {
        int best = -1;
        int second = -1;
        double other = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
            if (!languages.get(i).detected()) {
                other += p[i];
            } else if (best < 0 || p[i] > p[best]) {
                second = best;
                best = i;
            } else if (second < 0 || p[i] > p[second]) {
                second = i;
            }
        }
        if (best < 0) {
            return new Detection(und, 0.0);
        }
        String bestTag = languages.get(best).tag();
        double pBest = p[best];
        if (other >= pBest) {
            return new Detection(und, clamp(1 - pBest), bestTag, clamp(other - pBest));
        }
        double pSecond = second < 0 ? 0 : p[second];
        String secondTag = second < 0 || other > pSecond ? und : languages.get(second).tag();
        double margin = clamp(pBest - Math.max(pSecond, other));
        if (pBest < tuning.minConfidence() || margin < tuning.minMargin()) {
            return new Detection(und, clamp(1 - pBest), bestTag, margin);
        }
        return new Detection(bestTag, clamp(pBest), secondTag, margin);
    }

    /** The languages whose alphabet lacks a letter of the word (ʼ belongs to every alphabet). */
    private long outsideAlphabets(String word) {
        long missing = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == TextHygiene.TUTUQ) {
                continue;
            }
            long has = c < MASK_END ? alphabets[c] : 0;
            missing |= ~(has == 0 ? others | anyLetter : has | anyLetter);
        }
        return missing & all;
    }

    private static void count(long bits, int[] counts) {
        while (bits != 0) {
            counts[Long.numberOfTrailingZeros(bits)]++;
            bits &= bits - 1;
        }
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
