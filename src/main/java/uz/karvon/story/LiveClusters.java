package uz.karvon.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.article.Article;
import uz.karvon.cluster.Assignment;
import uz.karvon.cluster.ClusterSettings;
import uz.karvon.cluster.EventClusterer;
import uz.karvon.cluster.Story;
import uz.karvon.store.ClusterMember;
import uz.karvon.store.SourceItem;
import uz.karvon.store.StoryClusterStore;
import uz.karvon.store.StoreException;

/**
 * Clusters stories as they are stored, with the engine the {@code karvon cluster} command uses
 * ({@link EventClusterer}), against the recent window only, and keeps every placement in {@code story_cluster}:
 * <ul>
 * <li>a story already stored there keeps its row (a re-fetched item, a correction, another instance's placement)
 * and is put back into the window as it was, never compared again;</li>
 * <li>rows written by other instances (on a shared database) are put back into the window, looked for at most once a
 * second before new stories are compared, so the instances compare against nearly the same stories;</li>
 * <li>at start, the window is rebuilt from the rows of the last window ({@link #restore}), not from the archive.</li>
 * </ul>
 * A failure here is logged and costs only the clustering of that batch: stored items and articles stay.
 */
public final class LiveClusters {
    private static final Logger LOG = LoggerFactory.getLogger(LiveClusters.class);
    /** The clusterer keeps stories this long past its window (late arrivals); the rebuild reads as far back. */
    private static final Duration LATE = Duration.ofHours(12);
    /** Rows read back at most when rebuilding (a day at 10,000 items is well within). */
    private static final int MAX_RESTORE = 200_000;
    /**
     * Other instances' rows are looked for from this long before the last look: their commits land a little after
     * the time they stamp, and their clocks (NTP) may run a little behind ours.
     */
    private static final long SKEW_MILLIS = 5_000;
    /** Other instances' rows are looked for at most this often (each look reads every row of the last SKEW_MILLIS). */
    private static final long CATCH_UP_EVERY_NANOS = 1_000_000_000L;
    /** The clusterer reads the title and this much of the summary; the same text is stored, so a rebuild reads alike. */
    static final int SUMMARY_CHARS = 600;

    private final EventClusterer engine;
    private final StoryClusterStore store;
    private final Clock clock;
    private final Duration window;
    private final boolean shared;
    private long seenUpTo = Long.MIN_VALUE;
    private long caughtUpAt = System.nanoTime() - CATCH_UP_EVERY_NANOS;   // of the last look

    /** What a batch changed: the sources and whether agency articles are in the clusters that gained a story. */
    public record Touched(Set<String> sourceIds, boolean articles) {
        public static final Touched NONE = new Touched(Set.of(), false);

        public boolean any() {
            return articles || !sourceIds.isEmpty();
        }
    }

    public LiveClusters(EventClusterer engine, ClusterSettings settings, StoryClusterStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.window = settings.window().plus(LATE);
        this.shared = store.shared();
    }

    public StoryClusterStore store() {
        return store;
    }

    /** Rebuilds the window from the stored rows of the last window, oldest first. Returns how many stories. */
    public synchronized int restore() throws StoreException {
        long from = clock.instant().minus(window).toEpochMilli();
        List<ClusterMember> rows = store.clusteredSince(from, MAX_RESTORE);
        for (ClusterMember m : rows) putBack(m);
        seenUpTo = rows.isEmpty() ? clock.millis() : Math.max(clock.millis(), rows.get(rows.size() - 1).clusteredAt().toEpochMilli());
        return rows.size();
    }

    /**
     * Clusters newly stored (or re-fetched) source items. A feed re-sends its earlier items on every poll: those
     * cost one lookup, and their summary is read again only when the title or link changed.
     */
    public Touched items(List<SourceItem> items) {
        if (items.isEmpty()) return Touched.NONE;
        List<ClusterMember> candidates = new ArrayList<>(items.size());
        Instant now = clock.instant();
        for (SourceItem i : items) {
            String url = i.url() != null ? i.url() : i.externalUrl();
            candidates.add(new ClusterMember(ClusterMember.itemKey(i.id()), null, i.sourceId(), null, i.language(), url, null,
                    i.title() == null ? "" : i.title(), i.summary(), i.published(), i.published(), now));
        }
        return place(candidates, true);
    }

