package uz.karvon.lang;

import java.util.List;

/**
 * Character-trigram profiles of the languages of one script (at most {@value #MAX_LANGUAGES}), built from
 * plain text; immutable. The smoothed log-probabilities are computed here once, and a text's trigram is looked
 * up once for all the languages: an open-addressing table from packed trigram (see {@link Words}) to a row
 * with one column per language.
 */
final class TrigramProfiles {

    static final int MAX_LANGUAGES = 64;
    private static final double ALPHA = 0.5;
    private static final int VOCABULARY = 5000;
    /** A slot holds the trigram in its low 48 bits and its row above; 0 marks a free slot (a trigram has a letter). */
    private static final int ROW_SHIFT = 48;
    private static final long TRIGRAM = (1L << ROW_SHIFT) - 1;
    private static final long FREE = 0;
    /** The row of a free slot: the log-probabilities of a trigram the language's text lacks. */
    private static final int UNSEEN = 0;
    static final int SCALE = 16;
    /** Trigrams {@link #score} may add up: 16-bit lanes hold 257 costs of 255. */
    static final int MAX_TRIGRAMS = 257;

    private final int languages;
    private long[] slots;
    /**
     * −log-probability × {@value #SCALE}, rounded, at most 255, four languages to a long in 16-bit lanes: a row
     * of sixteen languages is four longs, added to four running sums per trigram (the lanes cannot overflow
     * before {@value #MAX_TRIGRAMS} trigrams), and the table stays in the CPU cache. A rounding error of 1/32
     * nat per trigram is far below what separates two languages.
     */
    private final long[] costs;
    /** Longs per row. */
    private final int width;

    /** One profile per language, from the trigrams of its text ({@link Words#trigrams}). */
    TrigramProfiles(List<long[]> trigramsByLanguage) {
        languages = trigramsByLanguage.size();
        int total = 0;
        for (long[] trigrams : trigramsByLanguage) {
            total += trigrams.length;
        }
        if (languages > MAX_LANGUAGES || total >= 1 << (Long.SIZE - ROW_SHIFT)) {
            throw new IllegalStateException("lang: too many languages or trigrams for the profile table");
        }
        // sized as if every trigram were distinct, so no resizing; rows numbered in order of first sight
        slots = new long[Integer.highestOneBit(Math.max(1, total) * 2) * 2]; // at most half full
        int[] counts = new int[(total + 1) * languages];
        int rows = UNSEEN + 1;
        for (int lang = 0; lang < languages; lang++) {
            for (long g : trigramsByLanguage.get(lang)) {
                int i = slot(g);
                if (slots[i] == FREE) {
                    slots[i] = g | (long) rows++ << ROW_SHIFT;
                }
                counts[row(slots[i]) * languages + lang]++;
            }
        }
        compact(rows);
        width = (languages + 3) / 4;
        costs = new long[rows * width];
        for (int lang = 0; lang < languages; lang++) {
            double logDenominator = Math.log(trigramsByLanguage.get(lang).length + ALPHA * VOCABULARY);
            for (int row = 0; row < rows; row++) {
                int count = counts[row * languages + lang];
                long cost = Math.round((logDenominator - Math.log(count + ALPHA)) * SCALE);
                if (cost > 255) {
                    throw new IllegalStateException("lang: profile too large for one-byte costs");
                }
                costs[row * width + lang / 4] |= cost << 16 * (lang % 4);
            }
        }
    }

    /** Rehashes into a table a quarter full: sized for the distinct trigrams, it stays in the CPU cache. */
    private void compact(int rows) {
        long[] old = slots;
        slots = new long[Integer.highestOneBit(rows * 2) * 2];
        for (long slot : old) {
            if (slot != FREE) {
                slots[slot(slot & TRIGRAM)] = slot;
            }
        }
    }

    int languages() {
        return languages;
    }

    /**
     * Per language, the sum of the first n (at most {@value #MAX_TRIGRAMS}) trigrams' smoothed negative
     * natural-log probabilities times {@value #SCALE} (into {@code sums}).
     */
    void score(long[] trigrams, int n, int[] sums) {
        if (n > MAX_TRIGRAMS) {
            throw new IllegalArgumentException("lang: at most " + MAX_TRIGRAMS + " trigrams at once");
        }
        long[] lanes = new long[width];
        for (int t = 0; t < n; t++) {
            int base = row(slots[slot(trigrams[t])]) * width;
            for (int k = 0; k < width; k++) {
                lanes[k] += costs[base + k];
            }
        }
        for (int lang = 0; lang < languages; lang++) {
            sums[lang] = (int) (lanes[lang / 4] >>> 16 * (lang % 4)) & 0xFFFF;
        }
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
