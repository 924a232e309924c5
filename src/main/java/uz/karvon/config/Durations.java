package uz.karvon.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human intervals as admins write them: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d}, or ISO-8601 {@code PT15M}. */
public final class Durations {
    public static final String ACCEPTED = "a number with a unit, e.g. 90s, 15m, 1h30m, 2d (or ISO-8601 such as PT15M)";
    private static final Pattern HUMAN = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {}

    /** Returns the duration, or null when the text is not an accepted form. */
    public static Duration parse(String text) {
        if (text == null) return null;
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.isEmpty()) return null;
        if (s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = HUMAN.matcher(s);
        if (!m.matches()) return null;
        Duration d = Duration.ZERO;
        boolean any = false;
        long[] unitsSeconds = {86_400, 3_600, 60, 1};
        try {
            for (int i = 0; i < 4; i++) {
                String g = m.group(i + 1);
                if (g != null) {
                    any = true;
                    d = d.plusSeconds(Math.multiplyExact(Long.parseLong(g), unitsSeconds[i]));
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;   // more digits than any interval needs
        }
        return any ? d : null;
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 86_400) { b.append(s / 86_400).append('d'); s %= 86_400; }
        if (s >= 3_600) { b.append(s / 3_600).append('h'); s %= 3_600; }
        if (s >= 60) { b.append(s / 60).append('m'); s %= 60; }
        if (s > 0 || b.length() == 0) b.append(s).append('s');
        return b.toString();
    }
}
