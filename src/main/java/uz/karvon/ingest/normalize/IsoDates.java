package uz.karvon.ingest.normalize;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 in the forms feeds use (RFC 3339 and W3C-DTF are profiles of it): extended and basic notation,
 * calendar, week ({@code 2025-W25-6}) and ordinal ({@code 2025-172}) dates, reduced precision ({@code 2025-06},
 * {@code 2025}, {@code T12}), fractions with '.' or ',', offsets {@code Z ±hh ±hhmm ±hh:mm} or a zone name,
 * the two-digit-year forms of ISO 8601:1988 ({@code 031231}, {@code 03-12-31}, {@code -0312}, {@code 03335}) and
 * Google's three-digit month ({@code 2003-012-31}). Inputs arrive lower-cased with ASCII digits.
 */
final class IsoDates {
    private static final String TIME =
            "(?:(?:t|\\s+)(?<H>\\d{1,2})(?::?(?<M>\\d{2})(?::?(?<S>\\d{2})(?:[.,](?<f>\\d{1,9})\\d*)?)?)?(?<rest>.*))?";
    /** Calendar, week and ordinal dates; one alternative matches, its groups say which. */
    private static final Pattern ISO = Pattern.compile("^(?:"
            + "(?<y>\\d{4})-(?<m>0?\\d{1,2})(?:-(?<d>\\d{1,2}))?"        // 2025-06-21, 2025-06, 2003-012-31
            + "|(?<by>\\d{4})(?<bm>\\d{2})(?<bd>\\d{2})"                 // 20250621
            + "|(?<wy>\\d{4})-?w(?<w>\\d{2})(?:-?(?<wd>\\d))?"            // 2025-W25-6, 2025W256, 2025-W25
            + "|(?<oy>\\d{4})-?(?<od>\\d{3})"                            // 2025-172, 2025172
            + "|(?<yy>\\d{4})"                                           // 2025
            + "|(?<sy>\\d{2})-(?<sm>\\d{2})-(?<sd>\\d{2})"               // 03-12-31
            + "|(?<cy>\\d{2})(?<cm>\\d{2})(?<cd>\\d{2})"                 // 031231
            + "|-(?<hy>\\d{2})-?(?<hm>\\d{2})"                           // -0312, -03-12
            + "|(?<qy>\\d{2})(?<qd>\\d{3})"                              // 03335
            + ")" + TIME + "$");

    private IsoDates() {
    }

    /** The instant, null when {@code s} is not ISO 8601 or names an impossible date. */
    static Instant parse(String s, ZoneId dflt) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) return null;
        try {
            LocalDate date = date(m);
            if (date == null) return null;
            LocalTime time = LocalTime.MIDNIGHT;
            String rest = "";
            if (m.group("H") != null) {
                int h = Integer.parseInt(m.group("H"));
                int min = m.group("M") == null ? 0 : Integer.parseInt(m.group("M"));
                int sec = m.group("S") == null ? 0 : Integer.parseInt(m.group("S"));
                int nano = m.group("f") == null ? 0 : Integer.parseInt((m.group("f") + "00000000").substring(0, 9));
                if (h == 24 && min == 0 && sec == 0 && nano == 0) {   // 24:00 is the end of the day
                    date = date.plusDays(1);
                    h = 0;
                }
                rest = m.group("rest").trim();
                if (rest.startsWith("am") || rest.startsWith("pm")) {   // 2004-05-25 11:23:17 pm (Korean 오후, moved)
                    if (h < 1 || h > 12) return null;
                    h = h % 12 + (rest.startsWith("pm") ? 12 : 0);
                    rest = rest.substring(2).trim();
                }
                time = LocalTime.of(h, min, sec, nano);
            }
            ZoneId zone = DateParser.zoneOf(rest, dflt);
            return zone == null ? null : date.atTime(time).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Matcher m) {
        if (m.group("y") != null) {
            int day = m.group("d") == null ? 1 : Integer.parseInt(m.group("d"));
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), day);
        }
        if (m.group("by") != null) return LocalDate.of(num(m, "by"), num(m, "bm"), num(m, "bd"));
        if (m.group("wy") != null) {
            int week = num(m, "w");
            int dow = m.group("wd") == null ? 1 : num(m, "wd");
            LocalDate d = LocalDate.of(num(m, "wy"), 1, 4);
            if (week < 1 || week > d.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum() || dow < 1 || dow > 7) return null;
            return d.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(ChronoField.DAY_OF_WEEK, DayOfWeek.of(dow).getValue());
        }
        if (m.group("oy") != null) return LocalDate.ofYearDay(num(m, "oy"), num(m, "od"));
        if (m.group("yy") != null) return LocalDate.of(num(m, "yy"), 1, 1);
        if (m.group("sy") != null) return LocalDate.of(century(num(m, "sy")), num(m, "sm"), num(m, "sd"));
        if (m.group("cy") != null) return LocalDate.of(century(num(m, "cy")), num(m, "cm"), num(m, "cd"));
        if (m.group("hy") != null) return LocalDate.of(century(num(m, "hy")), num(m, "hm"), 1);
        if (m.group("qy") != null) return LocalDate.ofYearDay(century(num(m, "qy")), num(m, "qd"));
        return null;
    }

    private static int num(Matcher m, String g) {
        return Integer.parseInt(m.group(g));
    }

    /** Two-digit years: 70-99 are 19xx, 00-69 are 20xx (the RFC 2822 rule, as in {@link DateParser}). */
    static int century(int yy) {
        return yy + (yy < 70 ? 2000 : 1900);
    }
}
