package uz.karvon.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per client key (partner id or client address): {@code perMinute} requests a minute with a
 * burst of the same size. Idle buckets are forgotten, so the table stays bounded.
 */
final class RateLimiter {
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    RateLimiter(Clock clock) {
        this.clock = clock;
        // idle buckets expire on the injected clock too, like the refill below (a bucket idle a minute is full anyway)
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** Buckets held now (expired ones dropped first). */
    long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** @return 0 when admitted, else the seconds to wait before the next request would be admitted */
    long acquire(String key, int perMinute) {
        Bucket b = buckets.get(key, k -> new Bucket(perMinute, clock.millis()));
        synchronized (b) {
            long now = clock.millis();
            double rate = perMinute / 60_000.0;
            b.tokens = Math.min(perMinute, b.tokens + (now - b.last) * rate);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / rate / 1000.0));
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }
    }
}