    /** Clusters stored agency article versions (a story's versions share one cluster); withdrawn ones stop being linked. */
    public Touched articles(List<Article> articles) {
        List<ClusterMember> candidates = new ArrayList<>(articles.size());
        Instant now = clock.instant();
        for (Article a : articles) {
            if (a.generated()) continue;
            Instant visible = a.status() != Article.Status.PUBLISHED ? null
                    : a.embargoUntil() != null && a.embargoUntil().isAfter(a.published()) ? a.embargoUntil() : a.published();
            candidates.add(new ClusterMember(ClusterMember.articleKey(a.id()), null, null, a.translationKey(), a.lang(), null,
                    a.slug(), a.title(), a.summary(), a.published(), visible, now));
        }
        return candidates.isEmpty() ? Touched.NONE : place(candidates, false);
    }

    /** @param htmlSummaries the candidates' summaries are HTML (source items), read as text only when needed */
    private Touched place(List<ClusterMember> candidates, boolean htmlSummaries) {
        try {
            Placed placed = placeInWindow(candidates, htmlSummaries);
            // stored and counted outside the lock: the window has them already, and a key is only ever placed by the
            // one thread storing its item (the first instance's row wins, ON CONFLICT DO NOTHING)
            Set<String> clusters = new HashSet<>(placed.clusters());
            Map<String, ClusterMember> held = store.insertNew(placed.fresh());
            for (ClusterMember f : placed.fresh()) {
                ClusterMember h = held.get(f.itemKey());
                if (h != null && !h.clusterId().equals(f.clusterId())) clusters.add(h.clusterId()); // placed elsewhere first
            }
            return touched(clusters);
        } catch (StoreException | RuntimeException e) {
            LOG.warn("clusters: {} stories not clustered: {}", candidates.size(), e.getMessage());
            return Touched.NONE;
        }
    }

    /** New members to store, and the clusters that gained or changed a story. */
    private record Placed(List<ClusterMember> fresh, Set<String> clusters) {}

    /** Places the candidates in the window (corrections are stored at once); new members are the caller's to store. */
    private synchronized Placed placeInWindow(List<ClusterMember> candidates, boolean htmlSummaries) throws StoreException {
        catchUp();
        Map<String, ClusterMember> stored = store.byKeys(candidates.stream().map(ClusterMember::itemKey).toList());
        List<ClusterMember> fresh = new ArrayList<>();
        Set<String> clusters = new HashSet<>();
        for (ClusterMember given : candidates) {
            ClusterMember old = stored.get(given.itemKey());
            if (old != null && htmlSummaries && sameHead(old, given)) {
                putBack(old);
                continue;
            }
            ClusterMember c = htmlSummaries ? withSummary(given, given.summary() == null ? "" : Jsoup.parse(given.summary()).text())
                    : withSummary(given, given.summary() == null ? "" : given.summary());
            if (old != null) {
                putBack(old);
                if (changed(old, c)) {
                    store.update(c);
                    clusters.add(old.clusterId());
                }
                continue;
            }
            String clusterId = null;
            if (c.storyKey() != null) { // another version of the same article: the same story, the same cluster
                clusterId = fresh.stream().filter(f -> c.storyKey().equals(f.storyKey())).map(ClusterMember::clusterId)
                        .findFirst().orElse(null);
                if (clusterId == null) clusterId = store.clusterOfStory(c.storyKey());
            }
            Story story = story(c);
            boolean joined = true;
            if (clusterId != null) {
                engine.restore(story, clusterId);
            } else {
                Assignment a = engine.add(story);
                clusterId = a.clusterId();
                joined = !a.created();
            }
            fresh.add(withCluster(c, clusterId));
            if (joined) clusters.add(clusterId); // a new cluster of one links nothing yet
        }
        return new Placed(fresh, clusters);
    }

