package uz.karvon.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.store.SourceStateStore;
import uz.karvon.store.StoreException;

/**
 * Source states in memory, persisted in batches every few seconds (and at shutdown). States of sources
 * removed from the configuration are kept, so re-adding a source resumes where it was.
 *
 * <p>Worker, HTTP and reload threads all change states; every change is one atomic update of one source's entry
 * ({@link ConcurrentHashMap#compute}), never a read followed by a separate write. A state belongs to one URL: when a
 * reload changes the URL it starts afresh under a new epoch, and the outcome of a poll begun under the old epoch is
 * discarded, so it can neither bring back the old URL's validators nor leave a state that no poll may replace.
 */
public final class SourceStates {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStates.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    /** A state and the epoch it belongs to; a new epoch begins whenever the state starts afresh. */
    private record Slot(SourceState state, long epoch) {}

    /** What a poll started from; hand it back with the outcome. */
    record Poll(SourceState state, long epoch) {}

    private final SourceStateStore store;
    private final ConcurrentHashMap<String, Slot> states = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicLong epochs = new AtomicLong();
    private volatile Instant lastFlush = Instant.EPOCH;

    public SourceStates(SourceStateStore store) throws StoreException {
        this.store = store;
        for (Map.Entry<String, String> e : store.loadAll().entrySet()) {
            try {
                states.put(e.getKey(), new Slot(JSON.readValue(e.getValue(), SourceState.class), epochs.incrementAndGet()));
            } catch (JsonProcessingException ex) {
                LOG.warn("source {}: unreadable saved state, starting afresh", e.getKey());
            }
        }
    }

    public SourceState get(String id) {
        Slot s = states.get(id);
        return s == null ? null : s.state();
    }

    /**
     * The state a poll of {@code spec} starts from. A state left for another URL (a reload not yet reconciled) is
     * replaced by a fresh one first: a poll never sends one URL's validators to another.
     */
    Poll startPoll(SourceSpec spec, Instant now) {
        String url = spec.url().toString();
        Slot slot = update(spec.id(), cur -> cur != null && cur.state().url().equals(url) ? cur
                : new Slot(SourceState.fresh(spec.id(), url, now), epochs.incrementAndGet()));
        return new Poll(slot.state(), slot.epoch());
    }

    /**
     * Stores the outcome of a poll, unless the source started afresh while it ran (its URL changed, even if changed
     * back since): then the outcome is discarded. Changes made meanwhile that only moved the next attempt earlier (a
     * refresh asked for, a shorter interval) are kept. Returns whether it was stored.
     */
    boolean finishPoll(Poll poll, SourceState outcome) {
        boolean[] stored = {false};
        update(outcome.sourceId(), cur -> {
            if (cur == null || cur.epoch() != poll.epoch() || !cur.state().url().equals(outcome.url())) return cur;
            stored[0] = true;
            SourceState next = cur.state() == poll.state() ? outcome
                    : outcome.withNextAttempt(earlier(outcome.nextAttempt(), cur.state().nextAttempt()));
            return new Slot(next, cur.epoch());
        });
        return stored[0];
    }

    /** New sources become due soon (spread over a few seconds); a source whose URL changed starts afresh. */
    void reconcile(List<SourceSpec> sources, Instant now) {
        int i = 0;
        for (SourceSpec s : sources) {
            String url = s.url().toString();
            Instant first = now.plusMillis((i++ % 100) * 20L);
            Instant latest = now.plus(s.interval()).plus(Duration.ofHours(24));
            update(s.id(), cur -> {
                if (cur == null || !url.equals(cur.state().url())) {
                    return new Slot(SourceState.fresh(s.id(), url, first), epochs.incrementAndGet());
                }
                Instant next = cur.state().nextAttempt();
                if (next != null && next.isAfter(latest)) {
                    return new Slot(cur.state().withNextAttempt(now), cur.epoch()); // a shorter interval applies at once
                }
                return cur;
            });
        }
    }

    void dueNow(String id, Instant now) {
        update(id, cur -> cur == null ? null : new Slot(cur.state().withNextAttempt(now), cur.epoch()));
    }

    /** One atomic change of one source's entry; marks it for saving when it changed. */
    private Slot update(String id, UnaryOperator<Slot> change) {
        boolean[] changed = {false};
        Slot after = states.compute(id, (k, cur) -> {
            Slot next = change.apply(cur);
            changed[0] = next != cur;
            return next;
        });
        if (changed[0] && after != null) dirty.add(id);
        return after;
    }

    /** Null means never (a source that answered 410 Gone). */
    private static Instant earlier(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    void flushIfDue(Instant now) {
        if (Duration.between(lastFlush, now).compareTo(FLUSH_EVERY) >= 0) flush(now);
    }

    synchronized void flush(Instant now) {
        lastFlush = now;
        if (dirty.isEmpty()) return;
        Map<String, String> batch = new HashMap<>();
        for (String id : List.copyOf(dirty)) {
            dirty.remove(id);
            SourceState s = get(id);
            if (s == null) continue;
            try {
                batch.put(id, JSON.writeValueAsString(s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            store.saveAll(batch, now);
        } catch (StoreException e) {
            dirty.addAll(batch.keySet());
            LOG.error("could not save source states: {}", e.getMessage());
        }
    }
}
