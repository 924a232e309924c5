package uz.karvon.cluster;

import java.math.BigDecimal;

/**
 * One unit of a prepared text: a word (lower case, stemmed for its group), a number with its value, or a
 * run of Han characters.
 *
 * @param text          the stem of a word, the digits of a number as written, the Han characters
 * @param word          a word as written, in lower case (null for numbers and Han runs)
 * @param capitalized   the word was written with a capital letter
 * @param value         the number's value, {@code null} for words and Han runs
 * @param plainInteger  digits only, no separators: the shape of a year
 */
record Token(Kind kind, String text, String word, boolean capitalized, BigDecimal value, boolean plainInteger) {
    enum Kind { WORD, NUMBER, HAN }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** An integer between 1 and 31 written without separators: a day of the month, perhaps. */
    boolean isDay() {
        return kind == Kind.NUMBER && plainInteger && text.length() <= 2 && value.intValue() >= 1 && value.intValue() <= 31;
    }
}
