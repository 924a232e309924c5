package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table {@code story_cluster}: which stories report the same event. Lists of keys are bound as {@code IN (?, …)} in
 * chunks (portable SQL: SQLite and PostgreSQL), so a page's lookup is one or two indexed queries.
 */
public final class StoryClusterStore {
    private static final String COLUMNS = "item_key, cluster_id, source_id, story_key, lang, url, slug, title, summary,"
            + " published_at, visible_from, clustered_at";
    /** Keys per statement: well under every driver's bound-parameter limit. */
    private static final int CHUNK = 500;

    private final Database db;

    public StoryClusterStore(Database db) {
        this.db = db;
    }

    /** Whether other instances write these rows too (see {@link Database#shared}). */
    public boolean shared() {
        return db.shared();
    }

    /** The stored members with these keys (absent keys are not clustered yet). */
    public Map<String, ClusterMember> byKeys(Collection<String> itemKeys) throws StoreException {
        if (itemKeys.isEmpty()) return Map.of();
        return db.read(c -> {
            Map<String, ClusterMember> out = new HashMap<>();
            for (List<String> chunk : chunks(itemKeys)) {
                for (ClusterMember m : list(c, "SELECT " + COLUMNS + " FROM story_cluster WHERE item_key IN " + marks(chunk.size()),
                        chunk.toArray())) {
                    out.put(m.itemKey(), m);
                }
            }
            return out;
        });
    }

    /** Every member of the clusters these keys belong to (keys not clustered contribute nothing), by cluster id. */
    public Map<String, List<ClusterMember>> clustersOf(Collection<String> itemKeys) throws StoreException {
        if (itemKeys.isEmpty()) return Map.of();
        return db.read(c -> {
            Map<String, List<ClusterMember>> out = new HashMap<>();
            for (List<String> chunk : chunks(itemKeys)) {
                String sql = "SELECT " + COLUMNS + " FROM story_cluster WHERE cluster_id IN (SELECT cluster_id FROM story_cluster"
                        + " WHERE item_key IN " + marks(chunk.size()) + ") ORDER BY published_at, item_key";
                for (ClusterMember m : list(c, sql, chunk.toArray())) {
                    List<ClusterMember> members = out.computeIfAbsent(m.clusterId(), k -> new ArrayList<>());
                    if (members.stream().noneMatch(x -> x.itemKey().equals(m.itemKey()))) members.add(m);
                }
            }
            return out;
        });
    }

    /** Who a cluster reaches: how many members, the sources of its items, whether agency articles are among them. */
    public record Reach(int members, Set<String> sourceIds, boolean articles) {}

