package uz.karvon.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.store.FetchLogStore;
import uz.karvon.store.StoreException;

/**
 * Every fetch of every source, for the admin's page per source: what it returned, how big, how many items it
 * added or changed, what parsing noticed, the error. Recorded in memory by the poller and written in batches
 * ({@link #flush}, every few seconds), so polling 10,000 sources costs a few commits, not one per fetch. The store
 * keeps the newest {@link FetchLogStore#KEPT} per source.
 */
public final class FetchHistory {
    private static final Logger LOG = LoggerFactory.getLogger(FetchHistory.class);
    /** Fetches held while the database cannot take them; beyond this the oldest are dropped (it is a log). */
    private static final int MAX_PENDING = 100_000;

    private final FetchLogStore store;
    private final ConcurrentLinkedQueue<FetchLogStore.Row> pending = new ConcurrentLinkedQueue<>();

    public FetchHistory(FetchLogStore store) {
        this.store = store;
    }

    /** Records one refresh that started at {@code started} and took {@code millis}. */
    void record(SourceRefresher.Result r, Instant started, long millis) {
        SourceState s = r.state();
        boolean failed = s.lastError() != null;
        pending.add(new FetchLogStore.Row(s.sourceId(), started.toEpochMilli(), millis, s.httpStatus(),
                failed ? -1 : r.bytes(), failed ? 0 : s.lastNewItems(), failed ? 0 : r.updated(),
                failed ? null : s.languageNote(), failed ? s.lastError() : null));
        while (pending.size() > MAX_PENDING) pending.poll();
    }

    /** Writes what was recorded; on a database failure it is kept for the next flush. */
    public synchronized void flush() {
        List<FetchLogStore.Row> batch = new ArrayList<>();
        for (FetchLogStore.Row r; (r = pending.poll()) != null; ) batch.add(r);
        if (batch.isEmpty()) return;
        try {
            store.append(batch);
        } catch (StoreException | RuntimeException e) {
            pending.addAll(batch);
            LOG.warn("fetch history: {}", e.getMessage());
        }
    }

    /** The newest {@code limit} fetches of a source, newest first, including ones not yet written. */
    public List<FetchLogStore.Row> recent(String sourceId, int limit) throws StoreException {
        flush();
        return store.recent(sourceId, limit);
    }
}
