package uz.karvon.publish.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each profiled feed left out at its last render, per format, for the admin API ({@code GET /api/feeds}).
 * Replaced atomically on every render; a feed removed by a reload drops out when the caller passes the live ids.
 */
public final class ProfileReport {
    /** One render's result. */
    public record Entry(Instant checkedAt, List<Exclusion> excluded) {}

    private final Map<String, Map<String, Entry>> byFeed = new ConcurrentHashMap<>();

    public void record(String feedId, String format, Instant at, List<Exclusion> excluded) {
        byFeed.computeIfAbsent(feedId, k -> new ConcurrentHashMap<>()).put(format, new Entry(at, List.copyOf(excluded)));
    }

    /** By format (rss, atom, json), for one feed; empty if it was not rendered since the start. */
    public Map<String, Entry> of(String feedId) {
        Map<String, Entry> m = byFeed.get(feedId);
        return m == null ? Map.of() : new TreeMap<>(m);
    }

    public void forget(String feedId) {
        byFeed.remove(feedId);
    }
}
