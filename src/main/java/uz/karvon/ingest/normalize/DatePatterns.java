package uz.karvon.ingest.normalize;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The date table: layouts (regexes with named groups), month names per language and zone abbreviations.
 * Inputs reach these patterns already lower-cased (Locale.ROOT), with ASCII digits and folded spaces.
 * Add a layout or a month spelling here and a row to DateParserTest's CSV.
 */
final class DatePatterns {
    private DatePatterns() {
    }

    /** A date layout; groups: d, mon (name), m (number), y, H, M, S, f (fraction), ampm, rest (zone and junk). */
    record Layout(String name, Pattern pattern, boolean hasMonthName, boolean hasFraction, boolean hasAmPm,
                  boolean hasRest, boolean hasTime, boolean hasSeconds) {
        Layout(String name, String regex) {
            this(name, Pattern.compile(regex), regex.contains("(?<mon>"), regex.contains("(?<f>"),
                    regex.contains("(?<ampm>"), regex.contains("(?<rest>"), regex.contains("(?<H>"), regex.contains("(?<S>"));
        }
    }

    private static final String TIME =
            "(?:(?:,|\\s)\\s*(?<H>\\d{1,2})[:.](?<M>\\d{1,2})(?:[:.](?<S>\\d{1,2})(?:[.,](?<f>\\d{1,9}))?)?(?:\\s*(?<ampm>am|pm))?)?";
    private static final String WEEKDAY = "(?:\\p{L}+\\.?,?\\s+)?";
    private static final String REST = "\\s*(?<rest>.*)";

    /** Tried in order; the first layout that matches and yields a valid date wins. */
    static final List<Layout> LAYOUTS = List.of(
            // ISO 8601 / RFC 3339 and deviations: 2025-06-21T12:22:00.123+05:00, 2025-06-21 12:22, 2025-06-21
            new Layout("iso", "^(?<y>-?\\d{4,5})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?:(?:t|\\s+)(?<H>\\d{1,2}):(?<M>\\d{2})"
                    + "(?::(?<S>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?)?" + REST + "$"),
            // ISO basic: 20250621T122200Z
            new Layout("iso-basic", "^(?<y>\\d{4})(?<m>\\d{2})(?<d>\\d{2})t(?<H>\\d{2})(?<M>\\d{2})(?<S>\\d{2})?" + REST + "$"),
            // RFC 822/1123 and every day-first spelling: Sat, 21 Jun 2025 12:22:00 +0500; 21 июня 2025 г. 12:22;
            // 21-iyun, 2025; 21 июн 2025; 21 يونيو 2025
            new Layout("day-month-year", "^" + WEEKDAY + "(?<d>\\d{1,2})(?:\\s*|[-./])(?<mon>\\p{L}+)\\.?,?(?:\\s*|[-./])"
                    + "(?<y>-?\\d{1,5})" + TIME + REST + "$"),
            // Month first: June 21, 2025 12:22 PM; Июнь 21, 2025. 12:22
            new Layout("month-day-year", "^" + WEEKDAY + "(?<mon>\\p{L}+)\\.?\\s+(?<d>\\d{1,2}),?\\s+(?<y>\\d{4})\\.?"
                    + TIME + REST + "$"),
            // asctime / Unix date: Sat Jun 21 12:22:00 2025, Sat Jun 21 12:22:00 UTC 2025
            new Layout("asctime", "^\\p{L}+\\s+(?<mon>\\p{L}+)\\s+(?<d>\\d{1,2})\\s+(?<H>\\d{1,2}):(?<M>\\d{2}):(?<S>\\d{2})"
                    + "\\s+(?:(?<rest>[a-z]{1,5})\\s+)?(?<y>\\d{4})$"),
            // Chinese/Japanese: 2025年6月21日 12:22
            new Layout("cjk", "^(?<y>\\d{4})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日" + TIME.replace("(?:,|\\s)", "(?:,|\\s|)") + REST + "$"),
            // Numeric day-first: 21.06.2025 12:22, 21/06/2025, 21-06-2025
            new Layout("dmy-numeric", "^(?<d>\\d{1,2})[./-](?<m>\\d{1,2})[./-](?<y>\\d{4}|\\d{2})" + TIME + REST + "$"),
            // Numeric year-first with slashes or dots: 2025/06/21 12:22:00
            new Layout("ymd-numeric", "^(?<y>\\d{4})[./](?<m>\\d{1,2})[./](?<d>\\d{1,2})" + TIME + REST + "$"));

    /** Month names (lower case) → month number. Full words first; {@link #monthByPrefix} handles the rest. */
    static final Map<String, Integer> MONTHS = buildMonths();

