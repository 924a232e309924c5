package uz.karvon.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Groups stories that report the same event, across languages, one story at a time.
 *
 * <p>{@link #add} compares a story with the recent window only (stories within
 * {@link ClusterSettings#window()} of the newest), through an inverted index: its cost follows the
 * stories that share a rare word or anchor with it, not the archive. A story joins the cluster of the
 * earlier story it matches best, provided it contradicts no story of that cluster (complete link: a
 * cluster never grows by chaining through an outlier); otherwise it starts a cluster named after itself
 * ({@link ClusterIds}). Clusters are never merged or split afterwards, so an assigned id is final.
 *
 * <p>State survives a restart by {@link #restore}: feed it the stories of the last window with the
 * cluster ids stored for them, oldest first, and later stories are placed exactly as if it had never
 * stopped. Thread-safe (one story at a time).
 */
public final class EventClusterer {

    /** Pseudo-count: on a near-empty window every anchor looks as rare as in a window of this many stories. */
    private static final double PRIOR_STORIES = 50;
    /** Keys in more stories than this share of the window (and at least MIN_COMMON) only weigh, never nominate candidates. */
    private static final double COMMON_SHARE = 0.005;
    private static final int MIN_COMMON = 50;
    /** Stories stay this long past the window, so one that arrives late still finds its event. */
    private static final long LATE_SECONDS = 12 * 3600;
    /** Postings visited at most when looking for candidates (the rarest keys are visited first). */
    private static final int MAX_VISITS = 2000;
    /** Candidates scored in full at most. */
    private static final int MAX_CANDIDATES = 40;

    private final ClusterSettings settings;
    private final FeatureExtractor extractor;
    private final PairScorer scorer;
    private final Window window = new Window();
    private long searches;

    public EventClusterer(ClusterSettings settings, Gazetteer gazetteer) {
        this.settings = settings;
        this.extractor = new FeatureExtractor(gazetteer);
        this.scorer = new PairScorer(settings);
    }

    /** With the default settings and the shipped gazetteer. */
    public static EventClusterer standard() {
        return new EventClusterer(ClusterSettings.defaults(), Gazetteer.standard());
    }

    /**
     * Places a story: the cluster of the earlier story it reports the same event as, or a new cluster.
     * A story whose id is already in the window keeps its cluster.
     */
    public synchronized Assignment add(Story story) {
        Window.Member known = window.get(story.id());
        if (known != null) {
            return new Assignment(story.id(), known.clusterId, false, null, 0);
        }
        Features x = extractor.extract(story);
        window.evict(settings.window().toSeconds() + LATE_SECONDS);
        ToDoubleFunction<String> idf = idf();
        double xNorm = PairScorer.norm(x.terms(), idf);

        Map<String, Double> byCluster = new HashMap<>();
        Map<String, Window.Member> bestMember = new HashMap<>();
        for (Window.Member m : candidates(x, idf)) {
            if (scorer.contradicts(x, m.f) != null) {
                continue;
            }
            double s = scorer.score(x, xNorm, m, idf);
            if (s > byCluster.getOrDefault(m.clusterId, -1.0)) {
                byCluster.put(m.clusterId, s);
                bestMember.put(m.clusterId, m);
            }
        }
        List<String> ranked = new ArrayList<>(byCluster.keySet());
        ranked.sort((a, b) -> {
            int c = Double.compare(byCluster.get(b), byCluster.get(a));
            return c != 0 ? c : Long.compare(bestMember.get(a).seq, bestMember.get(b).seq);
        });
        for (String clusterId : ranked) {
            if (agreesWithAll(x, clusterId)) {
                Window.Member best = bestMember.get(clusterId);
                window.add(new Window.Member(x, clusterId, window.nextSeq(), xNorm));
                return new Assignment(story.id(), clusterId, false, best.f.id(), byCluster.get(clusterId));
            }
        }
        String id = ClusterIds.of(story.id());
        window.add(new Window.Member(x, id, window.nextSeq(), xNorm));
        return new Assignment(story.id(), id, true, null, 0);
    }

    /** Puts back a story with the cluster id stored for it (after a restart), without comparing it. */
    public synchronized void restore(Story story, String clusterId) {
        if (window.get(story.id()) != null) {
            return;
        }
        Features x = extractor.extract(story);
        window.evict(settings.window().toSeconds() + LATE_SECONDS);
        window.add(new Window.Member(x, clusterId, window.nextSeq(), PairScorer.norm(x.terms(), idf())));
    }

    /** Stories currently in the window. */
    public synchronized int windowSize() {
        return window.size();
    }

    private boolean agreesWithAll(Features x, String clusterId) {
        for (Window.Member m : window.cluster(clusterId)) {
            if (scorer.contradicts(x, m.f) != null) {
                return false;
            }
        }
        return true;
    }

    /** Inverse document frequency over the window, remembered for the length of one search (keys recur across candidates). */
    private ToDoubleFunction<String> idf() {
        double n = window.size() + 1 + PRIOR_STORIES;
        Map<String, Double> memo = new HashMap<>(256);
        return key -> {
            Double v = memo.get(key);
            if (v == null) {
                v = Math.log(n / (window.df(key) + 1));
                memo.put(key, v);
            }
            return v;
        };
    }

    /**
     * Stories within the time window sharing at least one key with x that is not common, the ones sharing the
     * most weight first. Scores accumulate in the members themselves (no map per search): a search touches
     * each posting once.
     */
    private List<Window.Member> candidates(Features x, ToDoubleFunction<String> idf) {
        long search = ++searches;
        int common = Math.max(MIN_COMMON, (int) (window.size() * COMMON_SHARE));
        long w = settings.window().toSeconds();
        // rarest keys first: they say most, and the visit budget runs out on the common ones
        record Key(String key, int df) {}
        List<Key> keys = new ArrayList<>(x.anchors().size() + x.terms().size());
        for (Iterable<String> set : List.of(x.anchors(), x.terms().keySet())) {
            for (String k : set) {
                int df = window.df(k);
                if (df > 0 && df <= common) {
                    keys.add(new Key(k, df));
                }
            }
        }
        keys.sort(Comparator.comparingInt(Key::df));
        List<Window.Member> touched = new ArrayList<>(512);
        int budget = MAX_VISITS;
        for (int i = 0; i < keys.size() && budget > 0; i++) {
            String k = keys.get(i).key();
            double weight = idf.applyAsDouble(k);
            for (Window.Member m : window.postings(k)) {
                budget--;
                if (Math.abs(m.f.time() - x.time()) > w) {
                    continue;
                }
                if (m.search != search) {
                    m.search = search;
                    m.weight = 0;
                    touched.add(m);
                }
                m.weight += weight;
            }
        }
        Comparator<Window.Member> best = (a, b) -> {
            int c = Double.compare(b.weight, a.weight);
            return c != 0 ? c : Long.compare(a.seq, b.seq);
        };
        if (touched.size() > MAX_CANDIDATES) {   // keep the best, without sorting thousands
            PriorityQueue<Window.Member> top = new PriorityQueue<>(MAX_CANDIDATES + 1, best.reversed());
            for (Window.Member m : touched) {
                top.add(m);
                if (top.size() > MAX_CANDIDATES) {
                    top.poll();
                }
            }
            touched = new ArrayList<>(top);
        }
        touched.sort(best);
        return touched;
    }
}
