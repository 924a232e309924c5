package uz.karvon.ingest.normalize;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The date table: layouts (regexes with named groups), month names per language and zone abbreviations.
 * Inputs reach these patterns already lower-cased (Locale.ROOT), with ASCII digits and folded spaces; ISO 8601
 * is {@link IsoDates}'. Add a layout or a month spelling here and a row to DateParserTest's CSV.
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

    /** An optional time after the date: ", 12:22", " 12:22:00.5 pm", " - 12:22" (Arabic sites), "t12:22". */
    private static final String TIME = "(?:(?:\\s*[,\\-]\\s*|\\s+|t)(?<H>\\d{1,2})[:.](?<M>\\d{1,2})"
            + "(?:[:.](?<S>\\d{1,2})(?:[.,](?<f>\\d{1,9}))?)?(?:\\s*(?<ampm>am|pm))?)?";
    private static final String WEEKDAY = "(?:\\p{L}+\\.?,?\\s+)?";
    private static final String REST = "\\s*(?<rest>.*)";

    /** Tried in order; the first layout that matches and yields a valid date wins. */
    static final List<Layout> LAYOUTS = List.of(
            // RFC 822/1123 and every day-first spelling: Sat, 21 Jun 2025 12:22:00 +0500; Thu, 01 Jan 04 19:48 GMT;
            // Mon, 13 Feb, 2012 06:28 UTC; 21 июня 2025 г. 12:22; 21-iyun, 2025; 21 маусым 2025; 21 يونيو 2025
            new Layout("day-month-year", "^" + WEEKDAY + "(?<d>\\d{1,2})(?:\\s*|[-./])(?<mon>\\p{L}+)\\.?,?(?:\\s*|[-./])"
                    + "(?<y>\\d{4}|\\d{2})" + TIME + REST + "$"),
            // Month first: June 21, 2025 12:22 PM; Thu Aug 30 2012 17:26:16 +0200; Июнь 21, 2025. 12:22
            new Layout("month-day-year", "^" + WEEKDAY + "(?<mon>\\p{L}+)\\.?\\s+(?<d>\\d{1,2}),?\\s+(?<y>\\d{4})\\.?"
                    + TIME + REST + "$"),
            // asctime and date(1): Sun Jan  4 16:29:06 2004; Sun Jul 15 01:16:00 +0000 2012; Sat Jun 21 12:22:00 UTC 2025;
            // Sat Jun 21 12:22:00 GMT+0500 2025
            new Layout("asctime", "^\\p{L}+\\s+(?<mon>\\p{L}+)\\s+(?<d>\\d{1,2})\\s+(?<H>\\d{1,2}):(?<M>\\d{2})(?::(?<S>\\d{2}))?"
                    + "(?:\\s*(?<ampm>am|pm))?\\s+(?:(?<rest>[a-z/_]{1,30}|(?:gmt|utc)?[+-]\\d{2}:?\\d{2})\\s+)?(?<y>\\d{4})$"),
            // Year first with a month name: 2004-július-13T9:15-05:00 (hu); 2025. június 21.
            new Layout("year-month-day", "^(?<y>\\d{4})[\\s.,-]+(?<mon>\\p{L}+)[\\s.-]+(?<d>\\d{1,2})\\.?" + TIME + REST + "$"),
            // Year, day, month: 2025 жылғы 21 маусым (kk, the year word already removed); 2025 21-июн
            new Layout("year-day-month", "^(?<y>\\d{4})[\\s.,-]+(?<d>\\d{1,2})[\\s.-]+(?<mon>\\p{L}+)\\.?" + TIME + REST + "$"),
            // Chinese, Japanese and Korean: 2025年6月21日 12:22; 2004년 05월 28일 01:31:15
            new Layout("cjk", "^(?<y>\\d{4})\\s*[年년]\\s*(?<m>\\d{1,2})\\s*[月월]\\s*(?<d>\\d{1,2})\\s*[日일]"
                    + TIME.replace("(?:\\s*[,\\-]\\s*|\\s+|t)", "(?:\\s*[,\\-]?\\s*)") + REST + "$"),
            // Numeric day-first: 21.06.2025 12:22, 21/06/2025, 21-06-2025, 21.06.25 (two-digit years only with . or /)
            new Layout("dmy-numeric", "^" + WEEKDAY + "(?<d>\\d{1,2})[./](?<m>\\d{1,2})[./](?<y>\\d{4}|\\d{2})" + TIME + REST + "$"),
            new Layout("dmy-dashes", "^" + WEEKDAY + "(?<d>\\d{1,2})-(?<m>\\d{1,2})-(?<y>\\d{4})" + TIME + REST + "$"),
            // Numeric year-first with slashes or dots: 2025/06/21 12:22:00; Fri, 2006/09/15 08:19:53 EDT (Perforce)
            new Layout("ymd-numeric", "^" + WEEKDAY + "(?<y>\\d{4})[./](?<m>\\d{1,2})[./](?<d>\\d{1,2})" + TIME + REST + "$"));

    /**
     * Month names, folded ({@link #fold}): English, Russian (genitive, nominative, short), Uzbek Latin and
     * Cyrillic, Kazakh, Kyrgyz and Tajik (Russian-derived stems, matched as prefixes of their inflected forms),
     * Turkmen, Azerbaijani, Turkish, Arabic (Egyptian/Gulf, Levantine, Maghreb), Greek and Hungarian short forms.
     * {@link #monthByPrefix} also accepts longer words that start with one of these (июнда, маусымда, iyunda).
     */
    private static final String[][] MONTH_ROWS = {
            {"january", "jan", "января", "январь", "янв", "yanvar", "yan", "январ", "қаңтар", "ýanwar", "ocak", "يناير", "كانون الثاني", "جانفي", "ιαν", "jänner", "janv"},
            {"february", "feb", "февраля", "февраль", "фев", "fevral", "fev", "феврал", "ақпан", "fewral", "şubat", "فبراير", "شباط", "فيفري", "φεβ", "févr"},
            {"march", "mar", "марта", "март", "мар", "mart", "наурыз", "mart", "mart", "مارس", "آذار", "μαρ", "mär", "mars"},
            {"april", "apr", "апреля", "апрель", "апр", "aprel", "апрел", "сәуір", "nisan", "أبريل", "إبريل", "نيسان", "أفريل", "απρ", "avr"},
            {"may", "мая", "май", "мамыр", "maý", "mayıs", "مايو", "أيار", "ماي", "μαι", "maj", "mai"},
            {"june", "jun", "июня", "июнь", "июн", "iyun", "iyn", "маусым", "iýun", "haziran", "يونيو", "حزيران", "جوان", "ιουν", "juin"},
            {"july", "jul", "июля", "июль", "июл", "iyul", "iyl", "шілде", "iýul", "temmuz", "يوليو", "تموز", "جويلية", "ιουλ", "juil"},
            {"august", "aug", "августа", "август", "авг", "avgust", "avg", "тамыз", "awgust", "avqust", "ağustos", "أغسطس", "آب", "أوت", "αυγ", "août"},
            {"september", "sep", "sept", "сентября", "сентябрь", "сен", "сент", "sentyabr", "sen", "сентябр", "қыркүйек", "sentýabr", "eylül", "سبتمبر", "أيلول", "σεπ", "szep"},
            {"october", "oct", "октября", "октябрь", "окт", "oktyabr", "okt", "октябр", "қазан", "oktýabr", "ekim", "أكتوبر", "تشرين الأول", "οκτ"},
            {"november", "nov", "ноября", "ноябрь", "ноя", "noyabr", "noy", "ноябр", "қараша", "noýabr", "kasım", "نوفمبر", "تشرين الثاني", "νοε"},
            {"december", "dec", "декабря", "декабрь", "дек", "dekabr", "dek", "декабр", "желтоқсан", "aralık", "ديسمبر", "كانون الأول", "δεκ", "déc"},
    };

    /** Folded month names → month number. */
    static final Map<String, Integer> MONTHS;
    /** Names of three letters or more, longest first, for prefix matching. */
    private static final List<String> BY_LENGTH;
    /** Arabic month names written as two words, folded, → a one-word stand-in the layouts can match. */
    static final Map<String, String> TWO_WORD_MONTHS;

    static {
        Map<String, Integer> m = new HashMap<>();
        Map<String, String> two = new HashMap<>();
        for (int i = 0; i < MONTH_ROWS.length; i++) {
            for (String name : MONTH_ROWS[i]) {
                String f = fold(name);
                m.putIfAbsent(f, i + 1);
                if (f.indexOf(' ') > 0) two.put(f, MONTH_ROWS[i][1]);
            }
        }
        MONTHS = Map.copyOf(m);
        TWO_WORD_MONTHS = Map.copyOf(two);
        List<String> names = new ArrayList<>();
        for (String k : MONTHS.keySet()) {
            if (k.length() >= 3 && k.indexOf(' ') < 0) names.add(k);
        }
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        BY_LENGTH = List.copyOf(names);
    }

    /**
     * Month number from a word: exact table hit, else the longest month name the word starts with (inflected
     * forms: июнда, маусымда, haziranda, iyunda), else 0.
     */
    static int monthByPrefix(String word) {
        String w = fold(word);
        Integer m = MONTHS.get(w);
        if (m != null) return m;
        for (String name : BY_LENGTH) {
            if (name.length() < w.length() && w.startsWith(name)) return MONTHS.get(name);
        }
        return 0;
    }

    /**
     * The form month names are compared in: lower case, accents and other combining marks removed (şubat →
     * subat, ιούλ → ιουλ, й → и on both sides), dotless ı as i, Arabic alef and yeh variants unified.
     */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) ascii = lower.charAt(i) < 0x80;
        if (ascii) return lower;
        String d = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            switch (c) {
                case 'ı' -> b.append('i');
                case 'أ', 'إ', 'آ', 'ٱ' -> b.append('ا');
                case 'ى' -> b.append('ي');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Zone abbreviations seen in feeds (lower case) → offset. Ambiguous ones take the reading feedparser and the
     * region use; single letters are RFC 822's military zones (A = -1 … M = -12, N = +1 … Y = +12, Z = UT).
     */
    static final Map<String, ZoneOffset> ZONES = zones();

    private static Map<String, ZoneOffset> zones() {
        Map<String, ZoneOffset> z = new HashMap<>(Map.ofEntries(
                Map.entry("z", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC),
                Map.entry("utc", ZoneOffset.UTC), Map.entry("wet", ZoneOffset.UTC), Map.entry("etc/gmt", ZoneOffset.UTC),
                Map.entry("etc/utc", ZoneOffset.UTC), Map.entry("gmt0", ZoneOffset.UTC), Map.entry("west", ZoneOffset.ofHours(1)),
                Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)), Map.entry("et", ZoneOffset.ofHours(-5)),
                Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)), Map.entry("ct", ZoneOffset.ofHours(-6)),
                Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)), Map.entry("mt", ZoneOffset.ofHours(-7)),
                Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)), Map.entry("pt", ZoneOffset.ofHours(-8)),
                Map.entry("at", ZoneOffset.ofHours(-4)), Map.entry("adt", ZoneOffset.ofHours(-3)),
                Map.entry("akst", ZoneOffset.ofHours(-9)), Map.entry("hst", ZoneOffset.ofHours(-10)),
                Map.entry("bst", ZoneOffset.ofHours(1)), Map.entry("ist", ZoneOffset.ofHoursMinutes(5, 30)),
                Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("met", ZoneOffset.ofHours(1)), Map.entry("mez", ZoneOffset.ofHours(1)),
                Map.entry("cest", ZoneOffset.ofHours(2)), Map.entry("mest", ZoneOffset.ofHours(2)), Map.entry("mesz", ZoneOffset.ofHours(2)),
                Map.entry("eet", ZoneOffset.ofHours(2)), Map.entry("eest", ZoneOffset.ofHours(3)),
                Map.entry("msk", ZoneOffset.ofHours(3)), Map.entry("msd", ZoneOffset.ofHours(4)), Map.entry("trt", ZoneOffset.ofHours(3)),
                Map.entry("ast", ZoneOffset.ofHours(3)), Map.entry("gst", ZoneOffset.ofHours(4)), Map.entry("azt", ZoneOffset.ofHours(4)),
                Map.entry("amt", ZoneOffset.ofHours(4)), Map.entry("get", ZoneOffset.ofHours(4)), Map.entry("tjt", ZoneOffset.ofHours(5)),
                Map.entry("uzt", ZoneOffset.ofHours(5)), Map.entry("pkt", ZoneOffset.ofHours(5)), Map.entry("tmt", ZoneOffset.ofHours(5)),
                Map.entry("yekt", ZoneOffset.ofHours(5)), Map.entry("almt", ZoneOffset.ofHours(5)), Map.entry("kgt", ZoneOffset.ofHours(6)),
                Map.entry("qyzt", ZoneOffset.ofHours(5)), Map.entry("omst", ZoneOffset.ofHours(6)), Map.entry("ict", ZoneOffset.ofHours(7)),
                Map.entry("hkt", ZoneOffset.ofHours(8)), Map.entry("sgt", ZoneOffset.ofHours(8)), Map.entry("awst", ZoneOffset.ofHours(8)),
                Map.entry("jst", ZoneOffset.ofHours(9)), Map.entry("kst", ZoneOffset.ofHours(9)), Map.entry("aest", ZoneOffset.ofHours(10)),
                Map.entry("aedt", ZoneOffset.ofHours(11)), Map.entry("nzst", ZoneOffset.ofHours(12)), Map.entry("nzdt", ZoneOffset.ofHours(13))));
        String west = "abcdefghiklm";   // RFC 822 military zones; J is not used
        for (int i = 0; i < west.length(); i++) z.put(String.valueOf(west.charAt(i)), ZoneOffset.ofHours(-(i + 1)));
        String east = "nopqrstuvwxy";
        for (int i = 0; i < east.length(); i++) z.put(String.valueOf(east.charAt(i)), ZoneOffset.ofHours(i + 1));
        return Map.copyOf(z);
    }

    /** English ordinal suffixes (21st, 2nd) and Turkmen/Azerbaijani ones (21-nji, 21-ci), removed without a trace. */
    static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(?:st|nd|rd|th|-?(?:nji|njy|inji|ünji|unjy|ynjy|ci|cı|cu|cü|ші|шы|чи))(?=[\\s,.]|$)");

    /**
     * Words removed before matching: the year words of the region after a number (г., года, yil, йил, жыл, жылғы,
     * жылдын, ж., соли, ýyl, il, yıl, م), and "в"/"soat"/"сағат"/"saat"/"at"/"um" before the time; parenthesised
     * zone names ("(UZT)") too, as the offset before them is what counts.
     */
    static final Pattern NOISE = Pattern.compile(
            "(?<=\\d)[\\s-]*(?:г\\.|года|год|г|yil|y\\.|йил|й\\.|жылдын|жылғы|жылы|жыл|ж\\.|ж|соли|с\\.|ýyl|ý\\.|yıl|il|م)(?=[\\s,.]|$)"
                    + "|\\s(?:в|soat|сағат|saat|at|um|à|a las)(?=\\s)|\\([^)]*\\)|(?<=^|\\s)(?:соли|sana)(?=\\s)");
}
