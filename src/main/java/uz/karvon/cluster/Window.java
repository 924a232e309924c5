package uz.karvon.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The recent stories: an inverted index from each term and anchor to the stories that have it, how many
 * have it (for inverse document frequency), and the members of each cluster. Stories leave when they are
 * older than the newest by more than the retention; postings of departed stories are dropped lazily.
 * Not thread-safe: {@link EventClusterer} serializes access.
 */
final class Window {

    /** A story in the window. */
    static final class Member {
        final Features f;
        final String clusterId;
        final long seq;
        final double textNorm;
        boolean gone;
        /** Scratch for {@link EventClusterer}'s candidate search: which search last touched it, and the weight found. */
        long search;
        double weight;

        Member(Features f, String clusterId, long seq, double textNorm) {
            this.f = f;
            this.clusterId = clusterId;
            this.seq = seq;
            this.textNorm = textNorm;
        }
    }

    /** The live stories with a key (how many) and the stories indexed under it (departed ones dropped lazily). */
    private static final class Posting {
        int live;
        final ArrayDeque<Member> members = new ArrayDeque<>(2);
    }

    private final Map<String, Posting> postings = new HashMap<>();
    private final Map<String, List<Member>> clusters = new HashMap<>();
    private final Map<String, Member> byId = new HashMap<>();
    private final PriorityQueue<Member> byTime = new PriorityQueue<>((a, b) -> Long.compare(a.f.time(), b.f.time()));
    private long seq;
    private long newest = Long.MIN_VALUE;

    int size() {
        return byId.size();
    }

    /** Number of stories in the window with this key. */
    int df(String key) {
        Posting p = postings.get(key);
        return p == null ? 0 : p.live;
    }

    Member get(String storyId) {
        return byId.get(storyId);
    }

    List<Member> cluster(String clusterId) {
        return clusters.getOrDefault(clusterId, List.of());
    }

    long nextSeq() {
        return seq++;
    }

    void add(Member m) {
        byId.put(m.f.id(), m);
        byTime.add(m);
        clusters.computeIfAbsent(m.clusterId, k -> new ArrayList<>(4)).add(m);
        newest = Math.max(newest, m.f.time());
        for (String k : m.f.terms().keySet()) {
            index(k, m);
        }
        for (String k : m.f.anchors()) {
            index(k, m);
        }
    }

    private void index(String key, Member m) {
        Posting p = postings.computeIfAbsent(key, k -> new Posting());
        p.members.add(m);
        p.live++;
    }

    /** Removes the stories published before {@code newest - retentionSeconds}. */
    void evict(long retentionSeconds) {
        long horizon = newest - retentionSeconds;
        while (!byTime.isEmpty() && byTime.peek().f.time() < horizon) {
            Member m = byTime.poll();
            m.gone = true;
            byId.remove(m.f.id());
            List<Member> c = clusters.get(m.clusterId);
            c.remove(m);
            if (c.isEmpty()) {
                clusters.remove(m.clusterId);
            }
            for (String k : m.f.terms().keySet()) {
                unindex(k);
            }
            for (String k : m.f.anchors()) {
                unindex(k);
            }
        }
    }

    private void unindex(String key) {
        Posting p = postings.get(key);
        if (--p.live == 0) {
            postings.remove(key);
            return;
        }
        while (!p.members.isEmpty() && p.members.peekFirst().gone) {
            p.members.pollFirst();
        }
    }

    /** The live stories with this key (iteration skips departed ones). */
    Iterable<Member> postings(String key) {
        Posting p = postings.get(key);
        if (p == null) {
            return List.of();
        }
        return () -> new Iterator<>() {
            final Iterator<Member> it = p.members.iterator();
            Member next = advance();

            private Member advance() {
                while (it.hasNext()) {
                    Member m = it.next();
                    if (!m.gone) {
                        return m;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Member next() {
                Member m = next;
                next = advance();
                return m;
            }
        };
    }
}
