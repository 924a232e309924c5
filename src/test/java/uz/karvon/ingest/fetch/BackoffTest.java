package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Duration INTERVAL = Duration.ofMinutes(15);
    static final Duration CAP = Duration.ofHours(6);

    @Test
    void zeroFailuresIsTheInterval() {
        assertThat(Backoff.after(0, INTERVAL, CAP, 42)).isEqualTo(INTERVAL);
    }

    @Test
    void growsExponentiallyWithinJitterAndNeverExceedsTheCap() {
        for (int n = 1; n < 200; n++) {
            Duration d = Backoff.after(n, INTERVAL, CAP, 7);
            Duration ideal = n > 10 ? CAP : min(CAP, INTERVAL.multipliedBy(1L << n));
            assertThat(d).isBetween(max(INTERVAL, Duration.ofMillis((long) (ideal.toMillis() * 0.8))), ideal);
        }
        assertThat(Backoff.after(Integer.MAX_VALUE, INTERVAL, CAP, 7)).isLessThanOrEqualTo(CAP).isGreaterThan(CAP.multipliedBy(7).dividedBy(10));
    }

    @Test
    void deterministicPerSeedAndSpreadAcrossSeeds() {
        assertThat(Backoff.after(3, INTERVAL, CAP, 99)).isEqualTo(Backoff.after(3, INTERVAL, CAP, 99));
        long distinct = java.util.stream.LongStream.range(0, 20).mapToObj(s -> Backoff.after(3, INTERVAL, CAP, s)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void capBelowIntervalNeverPollsFasterThanInterval() {
        assertThat(Backoff.after(5, Duration.ofHours(1), Duration.ofMinutes(1), 1)).isEqualTo(Duration.ofHours(1));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
