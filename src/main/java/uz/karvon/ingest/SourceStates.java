package uz.karvon.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.store.SourceStateStore;
import uz.karvon.store.StoreException;

/**
 * Source states as the database holds them, shared by every instance on it: the validators, failures, Retry-After
 * waits and 410/301 memory one instance learns are what the next poll starts from, whichever instance makes it.
 * This instance polls a source only under a lease ({@link #cycle}); states of sources removed from the configuration
 * are kept, so re-adding a source resumes where it was.
 *
 * <p>A state belongs to one URL: when a reload changes the URL it starts afresh under a new epoch, and the outcome
 * of a poll begun under the old epoch is discarded, so it can neither bring back the old URL's validators nor leave
 * a state that no poll may replace. A refresh asked for while a poll runs keeps the source due after it.
 */
public final class SourceStates {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStates.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SourceStateStore store;
    private final String owner;
    private final Duration lease;

    /**
     * @param owner this instance's id, written on its leases
     * @param lease how long a claim holds without renewal: an instance that dies frees its sources after this
     */
    public SourceStates(SourceStateStore store, String owner, Duration lease) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
    }

    public String owner() {
        return owner;
    }

    public Duration lease() {
        return lease;
    }

    /** The stored state of a source, or null (never configured on this database). */
    public SourceState get(String id) throws StoreException {
        SourceStateStore.Row row = store.get(id);
        return row == null ? null : state(row);
    }

    /** Every stored state, by source id. */
    public Map<String, SourceState> all() throws StoreException {
        Map<String, SourceState> out = new HashMap<>();
        for (SourceStateStore.Row row : store.loadAll().values()) {
            SourceState s = state(row);
            if (s != null) out.put(row.sourceId(), s);
        }
        return out;
    }

    /** What a poll started from; hand it back with the outcome. */
    record Poll(String sourceId, SourceState state, long epoch) {}

    /**
     * The outcome of a poll; {@code outcome} null when there is nothing to store (the source was removed);
     * {@code itemsChanged} when it stored new or changed items.
     */
    record Finished(Poll poll, SourceState outcome, boolean itemsChanged) {
        Finished(Poll poll, SourceState outcome) {
            this(poll, outcome, false);
        }
    }

    /** Claimed polls, which finishes were stored, and when the next unclaimed source is due (null: none). */
    record Cycle(List<Poll> claimed, Set<String> stored, Instant nextDue) {}

    /**
     * New sources become due soon (spread over a few seconds); a source whose URL changed starts afresh, due at once;
     * a shorter interval applies at once. Sources not in {@code sources} stop being claimed; their states stay.
     */
    void reconcile(List<SourceSpec> sources, Instant now) throws StoreException {
        Map<String, SourceStateStore.Row> stored = store.loadAll();
        List<SourceStateStore.Change> changes = new ArrayList<>();
        int i = 0;
        for (SourceSpec s : sources) {
            String url = s.url().toString();
            Instant first = now.plusMillis((i++ % 100) * 20L);
            SourceStateStore.Row row = stored.get(s.id());
            SourceState cur = row == null ? null : state(row);
            if (row == null) {
                changes.add(new SourceStateStore.Insert(s.id(), hostKey(s), json(SourceState.fresh(s.id(), url, first)), first.toEpochMilli()));
            } else if (cur == null || !url.equals(cur.url())) {
                changes.add(new SourceStateStore.Reset(s.id(), row.epoch(), hostKey(s), json(SourceState.fresh(s.id(), url, now)),
                        now.toEpochMilli()));
            } else if (row.nextAttempt() != null && Instant.ofEpochMilli(row.nextAttempt())
                    .isAfter(now.plus(s.interval()).plus(Duration.ofHours(24)))) {
                changes.add(new SourceStateStore.DueBy(s.id(), now));
            }
        }
        store.reconcile(changes, sources.stream().map(SourceSpec::id).toList(), now);
    }

    void dueNow(String id, Instant now) throws StoreException {
        store.dueNow(id, now);
    }

    /**
     * Stores finished polls, renews this instance's leases if asked, and claims up to {@code want} due sources of
     * {@code configured} (with at most {@code perHost} leases per host across every instance).
     */
    Cycle cycle(List<Finished> finished, boolean renew, int want, int perHost, Map<String, SourceSpec> configured, Instant now)
            throws StoreException {
        List<SourceStateStore.Finish> finishes = new ArrayList<>();
        for (Finished f : finished) {
            SourceState o = f.outcome();
            finishes.add(new SourceStateStore.Finish(f.poll().sourceId(), f.poll().epoch(), o == null ? null : json(o),
                    o == null || o.nextAttempt() == null ? null : o.nextAttempt().toEpochMilli()));
        }
        Map<String, String> hosts = new LinkedHashMap<>();
        if (want > 0) configured.values().forEach(s -> hosts.put(s.id(), hostKey(s)));
        SourceStateStore.CycleResult r = store.cycle(new SourceStateStore.CycleRequest(owner, lease, finishes, renew, want,
                perHost, configured::containsKey, hosts), now);
        List<Poll> claimed = new ArrayList<>();
        for (SourceStateStore.Row row : r.claimed()) claimed.add(new Poll(row.sourceId(), state(row), row.epoch()));
        return new Cycle(claimed, r.stored(), r.nextDue() == null ? null : Instant.ofEpochMilli(r.nextDue()));
    }

    /** Gives back every lease of this instance (a clean stop): its sources are due as they were, for anyone. */
    void releaseAll() throws StoreException {
        store.releaseAll(owner);
    }

    /** The per-host key: the configured URL's host, lower case; drop folders are one "host". */
    static String hostKey(SourceSpec s) {
        String h = s.url().getHost();
        return h == null ? "(file)" : h.toLowerCase(Locale.ROOT);
    }

    /** The row's state with its next attempt from the column (the column is what claims go by). */
    private static SourceState state(SourceStateStore.Row row) {
        try {
            SourceState s = JSON.readValue(row.json(), SourceState.class);
            return s.withNextAttempt(row.nextAttempt() == null ? null : Instant.ofEpochMilli(row.nextAttempt()));
        } catch (JsonProcessingException e) {
            LOG.warn("source {}: unreadable saved state, starting afresh", row.sourceId());
            return null;
        }
    }

    private static String json(SourceState s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
