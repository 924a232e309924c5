package uz.karvon.cluster;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Day-and-month dates: "21 June", "June 21", "21 июня", "21-iyun", "21 يونيو", "6月21日", as
 * {@code d:6-21}. Years are left to {@link NumberReader}; weekdays and "yesterday" are not read.
 */
final class DateReader {

    private static final Lexicon<Integer> MONTHS = Lexicon.load("/cluster/months.txt", Integer::valueOf);

    private DateReader() {
    }

    /** Adds the dates found to {@code dates} and marks their tokens as used. */
    static void read(Group group, List<Token> tokens, BitSet used, Set<String> dates) {
        if (group == Group.ZH) {
            chinese(tokens, used, dates);
            return;
        }
        for (PhraseIndex.Match<Integer> m : MONTHS.index(group).matchTokens(tokens)) {
            used.set(m.start(), m.end());   // "January-May": a month, not a name
            int before = m.start() - 1;
            int after = m.end();
            int day;
            if (before >= 0 && tokens.get(before).isDay() && !used.get(before)) {
                day = before;
            } else if (after < tokens.size() && tokens.get(after).isDay() && !used.get(after)) {
                day = after;
            } else {
                continue;   // "in June": a month alone names no day
            }
            dates.add("d:" + m.value() + "-" + tokens.get(day).value().intValue());
            used.set(day);
            used.set(m.start(), m.end());
            // a range: "15–17 June", "June 15 to 17", "15 إلى 17 يونيو" — both ends are dates of the story
            int other = day < m.start() ? rangePartner(tokens, day, -1) : rangePartner(tokens, day, +1);
            if (other >= 0 && !used.get(other)) {
                dates.add("d:" + m.value() + "-" + tokens.get(other).value().intValue());
                used.set(other);
            }
        }
    }

    /** Words between the two ends of a range of days. */
    private static final Set<String> RANGE_WORDS = Set.of("to", "through", "till", "until", "and", "по", "до", "и", "gacha", "va",
            "الي", "حتي", "و");

    /** The other end of a day range next to the day at {@code day}, looking in direction {@code step}, or -1. */
    private static int rangePartner(List<Token> tokens, int day, int step) {
        int next = day + step;
        if (next < 0 || next >= tokens.size()) {
            return -1;
        }
        if (tokens.get(next).isDay()) {
            return next;
        }
        int after = next + step;
        if (tokens.get(next).isWord() && RANGE_WORDS.contains(tokens.get(next).text()) && after >= 0 && after < tokens.size()
                && tokens.get(after).isDay()) {
            return after;
        }
        return -1;
    }

    /** 6月21日 / 6月21号: number, 月, number, 日 or 号. */
    private static void chinese(List<Token> tokens, BitSet used, Set<String> dates) {
        for (int i = 0; i + 3 < tokens.size(); i++) {
            Token month = tokens.get(i);
            Token yue = tokens.get(i + 1);
            Token day = tokens.get(i + 2);
            Token ri = tokens.get(i + 3);
            if (month.isDay() && month.value().intValue() <= 12 && yue.kind() == Token.Kind.HAN && yue.text().startsWith("月")
                    && day.isDay() && ri.kind() == Token.Kind.HAN && (ri.text().startsWith("日") || ri.text().startsWith("号"))) {
                dates.add("d:" + month.value().intValue() + "-" + day.value().intValue());
                used.set(i);
                used.set(i + 2);
                // 5月15日至17日, 15日-17日
                if (i + 5 < tokens.size() && ri.text().length() <= 2 && (ri.text().length() == 1 || ri.text().endsWith("至")
                        || ri.text().endsWith("到")) && tokens.get(i + 4).isDay() && tokens.get(i + 5).kind() == Token.Kind.HAN
                        && tokens.get(i + 5).text().startsWith("日")) {
                    dates.add("d:" + month.value().intValue() + "-" + tokens.get(i + 4).value().intValue());
                    used.set(i + 4);
                }
            }
        }
        // 6月 alone, 21日, 2026年: parts of dates, not figures
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token n = tokens.get(i);
            Token unit = tokens.get(i + 1);
            if (n.isNumber() && unit.kind() == Token.Kind.HAN && (unit.text().startsWith("月") || unit.text().startsWith("日")
                    || unit.text().startsWith("号")) && n.plainInteger() && n.value().intValue() <= 31) {
                used.set(i);
            }
        }
    }
}
