package uz.karvon.cluster;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Splits prepared text ({@link TextPrep}) into words, numbers and Han runs.
 *
 * <p>Numbers are read with their separators: a space (or no-break space) before exactly three digits
 * groups thousands (1 200 000); a point is a decimal mark unless it repeats (1.200.000); a comma is a
 * decimal mark (3,6 млн) except in English and Chinese, where a comma before exactly three digits groups
 * thousands (3,600,000). Words are split at hyphens; apostrophes inside a word are dropped (Oʻzbekiston →
 * ozbekiston, Tashkent's → tashkents), Latin letters lose their accents (Türkiye → turkiye).
 */
final class Lexer {

    private Lexer() {
    }

    static void tokenize(String s, Group group, List<Token> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int time = timeOfDay(s, i);
                if (time > i) {
                    i = time;
                } else if (partOfName(s, i)) {
                    i = digits(s, i);
                } else {
                    i = number(s, i, group, out);
                }
            } else if (isHan(c)) {
                int j = i + 1;
                while (j < n && (isHan(s.charAt(j)) || (s.charAt(j) == '·' && j + 1 < n && isHan(s.charAt(j + 1))))) {
                    j++;
                }
                out.add(new Token(Token.Kind.HAN, s.substring(i, j), null, false, null, false));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                StringBuilder w = new StringBuilder(16);
                while (j < n) {
                    char d = s.charAt(j);
                    if (isApostrophe(d)) {
                        // dropped: O'zbekiston, Oʻzbekiston and Ozbekiston are one word (ʻ and ʼ are letters to Java)
                        if (j + 1 < n && Character.isLetter(s.charAt(j + 1)) && !isHan(s.charAt(j + 1))) {
                            j++;
                        } else {
                            break;
                        }
                    } else if (Character.isLetter(d) && !isHan(d) || isMark(d)) {
                        w.append(d);
                        j++;
                    } else {
                        break;
                    }
                }
                if (w.length() == 0) {   // a lone ʻ or ʼ
                    i = Math.max(j, i + 1);
                    continue;
                }
                String word = fold(w.toString());
                boolean upper = Character.isUpperCase(c);
                // an acronym (ЦБУ, МВФ, BMT) is not inflected; cutting it would make it another word
                String written = w.toString();
                boolean acronym = written.length() > 1 && written.equals(written.toUpperCase(Locale.ROOT))
                        && !written.equals(written.toLowerCase(Locale.ROOT));   // Arabic has no case: never an acronym
                String stem = acronym ? word : Stemmer.stem(group, word, upper);
                out.add(new Token(Token.Kind.WORD, stem, word, upper, null, false));
                i = j;
            } else {
                i++;
            }
        }
    }

    /** Lower case; Latin letters without accents (Cyrillic й and ў keep theirs). */
    private static String fold(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        boolean plain = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 0x80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN || isMark(c)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return lower;
        }
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (isMark(c) && i > 0 && Character.UnicodeScript.of(nfd.charAt(i - 1)) == Character.UnicodeScript.LATIN) {
                continue;
            }
            out.append(c);
        }
        String folded = Normalizer.normalize(out, Normalizer.Form.NFC);
        return folded.replace("ı", "i");
    }

    /** Reads one number from position i; returns the position after it. */
    private static int number(String s, int i, Group group, List<Token> out) {
        int n = s.length();
        int j = digits(s, i);
        StringBuilder intPart = new StringBuilder(s.substring(i, j));
        boolean groupable = j - i <= 3;   // thousands groups follow a first group of one to three digits
        boolean commaGroups = group == Group.EN || group == Group.ZH;
        char groupSep = 0;
        String frac = "";
        while (j < n) {
            char sep = isSpace(s.charAt(j)) ? ' ' : s.charAt(j);
            int end = digits(s, j + 1);
            int len = end - j - 1;
            if (len == 0 || (sep != ' ' && sep != ',' && sep != '.')) {
                break;
            }
            boolean grouping = groupable && len == 3 && (sep == groupSep || groupSep == 0 && (sep == ' '
                    || sep == ',' && (commaGroups || nextIs(s, end, ','))
                    || sep == '.' && nextIs(s, end, '.')));
            if (grouping) {
                intPart.append(s, j + 1, end);
                groupSep = sep;
                j = end;
            } else if (sep != ' ' && sep != groupSep) {
                frac = s.substring(j + 1, end);
                j = end;
                break;
            } else {
                break;
            }
        }
        String text = frac.isEmpty() ? intPart.toString() : intPart + "." + frac;
        out.add(new Token(Token.Kind.NUMBER, text, null, false, new BigDecimal(text), groupSep == 0 && frac.isEmpty()));
        return j;
    }

    /** Digits written onto a word are a name, not a figure: A321neo, ГЭС-1, COVID-19, Tu-154. */
    private static boolean partOfName(String s, int i) {
        if (i == 0) {
            return false;
        }
        char before = s.charAt(i - 1);
        if (before == '-' && i >= 2) {
            before = s.charAt(i - 2);
        }
        return Character.isLetter(before) && !isHan(before);
    }

    /** The end of a time of day (9:30, 14:05) at i, or i: clocks differ by zone from report to report. */
    private static int timeOfDay(String s, int i) {
        int colon = digits(s, i);
        if (colon - i > 2 || colon >= s.length() || s.charAt(colon) != ':') {
            return i;
        }
        int end = digits(s, colon + 1);
        return end - colon - 1 == 2 ? end : i;
    }

    private static boolean nextIs(String s, int i, char c) {
        return i + 1 < s.length() && s.charAt(i) == c && Character.isDigit(s.charAt(i + 1));
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    static boolean isHan(char c) {
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isMark(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`' || c == '´' || c == 'ʻ' || c == 'ʼ';
    }
}
