package uz.karvon.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits applied to every fetch. {@code callTimeout} is the total deadline for one
 * {@link Fetcher#fetch} including the DNS lookups, all redirect hops and reading the body, so a slow
 * resolver or a slow-drip body cannot hold a poller slot forever; {@code maxBodyBytes} applies after
 * decompression; {@code maxBytesInFlight} is the {@link BodyBudget} all fetches of one fetcher share.
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        long maxBytesInFlight) {

    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    /** With a body budget of a quarter of the heap (at least one body). */
    public FetchSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                         int maxRedirects, String userAgent) {
        this(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, userAgent,
                bodyBudget(Integer.MAX_VALUE, maxBodyBytes, Runtime.getRuntime().maxMemory()));
    }

    /**
     * The shared body budget for {@code workers} fetching at once: {@code workers × maxBodyBytes} or a quarter of
     * the heap, whichever is smaller, and never less than one body (a lone fetch always fits).
     */
    public static long bodyBudget(int workers, long maxBodyBytes, long heapBytes) {
        long all = workers > Long.MAX_VALUE / maxBodyBytes ? Long.MAX_VALUE : workers * maxBodyBytes;
        return Math.max(maxBodyBytes, Math.min(all, heapBytes / 4));
    }

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
        if (maxBytesInFlight < maxBodyBytes) {
            throw new IllegalArgumentException("maxBytesInFlight must hold at least one body of maxBodyBytes: "
                    + maxBytesInFlight + " < " + maxBodyBytes);
        }
    }

    /** 10 s connect, 20 s read, 60 s total, 16 MiB, 5 redirects, a quarter of the heap for bodies in flight. */
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
