package uz.karvon.publish;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uz.karvon.article.ArticleFacet;
import uz.karvon.store.ChangeLog;
import uz.karvon.store.StoreException;

/**
 * Follows the store's {@link ChangeLog}: every change committed since the last poll, by this process or another
 * (an import on the same data folder, another instance on the same PostgreSQL), is handed to the handler, oldest
 * first, once: article versions to {@link Handler#articles}, sources whose items changed to {@link Handler#sources}.
 * The server polls right after each of its own writes, at once when PostgreSQL notifies a change, and every second
 * as the fallback that never loses one.
 */
public final class ChangeFollower {
    private static final int BATCH = 500;
    private final ChangeLog log;
    private final Handler handler;
    private long last;

    /** What followers do with changes: invalidate what they concern. */
    public interface Handler {
        void articles(List<ArticleFacet> facets);

        void sources(Set<String> sourceIds);
    }

    /** Starts after the newest change: what came before is already in the store the caches are empty of. */
    public ChangeFollower(ChangeLog log, Handler handler) throws StoreException {
        this.log = log;
        this.handler = handler;
        this.last = log.last();
    }

    /** Applies the changes logged since the last poll; returns how many. */
    public synchronized int poll() throws StoreException {
        int n = 0;
        while (true) {
            List<ChangeLog.Entry> entries = log.since(last, BATCH);
            if (entries.isEmpty()) return n;
            List<ArticleFacet> facets = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            for (ChangeLog.Entry e : entries) {
                facets.addAll(e.facets());
                sources.addAll(e.sources());
            }
            if (!facets.isEmpty()) handler.articles(facets);
            if (!sources.isEmpty()) handler.sources(sources);
            last = entries.get(entries.size() - 1).seq();
            n += entries.size();
            if (entries.size() < BATCH) return n;
        }
    }
}
