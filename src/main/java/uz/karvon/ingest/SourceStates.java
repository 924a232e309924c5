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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.store.SourceStateStore;
import uz.karvon.store.StoreException;

/**
 * Source states in memory, persisted in batches every few seconds (and at shutdown). States of sources
 * removed from the configuration are kept, so re-adding a source resumes where it was.
 */
public final class SourceStates {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStates.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    private final SourceStateStore store;
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private volatile Instant lastFlush = Instant.EPOCH;

    public SourceStates(SourceStateStore store) throws StoreException {
        this.store = store;
        for (Map.Entry<String, String> e : store.loadAll().entrySet()) {
            try {
                states.put(e.getKey(), JSON.readValue(e.getValue(), SourceState.class));
            } catch (JsonProcessingException ex) {
                LOG.warn("source {}: unreadable saved state, starting afresh", e.getKey());
            }
        }
    }

    public SourceState get(String id) {
        return states.get(id);
    }

    /**
     * Stores the outcome of a poll unless the source's URL changed while it ran (the admin's new URL starts afresh
     * and must not inherit the old one's validators or redirect). Returns whether it was stored.
     */
    boolean putIfSameUrl(SourceState s) {
        SourceState current = states.get(s.sourceId());
        if (current != null && !current.url().equals(s.url())) return false;
        put(s);
        return true;
    }

    void put(SourceState s) {
        states.put(s.sourceId(), s);
        dirty.add(s.sourceId());
    }

    /** New sources become due soon (spread over a few seconds); a source whose URL changed starts afresh. */
    void reconcile(List<SourceSpec> sources, Instant now) {
        int i = 0;
        for (SourceSpec s : sources) {
            SourceState st = states.get(s.id());
            if (st == null || !s.url().toString().equals(st.url())) {
                put(SourceState.fresh(s.id(), s.url().toString(), now.plusMillis((i++ % 100) * 20L)));
            } else if (st.nextAttempt() != null && st.nextAttempt().isAfter(now.plus(s.interval()).plus(Duration.ofHours(24)))) {
                put(st.withNextAttempt(now)); // a shorter interval than before applies at once
            }
        }
    }

    void dueNow(String id, Instant now) {
        SourceState st = states.get(id);
        if (st != null) put(st.withNextAttempt(now));
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
            SourceState s = states.get(id);
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
