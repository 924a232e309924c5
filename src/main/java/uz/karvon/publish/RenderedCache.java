package uz.karvon.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * The one shape of a cache of rendered bytes (feed pages, sitemap files): sized by the bytes it holds (raw and gzip),
 * each entry kept until its {@link Rendered#validUntil()} (an embargo lifting, an item ageing out), on the injected
 * clock; statistics on for {@code /metrics}.
 */
final class RenderedCache {
    private RenderedCache() {}

    static <K> Cache<K, Rendered> build(Clock clock, long cacheBytes) {
        return Caffeine.newBuilder()
                .recordStats()
                .maximumWeight(cacheBytes)
                .<K, Rendered>weigher((k, r) -> 512 + r.raw().length + r.gzip().length)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<K, Rendered>() {
                    @Override
                    public long expireAfterCreate(K k, Rendered r, long now) {
                        return r.validUntil() == null ? Long.MAX_VALUE
                                : Math.max(0, Duration.between(clock.instant(), r.validUntil()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(K k, Rendered r, long now, long current) {
                        return expireAfterCreate(k, r, now);
                    }

                    @Override
                    public long expireAfterRead(K k, Rendered r, long now, long current) {
                        return current;
                    }
                })
                .build();
    }
}
