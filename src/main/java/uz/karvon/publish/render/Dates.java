package uz.karvon.publish.render;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * All feed dates are UTC and whole seconds: ROME writes RFC 822 with "GMT" and RFC 3339 with "Z"
 * without fractions, so JSON Feed does the same and the three formats agree to the second.
 */
final class Dates {
    private Dates() {
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 3339, e.g. {@code 2026-11-20T04:30:00Z}. */
    static String rfc3339(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }
}
