package uz.karvon.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import uz.karvon.article.ArticleFacet;
import uz.karvon.store.ChangeLog;
import uz.karvon.store.StoreException;

/**
 * Follows the store's {@link ChangeLog}: every change committed since the last poll, by this process or another
 * (an import on the same data folder, another instance), is handed to {@code onChange}, oldest first, once.
 * The server polls every second and right after each of its own writes, so a CMS write is visible on the next
 * request and an import within about a second.
 */
public final class ChangeFollower {
    private static final int BATCH = 500;
    private final ChangeLog log;
    private final Consumer<List<ArticleFacet>> onChange;
    private long last;

    /** Starts after the newest change: what came before is already in the store the caches are empty of. */
    public ChangeFollower(ChangeLog log, Consumer<List<ArticleFacet>> onChange) throws StoreException {
        this.log = log;
        this.onChange = onChange;
        this.last = log.last();
    }

    /** Applies the changes logged since the last poll; returns how many. */
    public synchronized int poll() throws StoreException {
        int n = 0;
        while (true) {
            List<ChangeLog.Entry> entries = log.since(last, BATCH);
            if (entries.isEmpty()) return n;
            List<ArticleFacet> facets = new ArrayList<>();
            for (ChangeLog.Entry e : entries) facets.addAll(e.facets());
            onChange.accept(facets);
            last = entries.get(entries.size() - 1).seq();
            n += entries.size();
            if (entries.size() < BATCH) return n;
        }
    }
}
