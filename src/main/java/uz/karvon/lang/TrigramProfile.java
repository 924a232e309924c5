package uz.karvon.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Character-trigram frequencies of one language, built from plain text; immutable. */
final class TrigramProfile {

    private static final double ALPHA = 0.5;
    private static final int VOCABULARY = 5000;

    private final Map<String, Integer> counts;
    private final double logDenominator;

    TrigramProfile(List<String> words) {
        Map<String, Integer> c = new HashMap<>();
        int total = 0;
        for (String w : words) {
            for (String g : trigrams(w)) {
                c.merge(g, 1, Integer::sum);
                total++;
            }
        }
        counts = Map.copyOf(c);
        logDenominator = Math.log(total + ALPHA * VOCABULARY);
    }

    /** Smoothed natural-log probability of a trigram. */
    double logProb(String trigram) {
        return Math.log(counts.getOrDefault(trigram, 0) + ALPHA) - logDenominator;
    }

    /** Trigrams of a lower-case word padded with one space each side: "va" → " va", "va ". */
    static List<String> trigrams(String word) {
        String p = " " + word + " ";
        if (p.length() < 3) {
            return List.of();
        }
        String[] out = new String[p.length() - 2];
        for (int i = 0; i + 3 <= p.length(); i++) {
            out[i] = p.substring(i, i + 3);
        }
        return List.of(out);
    }
}