    /**
     * Puts back the rows other instances wrote since we last looked (a no-op for stories already in the window), at
     * most once a second: the look reads our own recent rows too, and must not cost every batch that much.
     */
    private void catchUp() throws StoreException {
        if (!shared || seenUpTo == Long.MIN_VALUE) return; // alone on the database, or a CLI use without a window
        long now = System.nanoTime();
        if (now - caughtUpAt < CATCH_UP_EVERY_NANOS) return;
        caughtUpAt = now;
        List<ClusterMember> rows = store.clusteredSince(seenUpTo - SKEW_MILLIS, MAX_RESTORE);
        for (ClusterMember m : rows) {
            putBack(m);
            seenUpTo = Math.max(seenUpTo, m.clusteredAt().toEpochMilli());
        }
        seenUpTo = Math.max(seenUpTo, clock.millis());
    }

    private Touched touched(Set<String> clusterIds) throws StoreException {
        if (clusterIds.isEmpty()) return Touched.NONE;
        Set<String> sources = new HashSet<>();
        boolean articles = false;
        for (StoryClusterStore.Reach r : store.reachOf(clusterIds).values()) {
            if (r.members() < 2) continue; // a cluster of one links nothing
            sources.addAll(r.sourceIds());
            articles |= r.articles();
        }
        return new Touched(sources, articles);
    }

    private void putBack(ClusterMember m) {
        engine.restore(story(m), m.clusterId());
    }

    private static Story story(ClusterMember m) {
        return new Story(m.itemKey(), m.lang(), m.sourceId(), m.published(), m.title(), m.summary());
    }

    /** Title, link, language, date and visibility as stored: a re-sent item (its summary is not read again). */
    private static boolean sameHead(ClusterMember old, ClusterMember now) {
        return Objects.equals(old.title(), now.title()) && Objects.equals(old.url(), now.url())
                && Objects.equals(old.lang(), now.lang()) && Objects.equals(old.visibleFrom(), now.visibleFrom())
                && old.published().equals(now.published());
    }

    private static ClusterMember withSummary(ClusterMember c, String text) {
        return new ClusterMember(c.itemKey(), c.clusterId(), c.sourceId(), c.storyKey(), c.lang(), c.url(), c.slug(), c.title(),
                cut(text), c.published(), c.visibleFrom(), c.clusteredAt());
    }

    private static boolean changed(ClusterMember old, ClusterMember now) {
        return !Objects.equals(old.title(), now.title()) || !Objects.equals(old.summary(), now.summary())
                || !Objects.equals(old.url(), now.url()) || !Objects.equals(old.slug(), now.slug())
                || !Objects.equals(old.lang(), now.lang()) || !Objects.equals(old.visibleFrom(), now.visibleFrom())
                || !old.published().equals(now.published());
    }

    private static ClusterMember withCluster(ClusterMember c, String clusterId) {
        return new ClusterMember(c.itemKey(), clusterId, c.sourceId(), c.storyKey(), c.lang(), c.url(), c.slug(), c.title(),
                c.summary(), c.published(), c.visibleFrom(), c.clusteredAt());
    }

    private static String cut(String s) {
        String t = s.strip();
        if (t.length() <= SUMMARY_CHARS) return t;
        int end = SUMMARY_CHARS;
        if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
        return t.substring(0, end);
    }

    /** Retention: rows of stories published before {@code cutoff} go (the items they name are purged by then). */
    public int purge(Instant cutoff) throws StoreException {
        return store.purgePublishedBefore(cutoff);
    }

    /** Members by cluster, oldest first, in stable order (for tests and the admin page). */
    static Map<String, List<ClusterMember>> byCluster(List<ClusterMember> rows) {
        Map<String, List<ClusterMember>> out = new LinkedHashMap<>();
        for (ClusterMember m : rows) out.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(m);
        return out;
    }
}
