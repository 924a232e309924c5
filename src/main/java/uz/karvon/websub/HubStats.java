package uz.karvon.websub;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the hub has done since start, for operators (and for metrics to expose): deliveries by outcome, and the
 * delivery latency — from the moment the hub learned of a change to the subscriber's 2xx — as cumulative buckets.
 * Lock-free; read with {@link #snapshot}.
 */
public final class HubStats {
    /** How a delivery attempt ended. */
    public enum Outcome { DELIVERED, FAILED, GONE, REVOKED }

    /** Upper bounds of the latency buckets; the last bucket has none (+Inf). */
    public static final List<Duration> BOUNDS = List.of(Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.size() + 1);
    private final LongAdder latencyNanos = new LongAdder();

    HubStats() {
        for (Outcome o : Outcome.values()) outcomes.put(o, new LongAdder());
    }

    void count(Outcome o) {
        outcomes.get(o).increment();
    }

    void latency(long nanos) {
        int i = 0;
        while (i < BOUNDS.size() && nanos > BOUNDS.get(i).toNanos()) i++;
        buckets.incrementAndGet(i);
        latencyNanos.add(nanos);
    }

    /**
     * @param subscriptions subscriptions by state (every state present, zero included)
     * @param deliveries    delivery attempts by outcome since start
     * @param latencyCounts successful deliveries per latency bucket ({@link #BOUNDS}, then +Inf), not cumulative
     * @param latencyTotal  the sum of all those latencies
     */
    public record Snapshot(Map<HubSubscription.State, Integer> subscriptions, Map<Outcome, Long> deliveries,
                           List<Long> latencyCounts, Duration latencyTotal) {}

    Snapshot snapshot(Map<HubSubscription.State, Integer> subscriptions) {
        Map<Outcome, Long> d = new EnumMap<>(Outcome.class);
        outcomes.forEach((k, v) -> d.put(k, v.sum()));
        Long[] counts = new Long[buckets.length()];
        for (int i = 0; i < counts.length; i++) counts[i] = buckets.get(i);
        return new Snapshot(Map.copyOf(subscriptions), Map.copyOf(d), List.of(counts), Duration.ofNanos(latencyNanos.sum()));
    }
}
