package uz.karvon.web.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Times as people read them on the admin pages: "3 min ago", "in 2 h", with the exact time in the site's zone on
 * hover ({@code title}) and machine-readable in {@code datetime}.
 */
public final class TimeText {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private TimeText() {}

    /** Appends {@code <time>} for {@code t}, or {@code absent} as plain text when there is no time. */
    public static Element append(Element parent, Instant t, Instant now, ZoneId zone, String absent) {
        if (t == null) return parent.appendElement("span").addClass("none").text(absent);
        return parent.appendElement("time").attr("datetime", t.truncatedTo(ChronoUnit.SECONDS).toString())
                .attr("title", exact(t, zone)).text(relative(t, now));
    }

    /** {@code 2026-11-27 11:05:00 +05:00 (Asia/Tashkent)}. */
    public static String exact(Instant t, ZoneId zone) {
        return EXACT.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "just now", "45 s ago", "3 min ago", "5 h ago", "2 days ago"; "in 3 min" for times to come. */
    public static String relative(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        boolean future = d.isNegative();
        long s = Math.abs(d.toSeconds());
        if (s < 5) return "just now";
        String amount;
        if (s < 60) amount = s + " s";
        else if (s < 3600) amount = (s / 60) + " min";
        else if (s < 2 * 86400) amount = (s / 3600) + " h";
        else amount = (s / 86400) + " days";
        return future ? "in " + amount : amount + " ago";
    }

    /** Bytes as "812 B", "12.4 KB", "3.1 MB". */
    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
