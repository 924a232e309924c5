package uz.karvon.lang;

import java.util.Arrays;
import java.util.List;

/**
 * Character-trigram profiles of the languages of one script (at most {@value #COLUMNS}), built
 * from plain text; immutable. The smoothed log-probabilities are computed here once, and a text's
 * trigram is looked up once for all the languages: an open-addressing table from packed trigram
 * (see {@link Words}) to a row with one column per language.
 */
final class TrigramProfiles {

    private static final double ALPHA = 0.5;
    private static final int VOCABULARY = 5000;
    /** Columns of a row; summing a fixed number of columns lets the running sums stay in registers. */
    private static final int COLUMNS = 5;
    /** A slot holds the trigram in its low 48 bits and its row above; 0 marks a free slot (a trigram has a letter). */
    private static final int ROW_SHIFT = 48;
    private static final long TRIGRAM = (1L << ROW_SHIFT) - 1;
    private static final long FREE = 0;
    /** The row of a free slot: the log-probabilities of a trigram the language's text lacks. */
    private static final int UNSEEN = 0;

    private final int languages;
    private final long[] slots;
    private final double[] logProbs;

    /** One profile per language, from the trigrams of its text ({@link Words#trigrams}). */
    TrigramProfiles(List<long[]> trigramsByLanguage) {
        languages = trigramsByLanguage.size();
        int total = 0;
        for (long[] trigrams : trigramsByLanguage) {
            total += trigrams.length;
        }
        if (languages > COLUMNS || total >= 1 << (Long.SIZE - ROW_SHIFT)) {
            throw new IllegalStateException("lang: too many languages or trigrams for the profile table");
        }
        // sized as if every trigram were distinct, so no resizing; rows numbered in order of first sight
        slots = new long[Integer.highestOneBit(Math.max(1, total) * 2) * 2]; // at most half full
        int[] counts = new int[(total + 1) * COLUMNS];
        int rows = UNSEEN + 1;
        for (int lang = 0; lang < languages; lang++) {
            for (long g : trigramsByLanguage.get(lang)) {
                int i = slot(g);
                if (slots[i] == FREE) {
                    slots[i] = g | (long) rows++ << ROW_SHIFT;
                }
                counts[row(slots[i]) * COLUMNS + lang]++;
            }
        }
        logProbs = new double[rows * COLUMNS];
        for (int lang = 0; lang < languages; lang++) {
            double logDenominator = Math.log(trigramsByLanguage.get(lang).length + ALPHA * VOCABULARY);
            for (int row = 0; row < rows; row++) {
                logProbs[row * COLUMNS + lang] = Math.log(counts[row * COLUMNS + lang] + ALPHA) - logDenominator;
            }
        }
    }

    /** Per language, the sum of the trigrams' smoothed natural-log probabilities, added in the trigrams' order. */
    double[] logProbSums(long[] trigrams) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (long g : trigrams) {
            int base = row(slots[slot(g)]) * COLUMNS;
            s0 += logProbs[base];
            s1 += logProbs[base + 1];
            s2 += logProbs[base + 2];
            s3 += logProbs[base + 3];
            s4 += logProbs[base + 4];
        }
        return Arrays.copyOf(new double[] {s0, s1, s2, s3, s4}, languages);
    }

    private static int row(long slot) {
        return (int) (slot >>> ROW_SHIFT);
    }

    /** The index of the slot holding the trigram, or of the free slot where it would go (linear probing). */
    private int slot(long trigram) {
        int mask = slots.length - 1;
        int i = (int) (trigram * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (slots[i] != FREE && (slots[i] & TRIGRAM) != trigram) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
