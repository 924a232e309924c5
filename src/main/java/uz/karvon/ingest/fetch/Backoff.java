package uz.karvon.ingest.fetch;

import java.time.Duration;
import java.util.SplittableRandom;

/** Per-source retry delay after failures: exponential from the poll interval, capped, never gives up. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * {@code interval * 2^failures}, at most {@code cap}, minus up to 20 % deterministic jitter
     * (from {@code jitterSeed} and the failure count) so sources failing together spread out.
     * Never shorter than {@code interval}; 0 failures gives exactly {@code interval}.
     */
    public static Duration after(int consecutiveFailures, Duration interval, Duration cap, long jitterSeed) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (cap == null || cap.compareTo(interval) < 0) {
            cap = interval;
        }
        if (consecutiveFailures <= 0) {
            return interval;
        }
        long base = interval.toMillis();
        long capMs = cap.toMillis();
        int shift = Math.min(consecutiveFailures, 40);
        long delay = base > (capMs >> shift) ? capMs : Math.min(capMs, base << shift);
        double jitter = new SplittableRandom(jitterSeed * 31 + consecutiveFailures).nextDouble() * 0.2;
        long jittered = (long) (delay * (1.0 - jitter));
        return Duration.ofMillis(Math.max(base, Math.min(capMs, jittered)));
    }
}
