package uz.karvon.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Per-source parse settings.
 *
 * @param zone             zone for dates written without an offset (default Asia/Tashkent)
 * @param declaredLanguage language from the source configuration, used when the feed names none; nullable
 * @param now              first-seen time for undated items and the reference for clamping future dates
 * @param maxItems         keep at most this many items, the newest ones
 */
public record ParseOptions(ZoneId zone, String declaredLanguage, Instant now, int maxItems) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tashkent");
    public static final int DEFAULT_MAX_ITEMS = 500;

    public ParseOptions {
        if (zone == null) zone = DEFAULT_ZONE;
        Objects.requireNonNull(now, "now");
        if (maxItems <= 0) maxItems = DEFAULT_MAX_ITEMS;
    }

    public static ParseOptions defaults(Instant now) {
        return new ParseOptions(DEFAULT_ZONE, null, now, DEFAULT_MAX_ITEMS);
    }
}
