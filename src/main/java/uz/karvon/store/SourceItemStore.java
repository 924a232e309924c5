package uz.karvon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Items of external sources. Identity is per source (source id + original id), so two sources that use the
 * same guid never overwrite each other; the same story from two sources is linked by {@code duplicate_of}
 * (same canonical link or same normalized text) and published once.
 */
public final class SourceItemStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, source_id, original_id, url, external_url, title, summary, content_html, image,"
            + " published_at, modified_at, first_seen, language, authors, tags, attachments, flags, canonical_url, text_hash, duplicate_of";
    private final Database db;
    /**
     * A list of ids bound as one JSON array: one indexed query for any number of ids, where {@code IN (?,?,…)}
     * stops at SQLite's 32,766 bound parameters (a feed of 16,384 sources: {@link #recent} binds each one twice).
     */
    private final String inJson;

    public SourceItemStore(Database db) {
        this.db = db;
        this.inJson = db.dialect().inJson();
    }

    public record Counts(int added, int updated, int unchanged) {
        public boolean changed() {
            return added + updated > 0;
        }
    }

    /**
     * Stores one fetch's items atomically: all of them, or (on failure) none; returns after they are committed.
     * <p>Group commit: fetches that finish while another one is being written are queued and then written
     * together, each in its own savepoint inside one transaction, so N concurrent fetches cost one
     * synchronous commit instead of N. A failing fetch rolls back to its savepoint and gets its own
     * exception; the others are unaffected. Statements are prepared once per transaction.
     * <p>On a shared database (PostgreSQL), which takes concurrent writers, each fetch is written in its own
     * transaction at once: other instances write beside this one anyway, and queueing behind one writer would make
     * a fetch's round trips to the database the whole instance's limit.
     */
    public Counts upsert(List<SourceItem> items, Instant now) throws StoreException {
        Pending me = new Pending(items, now);
        if (db.shared()) {
            writeBatch(List.of(me));
            return me.result();
        }
        List<Pending> batch;
        boolean interrupted = false;
        synchronized (group) {
            queue.add(me);
            while (!me.done && writing) {
                try {
                    group.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // like the monitor this replaces: finish the write, keep the flag
                }
            }
            if (me.done) {
                if (interrupted) Thread.currentThread().interrupt();
                return me.result();
            }
            writing = true;
            batch = queue; // contains me
            queue = new ArrayList<>();
        }
        try {
            writeBatch(batch);
        } finally {
            synchronized (group) {
                writing = false;
                group.notifyAll();
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        return me.result();
    }

    private final Object group = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean writing;

    private static final class Pending {
        final List<SourceItem> items;
        final Instant now;
        Counts counts;
        StoreException error;
        RuntimeException bug;
        volatile boolean done;

        Pending(List<SourceItem> items, Instant now) {
            this.items = items;
            this.now = now;
        }

        Counts result() throws StoreException {
            if (bug != null) throw bug;
            if (error != null) throw error;
            return counts;
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<Pending> ok = new ArrayList<>();
        try {
            db.transaction(c -> {
                ok.clear(); // the transaction runs again if another process held the lock
                for (Pending p : batch) {
                    p.counts = null;
                    p.error = null;
                    p.bug = null;
                }
                try (Statements st = new Statements(c)) {
                    for (Pending p : batch) {
                        if (batch.size() == 1) { // nothing to isolate from
                            p.counts = upsert(st, p.items, p.now);
                            ok.add(p);
                            continue;
                        }
                        Savepoint sp = c.setSavepoint();
                        try {
                            p.counts = upsert(st, p.items, p.now);
                            c.releaseSavepoint(sp);
                            ok.add(p);
                        } catch (SQLException | RuntimeException e) {
                            c.rollback(sp); // if this fails, the whole batch fails below
                            c.releaseSavepoint(sp);
                            if (e instanceof SQLException || e instanceof IllegalStateException) {
                                p.error = new StoreException("store: " + e.getMessage(), e);
                            } else {
                                p.bug = (RuntimeException) e;
                            }
                        }
                    }
                }
                logChanges(c, ok);
                return null;
            });
        } catch (StoreException | RuntimeException e) {
            for (Pending p : ok) p.counts = null;
            for (Pending p : batch) {
                if (p.error != null || p.bug != null) continue;
                if (e instanceof StoreException se) p.error = se; else p.bug = (RuntimeException) e;
            }
        } finally {
            synchronized (group) {
                for (Pending p : batch) {
                    if (p.counts == null && p.error == null && p.bug == null) p.error = new StoreException("store: not written", null);
                    p.done = true;
                }
            }
        }
    }

    /** Sources whose items changed, for every instance's feeds; one change-log row per written batch. */
    private void logChanges(Connection c, List<Pending> written) throws SQLException {
        Set<String> sources = new TreeSet<>();
        Instant at = null;
        for (Pending p : written) {
            if (!p.counts.changed()) continue;
            for (SourceItem i : p.items) sources.add(i.sourceId());
            at = p.now;
        }
        if (sources.isEmpty()) return;
        db.dialect().serialize(c, Dialect.Serial.CHANGES);
        ChangeLog.append(c, at, List.of(), sources);
    }

    private static Counts upsert(Statements st, List<SourceItem> items, Instant now) throws SQLException {
        int added = 0, updated = 0, unchanged = 0;
        for (SourceItem incoming : items) {
            SourceItem item = incoming;
            Optional<SourceItem> existing = st.existing(item.sourceId(), item.originalId());
            if (existing.isPresent()) {
                SourceItem old = existing.get();
                if (item.flags().contains("date-missing") || item.flags().contains("date-invalid")
                        || item.flags().contains("date-clamped")) {
                    // The date was a stand-in (first-seen time): keep the first one, or the item would
                    // climb back to the top of merged feeds on every fetch.
                    item = withPublished(item, old.published());
                }
                if (old.sameContent(item)) {
                    touch(st.touch(), old.id(), now);
                    unchanged++;
                } else {
                    update(st.update(), old, item, now);
                    updated++;
                }
                continue;
            }
            String dup = findDuplicate(st, item);
            insert(st.insert(), withDuplicate(item, dup), now);
            added++;
        }
        return new Counts(added, updated, unchanged);
    }

    /** The statements of an upsert, prepared on first use and reused for the rest of the transaction. */
    private static final class Statements implements AutoCloseable {
        private final Connection c;
        private PreparedStatement existing, sameCanonical, sameText, touch, insert, update;

        Statements(Connection c) {
            this.c = c;
        }

        Optional<SourceItem> existing(String sourceId, String originalId) throws SQLException {
            if (existing == null) existing = c.prepareStatement("SELECT " + COLUMNS + " FROM source_item WHERE source_id = ? AND original_id = ? LIMIT 1");
            List<SourceItem> l = run(existing, sourceId, originalId);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }

        List<SourceItem> sameCanonical(String canonicalUrl, String sourceId) throws SQLException {
            if (sameCanonical == null) sameCanonical = c.prepareStatement("SELECT " + COLUMNS + " FROM source_item WHERE canonical_url = ? AND source_id <> ?"
                    + " AND duplicate_of IS NULL LIMIT 5");
            return run(sameCanonical, canonicalUrl, sourceId);
        }

        Optional<SourceItem> sameText(String textHash, String sourceId) throws SQLException {
            if (sameText == null) sameText = c.prepareStatement("SELECT " + COLUMNS + " FROM source_item WHERE text_hash = ? AND source_id <> ?"
                    + " AND duplicate_of IS NULL LIMIT 1");
            List<SourceItem> l = run(sameText, textHash, sourceId);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }

        PreparedStatement touch() throws SQLException {
            if (touch == null) touch = c.prepareStatement("UPDATE source_item SET last_seen = ? WHERE id = ?");
            return touch;
        }

        PreparedStatement insert() throws SQLException {
            if (insert == null) insert = c.prepareStatement("INSERT INTO source_item (" + COLUMNS + ", last_seen)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            return insert;
        }

        PreparedStatement update() throws SQLException {
            if (update == null) update = c.prepareStatement("UPDATE source_item SET id = ?, source_id = ?, original_id = ?, url = ?,"
                    + " external_url = ?, title = ?, summary = ?, content_html = ?, image = ?, published_at = ?, modified_at = ?,"
                    + " first_seen = ?, language = ?, authors = ?, tags = ?, attachments = ?, flags = ?, canonical_url = ?,"
                    + " text_hash = ?, duplicate_of = ?, last_seen = ? WHERE id = ?");
            return update;
        }

        private static List<SourceItem> run(PreparedStatement ps, Object... args) throws SQLException {
            ps.clearParameters();
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<SourceItem> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : new PreparedStatement[] {existing, sameCanonical, sameText, touch, insert, update}) {
                if (ps == null) continue;
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }

    /** The stored HTML content of those of these original ids of a source that are stored (null content omitted). */
    public Map<String, String> storedContent(String sourceId, List<String> originalIds) throws StoreException {
        if (originalIds.isEmpty()) return Map.of();
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT content_html FROM source_item WHERE source_id = ? AND original_id = ?")) {
                for (String id : originalIds) {
                    ps.setString(1, sourceId);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1) != null) out.put(id, rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Newest first, one item per story (duplicates folded into the first source's item). Any number of sources. */
    public List<SourceItem> recent(Collection<String> sourceIds, int limit) throws StoreException {
        if (sourceIds.isEmpty()) return List.of();
        String ids = Json.array(sourceIds);
        // a copy is hidden only behind a first item this feed also carries (not one of another feed, or a purged one)
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM source_item WHERE source_id IN " + inJson
                + " AND (duplicate_of IS NULL OR duplicate_of NOT IN (SELECT id FROM source_item WHERE source_id IN " + inJson + "))"
                + " ORDER BY published_at DESC, id LIMIT " + limit, ids, ids));
    }

    /**
     * Like {@link #recent}, from a publication time on (inclusive): going down the feed ({@code older}: published
     * at or before, newest first) or up it (at or after, oldest first). For the pages of a feed that mixes sources in.
     */
    public List<SourceItem> window(Collection<String> sourceIds, long fromMillis, boolean older, int limit) throws StoreException {
        if (sourceIds.isEmpty()) return List.of();
        String ids = Json.array(sourceIds);
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM source_item WHERE source_id IN " + inJson
                + " AND (duplicate_of IS NULL OR duplicate_of NOT IN (SELECT id FROM source_item WHERE source_id IN " + inJson + "))"
                + " AND published_at " + (older ? "<= ?" : ">= ?")
                + (older ? " ORDER BY published_at DESC, id" : " ORDER BY published_at ASC, id DESC") + " LIMIT " + limit, ids, ids, fromMillis));
    }

    /** For each item id, the other sources that carried the same story. */
    public Map<String, Set<String>> alsoCarriedBy(Collection<String> itemIds) throws StoreException {
        if (itemIds.isEmpty()) return Map.of();
        return db.read(c -> {
            Map<String, Set<String>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT duplicate_of, source_id FROM source_item WHERE duplicate_of IN " + inJson)) {
                ps.setString(1, Json.array(itemIds));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                }
            }
            return out;
        });
    }


    public Map<String, Long> countsBySource() throws StoreException {
        return db.read(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id, COUNT(*) FROM source_item GROUP BY source_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** Retention: removes items last seen before {@code cutoff}, and logs their sources as changed. Returns how many. */
    public int purgeLastSeenBefore(Instant cutoff, Instant now) throws StoreException {
        return db.transaction(c -> {
            Set<String> sources = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT source_id FROM source_item WHERE last_seen < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sources.add(rs.getString(1));
                }
            }
            if (sources.isEmpty()) return 0;
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_item WHERE last_seen < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                n = ps.executeUpdate();
            }
            db.dialect().serialize(c, Dialect.Serial.CHANGES);
            ChangeLog.append(c, now, List.of(), sources);
            return n;
        });
    }

    /**
     * The same story from another source: the same normalized text, or the same canonical link with the same
     * title. A link alone is not enough: a hostile source could claim another source's links and have its own
     * text published in their place.
     */
    private static String findDuplicate(Statements st, SourceItem item) throws SQLException {
        if (item.canonicalUrl() != null) {
            for (SourceItem same : st.sameCanonical(item.canonicalUrl(), item.sourceId())) {
                if (normalizedTitle(same.title()).equals(normalizedTitle(item.title()))) return same.id();
            }
        }
        return st.sameText(item.textHash(), item.sourceId()).map(SourceItem::id).orElse(null);
    }

    private static String normalizedTitle(String t) {
        return t == null ? "" : t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static SourceItem withPublished(SourceItem i, Instant published) {
        return new SourceItem(i.id(), i.sourceId(), i.originalId(), i.url(), i.externalUrl(), i.title(), i.summary(),
                i.contentHtml(), i.image(), published, i.modified(), i.firstSeen(), i.language(), i.authors(), i.tags(),
                i.attachments(), i.flags(), i.canonicalUrl(), i.textHash(), i.duplicateOf());
    }

    private static SourceItem withDuplicate(SourceItem i, String dup) {
        return new SourceItem(i.id(), i.sourceId(), i.originalId(), i.url(), i.externalUrl(), i.title(), i.summary(),
                i.contentHtml(), i.image(), i.published(), i.modified(), i.firstSeen(), i.language(), i.authors(), i.tags(),
                i.attachments(), i.flags(), i.canonicalUrl(), i.textHash(), dup);
    }

    private static List<SourceItem> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<SourceItem> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }
    }

    private static void touch(PreparedStatement ps, String id, Instant now) throws SQLException {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, id);
        ps.executeUpdate();
    }

    private static void insert(PreparedStatement ps, SourceItem i, Instant now) throws SQLException {
        ps.clearParameters();
        bind(ps, i, i.firstSeen());
        ps.setLong(21, now.toEpochMilli());
        ps.executeUpdate();
    }

    /** Updates content in place; id, first-seen time and duplicate link stay. */
    private static void update(PreparedStatement ps, SourceItem old, SourceItem i, Instant now) throws SQLException {
        ps.clearParameters();
        bind(ps, withDuplicate(i, old.duplicateOf()), old.firstSeen());
        ps.setString(1, old.id());
        ps.setLong(21, now.toEpochMilli());
        ps.setString(22, old.id());
        ps.executeUpdate();
    }

    private static void bind(PreparedStatement ps, SourceItem i, Instant firstSeen) throws SQLException {
        ps.setString(1, i.id());
        ps.setString(2, i.sourceId());
        ps.setString(3, i.originalId());
        ps.setString(4, i.url());
        ps.setString(5, i.externalUrl());
        ps.setString(6, i.title());
        ps.setString(7, i.summary());
        ps.setString(8, i.contentHtml());
        ps.setString(9, i.image());
        ps.setLong(10, i.published().toEpochMilli());
        if (i.modified() == null) ps.setNull(11, Types.BIGINT); else ps.setLong(11, i.modified().toEpochMilli());
        ps.setLong(12, firstSeen.toEpochMilli());
        ps.setString(13, i.language());
        ps.setString(14, json(i.authors()));
        ps.setString(15, json(i.tags()));
        ps.setString(16, json(i.attachments()));
        ps.setString(17, json(i.flags()));
        ps.setString(18, i.canonicalUrl());
        ps.setString(19, i.textHash());
        ps.setString(20, i.duplicateOf());
    }

    private static SourceItem read(ResultSet rs) throws SQLException {
        long modified = rs.getLong("modified_at");
        Instant mod = rs.wasNull() ? null : Instant.ofEpochMilli(modified);
        return new SourceItem(rs.getString("id"), rs.getString("source_id"), rs.getString("original_id"), rs.getString("url"),
                rs.getString("external_url"), rs.getString("title"), rs.getString("summary"), rs.getString("content_html"),
                rs.getString("image"), Instant.ofEpochMilli(rs.getLong("published_at")), mod,
                Instant.ofEpochMilli(rs.getLong("first_seen")), rs.getString("language"),
                parse(rs.getString("authors"), new TypeReference<List<SourceItem.Author>>() {}),
                parse(rs.getString("tags"), new TypeReference<List<String>>() {}),
                parse(rs.getString("attachments"), new TypeReference<List<SourceItem.Attachment>>() {}),
                parse(rs.getString("flags"), new TypeReference<List<String>>() {}),
                rs.getString("canonical_url"), rs.getString("text_hash"), rs.getString("duplicate_of"));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String s, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
