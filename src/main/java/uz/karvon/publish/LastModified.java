package uz.karvon.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import uz.karvon.store.FeedVersionStore;
import uz.karvon.store.StoreException;

/**
 * Last-Modified of a first feed page or a sitemap file, kept in the database beside the ETag it was sent with, so
 * every instance sends the same one with the same bytes. It never goes backwards while content changes: a withdrawal
 * removes the newest item, yet the feed changed now. The first version uses the newest item's time.
 */
final class LastModified {
    private final FeedVersionStore store;
    private final java.util.Map<String, FeedVersionStore.Version> local = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param store null: kept in this instance's memory only (tests and tools wired without a database) */
    LastModified(FeedVersionStore store) {
        this.store = store;
    }

    /** @param newest the newest content's time (the newest item; for a sitemap, now) */
    Instant of(String key, String etag, Instant newest, Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        Instant content = newest.isAfter(second) ? second : newest;
        java.util.function.UnaryOperator<FeedVersionStore.Version> next = prev -> {
            if (prev == null) return new FeedVersionStore.Version(etag, content);
            if (prev.etag().equals(etag)) return prev;
            Instant changed = content.isAfter(prev.lastModified()) ? content : second;
            return new FeedVersionStore.Version(etag, changed.isAfter(prev.lastModified()) ? changed : prev.lastModified().plusSeconds(1));
        };
        if (store == null) return local.compute(key, (k, prev) -> next.apply(prev)).lastModified();
        try {
            return store.update(key, next).lastModified();
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
