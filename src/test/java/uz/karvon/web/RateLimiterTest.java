package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.karvon.server.TestKarvon;

/** Token buckets on the injected clock: refill and forgetting idle clients alike. */
class RateLimiterTest {
    @Test
    void bucketsRefillAndExpireOnTheInjectedClock() {
        TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 3; i++) assertThat(limiter.acquire("ip:10.0.0.1", 3)).isZero();
        assertThat(limiter.acquire("ip:10.0.0.1", 3)).as("seconds to wait").isEqualTo(20);
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("ip:10.0.0.1", 3)).isZero();

        for (int i = 0; i < 1_000; i++) limiter.acquire("ip:192.0.2." + i, 60);
        assertThat(limiter.tracked()).isEqualTo(1_001);
        clock.advance(Duration.ofMinutes(9));
        limiter.acquire("ip:10.0.0.1", 3);
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.tracked()).as("idle 11 minutes: forgotten; active: kept").isEqualTo(1);
    }
}