    /** The reach of each of these clusters, by cluster id (counted in the database: a big cluster costs no more). */
    public Map<String, Reach> reachOf(Collection<String> clusterIds) throws StoreException {
        if (clusterIds.isEmpty()) return Map.of();
        return db.read(c -> {
            Map<String, Reach> out = new HashMap<>();
            for (List<String> chunk : chunks(clusterIds)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT cluster_id, source_id, COUNT(*) FROM story_cluster"
                        + " WHERE cluster_id IN " + marks(chunk.size()) + " GROUP BY cluster_id, source_id")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String source = rs.getString(2);
                            int n = rs.getInt(3);
                            Reach r = out.getOrDefault(rs.getString(1), new Reach(0, Set.of(), false));
                            Set<String> sources = new HashSet<>(r.sourceIds());
                            if (source != null) sources.add(source);
                            out.put(rs.getString(1), new Reach(r.members() + n, Set.copyOf(sources), r.articles() || source == null));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The cluster of another version of this article's story, if one is stored. */
    public String clusterOfStory(String storyKey) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cluster_id FROM story_cluster WHERE story_key = ?"
                    + " ORDER BY clustered_at, item_key LIMIT 1")) {
                ps.setString(1, storyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Members placed at or after {@code fromMillis}, in the order they were placed (the window rebuilt at start). */
    public List<ClusterMember> clusteredSince(long fromMillis, int limit) throws StoreException {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM story_cluster WHERE clustered_at >= ?"
                + " ORDER BY clustered_at, item_key LIMIT " + limit, fromMillis));
    }

    /** Every member of the clusters that have a story published at or after {@code fromMillis}, oldest first. */
    public List<ClusterMember> clustersPublishedSince(long fromMillis, int limit) throws StoreException {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM story_cluster WHERE cluster_id IN"
                + " (SELECT cluster_id FROM story_cluster WHERE published_at >= ?) ORDER BY published_at, item_key LIMIT " + limit,
                fromMillis));
    }

    /**
     * Stores new members; a key already stored (another instance placed it first) keeps its row. Returns the rows
     * stored before for the keys that were not written (empty when all were).
     */
    public Map<String, ClusterMember> insertNew(List<ClusterMember> members) throws StoreException {
        if (members.isEmpty()) return Map.of();
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<String> taken = db.transaction(c -> {
            List<String> out = new ArrayList<>();
            for (int from = 0; from < members.size(); from += CHUNK) {
                List<ClusterMember> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
                // both databases: a key another instance stored first (even in a transaction still running) is
                // skipped; one statement per chunk, and RETURNING names the rows that went in
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_cluster (" + COLUMNS + ") VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), row))
                        + " ON CONFLICT (item_key) DO NOTHING RETURNING item_key")) {
                    for (int k = 0; k < chunk.size(); k++) bind(ps, k * 12, chunk.get(k));
                    Set<String> written = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) written.add(rs.getString(1));
                    }
                    for (ClusterMember m : chunk) if (!written.contains(m.itemKey())) out.add(m.itemKey());
                }
            }
            return out;
        });
        return taken.isEmpty() ? Map.of() : byKeys(taken);
    }

    /** A stored member's text, link and visibility changed (a correction, an embargo moved, a withdrawal); its cluster stays. */
    public void update(ClusterMember m) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story_cluster SET lang = ?, url = ?, slug = ?, title = ?,"
                    + " summary = ?, published_at = ?, visible_from = ? WHERE item_key = ?")) {
                ps.setString(1, m.lang());
                ps.setString(2, m.url());
                ps.setString(3, m.slug());
                ps.setString(4, m.title());
                ps.setString(5, m.summary());
                ps.setLong(6, m.published().toEpochMilli());
                setInstant(ps, 7, m.visibleFrom());
                ps.setString(8, m.itemKey());
                return ps.executeUpdate();
            }
        });
    }

    /** Retention: rows of stories published before {@code cutoff} go. Returns how many. */
    public int purgePublishedBefore(Instant cutoff) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_cluster WHERE published_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        return out;
    }

    private static String marks(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }

    /** Binds a member's twelve columns after the first {@code at} parameters. */
    private static void bind(PreparedStatement ps, int at, ClusterMember m) throws SQLException {
        ps.setString(at + 1, m.itemKey());
        ps.setString(at + 2, m.clusterId());
        ps.setString(at + 3, m.sourceId());
        ps.setString(at + 4, m.storyKey());
        ps.setString(at + 5, m.lang());
        ps.setString(at + 6, m.url());
        ps.setString(at + 7, m.slug());
        ps.setString(at + 8, m.title());
        ps.setString(at + 9, m.summary());
        ps.setLong(at + 10, m.published().toEpochMilli());
        setInstant(ps, at + 11, m.visibleFrom());
        ps.setLong(at + 12, m.clusteredAt().toEpochMilli());
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, t.toEpochMilli());
    }

    private static List<ClusterMember> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<ClusterMember> out = new ArrayList<>();
                while (rs.next()) {
                    long visible = rs.getLong("visible_from");
                    Instant vis = rs.wasNull() ? null : Instant.ofEpochMilli(visible);
                    out.add(new ClusterMember(rs.getString("item_key"), rs.getString("cluster_id"), rs.getString("source_id"),
                            rs.getString("story_key"), rs.getString("lang"), rs.getString("url"), rs.getString("slug"),
                            rs.getString("title"), rs.getString("summary"), Instant.ofEpochMilli(rs.getLong("published_at")), vis,
                            Instant.ofEpochMilli(rs.getLong("clustered_at"))));
                }
                return out;
            }
        }
    }
}
