package uz.karvon.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Parses {@code Retry-After} (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. */
public final class RetryAfter {

    /** Upper bound: a server cannot park a feed for more than a day. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US),   // obsolete RFC 850
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC)); // asctime

    private RetryAfter() {
    }

    /**
     * @return when to retry, clamped to [now, now + 24 h]; null when the header is absent or garbage
     */
    public static Instant parse(String header, Instant now) {
        if (header == null || now == null) {
            return null;
        }
        String h = header.trim();
        if (h.isEmpty()) {
            return null;
        }
        if (h.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (h.length() > 9) {
                return now.plus(MAX);
            }
            long seconds = Long.parseLong(h);
            return now.plus(Duration.ofSeconds(Math.min(seconds, MAX.toSeconds())));
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                Instant at = ZonedDateTime.parse(h, f).toInstant();
                if (at.isBefore(now)) {
                    return now;
                }
                Instant max = now.plus(MAX);
                return at.isAfter(max) ? max : at;
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
