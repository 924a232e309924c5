package uz.karvon.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits applied to every fetch. {@code callTimeout} is the total deadline for one
 * {@link Fetcher#fetch} including all redirect hops and reading the body, so a slow-drip
 * body cannot hold a poller slot forever; {@code maxBodyBytes} applies after decompression.
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent) {

    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    public FetchSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(callTimeout, "callTimeout");
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ": " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be in 0..20: " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** 10 s connect, 20 s read, 60 s total, 16 MiB, 5 redirects. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                DEFAULT_MAX_BODY_BYTES, 5, "karvon/0.1 (+https://github.com/karvon)");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
