package uz.karvon.ingest.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient multilingual date parser for feed dates: RFC 822/1123 (named and military zones, optional weekday and
 * seconds, two-digit years), ISO 8601 in all its forms ({@link IsoDates}), asctime and date(1), and month names
 * of the region's languages (ru, uz Latin and Cyrillic, kk, ky, tg, tk, az, tr, ar including two-word names such
 * as كانون الثاني) plus zh/ja/ko, el and hu spellings. Layouts and names live in {@link DatePatterns}.
 * Never throws: unreadable or impossible dates (Feb 30, 25:61, offset +9999, year 10000) give null.
 * A date without an offset is read in the zone passed in (Korean-formatted dates: Korea's).
 */
public final class DateParser {
    private static final int MAX_INPUT = 120;
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final Pattern OFFSET = Pattern.compile("^(?:gmt|utc|ut)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{9,10}$|^\\d{12,13}$");
    private static final Pattern ABBREVIATION = Pattern.compile("[a-z]{2,5}");

    private DateParser() {
    }

    /** The instant, or null when {@code raw} is not a readable date. */
    public static Instant parse(String raw, ZoneId zone) {
        if (raw == null) return null;
        // fast path: plain ASCII RFC 822 / ISO 8601 dates need no digit mapping or noise removal
        String quick = raw.strip();
        if (quick.length() <= MAX_INPUT && isPlainAscii(quick)) {
            Instant i = matchLayouts(quick.toLowerCase(Locale.ROOT), zone);
            if (i != null) return i;
        }
        if (raw.indexOf('년') >= 0 || raw.indexOf("오전") >= 0 || raw.indexOf("오후") >= 0) {
            zone = KOREA;   // Korean sites' dates carry no zone; feedparser reads them as Korea's too
        }
        String s = prepare(raw);
        if (s.isEmpty() || s.length() > MAX_INPUT) return null;
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            return s.length() > 10 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        return matchLayouts(s, zone);
    }

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private static Instant matchLayouts(String s, ZoneId zone) {
        char c0 = s.isEmpty() ? ' ' : s.charAt(0);
        if ((c0 >= '0' && c0 <= '9') || c0 == '-') {
            Instant iso = IsoDates.parse(s, zone);
            if (iso != null) return iso;
        }
        for (DatePatterns.Layout layout : DatePatterns.LAYOUTS) {
            Matcher m = layout.pattern().matcher(s);
            if (m.matches()) {
                Instant i = build(layout, m, zone);
                if (i != null) return i;
            }
        }
        return null;
    }

    /** Printable ASCII without parentheses or runs of spaces (which the full path would remove). */
    private static boolean isPlainAscii(String s) {
        char prev = 'x';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '(' || (c == ' ' && prev == ' ')) return false;
            prev = c;
        }
        return true;
    }

    /** ASCII digits, lower case, noise words dropped, single spaces. */
    static String prepare(String raw) {
        String in = raw.length() > 4 * MAX_INPUT ? raw.substring(0, 4 * MAX_INPUT) : raw;
        StringBuilder b = new StringBuilder(in.length());
        for (int i = 0; i < in.length(); ) {
            int c = in.codePointAt(i);
            i += Character.charCount(c);
            if (c > 0x7F && Character.isDigit(c)) {
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == 0x060C) {      // Arabic comma
                b.append(',');
            } else if (c == 0x2212 || c == 0x2013) {   // minus sign, en dash
                b.append('-');
            } else {
                b.appendCodePoint(c);
            }
        }
        String s = b.toString().replace('\u0130', 'i').toLowerCase(Locale.ROOT);
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) s = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (hasArabic(s)) s = twoWordMonths(s);
        if (s.indexOf('오') >= 0) s = koreanHalfDay(s);
        s = DatePatterns.ORDINAL.matcher(s).replaceAll("");
        s = DatePatterns.NOISE.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    private static boolean hasArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0600 && c <= 0x06FF) return true;
        }
        return false;
    }

    /** كانون الثاني and the other two-word Levantine names become one word the layouts can take as a month. */
    private static String twoWordMonths(String s) {
        String folded = DatePatterns.fold(s);
        for (Map.Entry<String, String> e : DatePatterns.TWO_WORD_MONTHS.entrySet()) {
            int at = folded.indexOf(e.getKey());
            if (at >= 0) return folded.substring(0, at) + e.getValue() + folded.substring(at + e.getKey().length());
        }
        return s;
    }

    /** 오전/오후 (a.m./p.m.) come before the time in Korean: "2004-05-25 오후 11:23:17" → "2004-05-25 11:23:17 pm". */
    private static String koreanHalfDay(String s) {
        return KOREAN_HALF_DAY.matcher(s.replace("오전", "am").replace("오후", "pm")).replaceAll("$2 $1");
    }

    private static final Pattern KOREAN_HALF_DAY = Pattern.compile("\\b(am|pm)\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)");

    private static Instant build(DatePatterns.Layout l, Matcher m, ZoneId zone) {
        try {
            int year = Integer.parseInt(m.group("y"));
            String ys = m.group("y");
            if (ys.length() <= 2) year = IsoDates.century(year);
            int month;
            if (l.hasMonthName()) {
                month = DatePatterns.monthByPrefix(m.group("mon"));
                if (month == 0) return null;
            } else {
                month = Integer.parseInt(m.group("m"));
            }
            int day = Integer.parseInt(m.group("d"));
            int hour = l.hasTime() ? intOr(m, "H") : 0;
            int minute = l.hasTime() ? intOr(m, "M") : 0;
            int second = l.hasSeconds() ? intOr(m, "S") : 0;
            int nano = 0;
            if (l.hasFraction() && m.group("f") != null) {
                String f = (m.group("f") + "000000000").substring(0, 9);
                nano = Integer.parseInt(f);
            }
            if (l.hasAmPm() && m.group("ampm") != null) {
                if (hour > 12 || hour == 0) return null;
                boolean pm = m.group("ampm").equals("pm");
                hour = (hour % 12) + (pm ? 12 : 0);
            }
            String rest = l.hasRest() && m.group("rest") != null ? m.group("rest").trim() : "";
            if (rest.startsWith("am ") || rest.startsWith("pm ") || rest.equals("am") || rest.equals("pm")) {
                if (hour > 12 || hour == 0) return null;
                hour = (hour % 12) + (rest.startsWith("pm") ? 12 : 0);
                rest = rest.substring(2).trim();
            }
            ZoneId z = zoneOf(rest, zone);
            if (z == null) return null;
            if (year > 9999) return null;   // not writable in RFC 3339, and never a real feed date
            LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return ldt.atZone(z).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;   // Feb 30, 25:61, year out of range: not a date
        }
    }

    private static int intOr(Matcher m, String g) {
        String v = m.group(g);
        return v == null ? 0 : Integer.parseInt(v);
    }

    /**
     * Zone from the trailing text: empty → default; offset ({@code +0500}, {@code GMT-01:01}, {@code UTC+5}),
     * abbreviation or military letter, IANA name ({@code Asia/Tashkent}); unknown short word → default; else null.
     */
    static ZoneId zoneOf(String rest, ZoneId dflt) {
        if (rest.isEmpty()) return dflt;
        ZoneOffset named = DatePatterns.ZONES.get(rest);
        if (named != null) return named;
        if (rest.indexOf('/') > 0) return IanaZones.find(rest);
        Matcher m = OFFSET.matcher(rest);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (h > 14 || min > 59) return null;
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
        }
        if (rest.equals("am") || rest.equals("pm")) return null;   // a half-day marker the layout did not take
        if (ABBREVIATION.matcher(rest).matches()) return dflt;   // unknown abbreviation: better the source zone than nothing
        return null;
    }

    /** IANA zone names, found without regard to case (inputs are lower-cased); built on first use. */
    private static final class IanaZones {
        private static final Map<String, String> BY_LOWER = byLower();

        private static Map<String, String> byLower() {
            Map<String, String> m = new HashMap<>();
            for (String id : ZoneId.getAvailableZoneIds()) m.put(id.toLowerCase(Locale.ROOT), id);
            return Map.copyOf(m);
        }

        static ZoneId find(String lower) {
            String id = BY_LOWER.get(lower);
            return id == null ? null : ZoneId.of(id);
        }
    }
}