    private static Map<String, Integer> buildMonths() {
        String[][] rows = {
                // en full, en short, ru genitive, ru nominative, ru short, uz Latin, uz Latin short, uz Cyrillic,
                // uz Cyrillic short, ar (MSA), ar (Levant)
                {"january", "jan", "января", "январь", "янв", "yanvar", "yan", "январ", "янв", "يناير", "كانون الثاني"},
                {"february", "feb", "февраля", "февраль", "фев", "fevral", "fev", "феврал", "фев", "فبراير", "شباط"},
                {"march", "mar", "марта", "март", "мар", "mart", "mar", "март", "мар", "مارس", "آذار"},
                {"april", "apr", "апреля", "апрель", "апр", "aprel", "apr", "апрел", "апр", "أبريل", "نيسان"},
                {"may", "may", "мая", "май", "май", "may", "may", "май", "май", "مايو", "أيار"},
                {"june", "jun", "июня", "июнь", "июн", "iyun", "iyn", "июн", "июн", "يونيو", "حزيران"},
                {"july", "jul", "июля", "июль", "июл", "iyul", "iyl", "июл", "июл", "يوليو", "تموز"},
                {"august", "aug", "августа", "август", "авг", "avgust", "avg", "август", "авг", "أغسطس", "آب"},
                {"september", "sep", "сентября", "сентябрь", "сен", "sentyabr", "sen", "сентябр", "сен", "سبتمبر", "أيلول"},
                {"october", "oct", "октября", "октябрь", "окт", "oktyabr", "okt", "октябр", "окт", "أكتوبر", "تشرين الأول"},
                {"november", "nov", "ноября", "ноябрь", "ноя", "noyabr", "noy", "ноябр", "ноя", "نوفمبر", "تشرين الثاني"},
                {"december", "dec", "декабря", "декабрь", "дек", "dekabr", "dek", "декабр", "дек", "ديسمبر", "كانون الأول"},
        };
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            for (String name : rows[i]) m.putIfAbsent(name, i + 1);
        }
        m.put("sept", 9);
        m.put("сент", 9);
        m.put("iyn", 6);
        m.put("iyl", 7);
        m.put("mai", 5);
        m.put("juni", 6);
        m.put("juli", 7);
        return Map.copyOf(m);
    }

    /** Month number from a name: exact table hit, else a unique 3-letter prefix (en/ru/uz-Cyrl), else 4 (uz-Latn). */
    static int monthByPrefix(String word) {
        Integer m = MONTHS.get(word);
        if (m != null) return m;
        if (word.length() >= 4) {
            m = MONTHS.get(word.substring(0, 4));
            if (m != null) return m;
        }
        if (word.length() > 3) {
            m = MONTHS.get(word.substring(0, 3));
            if (m != null) return m;
        }
        return 0;
    }

    /** Zone abbreviations seen in feeds (lower case) → offset. Ambiguous ones take the US/Russian reading. */
    static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("z", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC),
            Map.entry("utc", ZoneOffset.UTC), Map.entry("wet", ZoneOffset.UTC),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
            Map.entry("bst", ZoneOffset.ofHours(1)), Map.entry("cet", ZoneOffset.ofHours(1)),
            Map.entry("cest", ZoneOffset.ofHours(2)), Map.entry("eet", ZoneOffset.ofHours(2)),
            Map.entry("eest", ZoneOffset.ofHours(3)), Map.entry("msk", ZoneOffset.ofHours(3)),
            Map.entry("uzt", ZoneOffset.ofHours(5)), Map.entry("ist", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("pkt", ZoneOffset.ofHours(5)), Map.entry("hkt", ZoneOffset.ofHours(8)),
            Map.entry("sgt", ZoneOffset.ofHours(8)), Map.entry("jst", ZoneOffset.ofHours(9)),
            Map.entry("kst", ZoneOffset.ofHours(9)), Map.entry("aest", ZoneOffset.ofHours(10)),
            Map.entry("gst", ZoneOffset.ofHours(4)), Map.entry("ast", ZoneOffset.ofHours(3)));

    /** English ordinal suffixes (21st, 2nd), removed without a trace. */
    static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(?:st|nd|rd|th)\\b");

    /** Words removed before matching: Russian "г."/"года", Uzbek "yil"/"y.", "в"/"soat"/"at" before the time. */
    static final Pattern NOISE = Pattern.compile(
            "(?<=\\d)\\s*(?:г\\.|года|год|г|yil|y\\.)(?=[\\s,.]|$)|\\s(?:в|soat|at|um)(?=\\s)|\\([^)]*\\)");
}
