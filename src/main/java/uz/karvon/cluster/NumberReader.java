package uz.karvon.cluster;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers as values that cross languages: "3,6 млн", "3.6 million", "3 600 000", "360万" and
 * "٣٫٦ مليون" are all 3600000. Values keep three significant digits, so a figure rounded differently
 * by two agencies (3.58 and 3.6 million) does not meet: precision first.
 *
 * <p>Numbers written as words count too (four, четыре, toʻrt, أربعة; {@code cluster/number-words.txt}).
 * Plain four-digit integers from 1900 to 2100 are years, kept apart ({@code y:2026}); integers 0 and 1
 * say too little to count.
 */
final class NumberReader {

    private static final Lexicon<BigDecimal> MAGNITUDES = Lexicon.load("/cluster/magnitudes.txt", BigDecimal::new);
    private static final Lexicon<BigDecimal> WORDS = Lexicon.load("/cluster/number-words.txt", BigDecimal::new);
    private static final MathContext SIGNIFICANT = new MathContext(3, RoundingMode.HALF_UP);

    private NumberReader() {
    }

    /**
     * Adds "n:VALUE" for each number of the tokens not already used (a date's day) to {@code numbers},
     * and "y:YEAR" for years to {@code years}; marks magnitude words as used.
     */
    static void read(Group group, List<Token> tokens, BitSet used, Set<String> numbers, Set<String> years) {
        PhraseIndex<BigDecimal> words = MAGNITUDES.index(group);
        Map<Integer, PhraseIndex.Match<BigDecimal>> spelled = new HashMap<>();
        for (PhraseIndex.Match<BigDecimal> m : WORDS.index(group).matchTokens(tokens)) {
            spelled.put(m.start(), m);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            PhraseIndex.Match<BigDecimal> word = spelled.get(i);
            if (used.get(i) || !t.isNumber() && word == null) {
                continue;
            }
            BigDecimal value = t.isNumber() ? t.value() : word.value();
            if (word != null) {
                used.set(i, word.end());
                i = word.end() - 1;
            }
            boolean scaled = false;
            if (i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                BigDecimal factor = null;
                int len = 0;
                if (next.kind() == Token.Kind.HAN) {
                    for (PhraseIndex.Match<BigDecimal> m : MAGNITUDES.index(Group.ZH).matchText(next.text())) {
                        if (m.start() == 0) {
                            factor = m.value();
                        }
                        break;
                    }
                } else if (next.isWord()) {
                    List<PhraseIndex.Match<BigDecimal>> m = words.matchTokens(tokens.subList(i + 1, Math.min(tokens.size(), i + 3)));
                    if (!m.isEmpty() && m.get(0).start() == 0) {
                        factor = m.get(0).value();
                        len = m.get(0).end();
                    }
                }
                if (factor != null) {
                    value = value.multiply(factor);
                    scaled = true;
                    used.set(i + 1, i + 1 + len);
                }
            }
            used.set(i);
            if (!scaled && t.isNumber() && t.plainInteger() && t.text().length() == 4 && value.intValue() >= 1900 && value.intValue() <= 2100) {
                years.add("y:" + t.text());
            } else if (scaled || value.compareTo(BigDecimal.ONE) > 0) {
                numbers.add("n:" + canonical(value));
            }
        }
    }

    static String canonical(BigDecimal value) {
        return value.round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
}
