package uz.karvon.ingest.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient multilingual date parser for feed dates (RFC 822/1123, ISO 8601 and their deviations, Russian,
 * Uzbek Latin/Cyrillic, English, Arabic, Chinese spellings). Layouts live in {@link DatePatterns}.
 * Never throws: unreadable or impossible dates (Feb 30, 25:61, offset +9999) give null.
 * A date without an offset is read in the zone passed in.
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
        String s = prepare(raw);
        if (s.isEmpty() || s.length() > MAX_INPUT) return null;
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            return s.length() > 10 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        return matchLayouts(s, zone);
    }

    private static Instant matchLayouts(String s, ZoneId zone) {
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
        String s = b.toString().toLowerCase(Locale.ROOT);
        s = DatePatterns.ORDINAL.matcher(s).replaceAll("");
        s = DatePatterns.NOISE.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    private static Instant build(DatePatterns.Layout l, Matcher m, ZoneId zone) {
        try {
            int year = Integer.parseInt(m.group("y"));
            String ys = m.group("y");
            if (ys.length() <= 2) year += year < 70 ? 2000 : 1900;
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

    /** Zone from the trailing text: empty → default; offset or abbreviation; unknown short word → default. */
    static ZoneId zoneOf(String rest, ZoneId dflt) {
        if (rest.isEmpty()) return dflt;
        ZoneOffset named = DatePatterns.ZONES.get(rest);
        if (named != null) return named;
        Matcher m = OFFSET.matcher(rest);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (h > 14 || min > 59) return null;
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
        }
        if (ABBREVIATION.matcher(rest).matches()) return dflt;   // unknown abbreviation: better the source zone than nothing
        return null;
    }
}
