package uz.karvon.ingest.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the lab was asked for: requests per path (query left out, so a redirect chain counts on one path),
 * conditional requests per path, callbacks hit (an entity or DTD that was resolved calls {@code /_cb/<tag>}),
 * and the redirects issued. Thread-safe; {@link #snapshot()} gives an immutable copy to compare later.
 */
public final class Hits {
    /** A request to {@code /_cb/<tag>}: something resolved an entity, DTD or address it should not have. */
    public record Callback(String tag, String target, String userAgent) {
    }

    /** A redirect the lab answered with (the loop's own hops are not recorded). */
    public record Redirect(String target, int status, String location) {
    }

    /** Counts and lists at one moment. */
    public record Snapshot(Map<String, Integer> counts, Map<String, Integer> ifNoneMatch, List<Callback> callbacks,
                           List<Redirect> redirects) {
        public Snapshot {
            counts = Map.copyOf(counts);
            ifNoneMatch = Map.copyOf(ifNoneMatch);
            callbacks = List.copyOf(callbacks);
            redirects = List.copyOf(redirects);
        }

        /** Requests to {@code path} (without query). */
        public int count(String path) {
            return counts.getOrDefault(path, 0);
        }
    }

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Integer> ifNoneMatch = new TreeMap<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final List<Redirect> redirects = new ArrayList<>();

    /** Counts a request and returns how many {@code path} has had, this one included. */
    synchronized int request(String path, boolean conditional) {
        if (conditional) ifNoneMatch.merge(path, 1, Integer::sum);
        return counts.merge(path, 1, Integer::sum);
    }

    synchronized void callback(Callback c) {
        callbacks.add(c);
    }

    synchronized void redirect(Redirect r) {
        if (redirects.size() < 1000) redirects.add(r);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(counts, ifNoneMatch, callbacks, redirects);
    }

    public synchronized int count(String path) {
        return counts.getOrDefault(path, 0);
    }

    public synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    public synchronized void reset() {
        counts.clear();
        ifNoneMatch.clear();
        callbacks.clear();
        redirects.clear();
    }
}
