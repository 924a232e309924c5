package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Each source's polling state, shared by every instance on the database, and the leases that make each due source
 * polled by exactly one of them. The state itself is an opaque JSON document (validators, failures, 410 and 301
 * memory) beside the columns claims work with: when it is next due, its host, who holds it until when.
 *
 * <p>A poll <em>claims</em> a due source (a lease for {@code lease} from now, renewed while it runs), fetches, and
 * <em>finishes</em>: its outcome and the release are one write. Claims are serialized across instances
 * ({@link Dialect.Serial#CLAIMS}) because {@code per_host_concurrency} is a count over everyone's leases; an instance
 * that dies keeps its leases until they expire, then anyone may claim those sources. A state that starts afresh
 * (its URL changed) gets a new {@code epoch}; the outcome of a poll begun under the old one is not stored.
 */
public final class SourceStateStore {
    private static final String ROW = "source_id, state_json, epoch, next_attempt, lease_owner, lease_until";
    private final Database db;

    public SourceStateStore(Database db) {
        this.db = db;
    }

    /** A stored state. {@code nextAttempt} null: never (410 Gone); the lease fields null when nobody holds it. */
    public record Row(String sourceId, String json, long epoch, Long nextAttempt, String leaseOwner, Long leaseUntil) {}

    public Map<String, Row> loadAll() throws StoreException {
        return db.read(c -> {
            Map<String, Row> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW + " FROM source_state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), row(rs));
            }
            return out;
        });
    }

    public Row get(String sourceId) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW + " FROM source_state WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        });
    }

    /** What a reconciliation with feeds.yml does to one source. */
    public sealed interface Change {
        String sourceId();
    }

    /** A new source: a fresh state, unless another instance stored one first. */
    public record Insert(String sourceId, String host, String json, long nextAttempt) implements Change {}

    /** The state starts afresh (new URL) under a new epoch, unless someone already moved past {@code epoch}. */
    public record Reset(String sourceId, long epoch, String host, String json, long nextAttempt) implements Change {}

    /** Due at {@code at} at the latest (a shorter interval), also if a poll is running now. */
    public record DueBy(String sourceId, Instant at) implements Change {}

    /**
     * Applies a reconciliation in one transaction: the changes, then every configured source active and every other
     * inactive (its state is kept, so a source added back resumes where it was).
     */
    public void reconcile(List<Change> changes, Collection<String> configured, Instant now) throws StoreException {
        String ids = Json.array(configured);
        String inJson = db.dialect().inJson();
        db.transaction(c -> {
            for (Change ch : changes) {
                if (ch instanceof Insert i) {
                    update(c, "INSERT INTO source_state (source_id, state_json, updated_at, host, next_attempt, epoch)"
                            + " VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (source_id) DO NOTHING",
                            i.sourceId(), i.json(), now.toEpochMilli(), i.host(), i.nextAttempt());
                } else if (ch instanceof Reset r) {
                    update(c, "UPDATE source_state SET state_json = ?, updated_at = ?, host = ?, next_attempt = ?,"
                            + " epoch = epoch + 1, refresh_at = NULL WHERE source_id = ? AND epoch = ?",
                            r.json(), now.toEpochMilli(), r.host(), r.nextAttempt(), r.sourceId(), r.epoch());
                } else if (ch instanceof DueBy d) {
                    dueBy(c, d.sourceId(), d.at());
                }
            }
            update(c, "UPDATE source_state SET active = 1 WHERE active = 0 AND source_id IN " + inJson, ids);
            update(c, "UPDATE source_state SET active = 0 WHERE active = 1 AND source_id NOT IN " + inJson, ids);
            return null;
        });
    }

    /** Makes a source due at {@code at} (an admin's refresh); one being polled now is polled again after. */
    public void dueNow(String sourceId, Instant at) throws StoreException {
        db.transaction(c -> {
            dueBy(c, sourceId, at);
            return null;
        });
    }

    private static void dueBy(Connection c, String sourceId, Instant at) throws SQLException {
        long t = at.toEpochMilli();
        update(c, "UPDATE source_state SET next_attempt = CASE WHEN next_attempt IS NULL OR next_attempt > ? THEN ? ELSE next_attempt END,"
                + " refresh_at = CASE WHEN lease_until > ? THEN ? ELSE refresh_at END WHERE source_id = ?", t, t, t, t, sourceId);
    }

    /**
     * The outcome of one poll. {@code json} null: nothing to store (the source was removed meanwhile), only the lease
     * is given back. {@code nextAttempt} null: never again (410 Gone).
     */
    public record Finish(String sourceId, long epoch, String json, Long nextAttempt) {}

    /** What one {@link #cycle} asks for. {@code want} 0: claim nothing. */
    public record CycleRequest(String owner, Duration lease, List<Finish> finished, boolean renew, int want, int perHost,
                               Predicate<String> configured, Map<String, String> hostOf) {}

    /**
     * What it did: the claimed rows (leased to the owner), which finishes were stored (the others found their state
     * started afresh, or their lease taken over), and when the next unleased source is due (null: none is).
     */
    public record CycleResult(List<Row> claimed, Set<String> stored, Long nextDue) {}

    /**
     * One step of an instance's poller, in one transaction: store finished polls and give their leases back, renew
     * the owner's leases, and claim up to {@code want} due sources, keeping every host under {@code perHost} leases
     * across all instances.
     */
    public CycleResult cycle(CycleRequest r, Instant now) throws StoreException {
        long t = now.toEpochMilli();
        long until = now.plus(r.lease()).toEpochMilli();
        return db.transaction(c -> {
            db.dialect().serialize(c, Dialect.Serial.CLAIMS); // first, so every cycle takes its locks in one order
            Set<String> stored = finish(c, r.owner(), r.finished(), t);
            if (r.renew()) update(c, "UPDATE source_state SET lease_until = ? WHERE lease_owner = ?", until, r.owner());
            List<Row> claimed = r.want() > 0 ? claim(c, r, t, until) : List.of();
            Long nextDue = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt) FROM source_state WHERE active = 1"
                    + " AND (lease_until IS NULL OR lease_until <= ?)")) {
                ps.setLong(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        if (!rs.wasNull()) nextDue = v;
                    }
                }
            }
            return new CycleResult(claimed, stored, nextDue);
        });
    }

    /** Gives back every lease of {@code owner} (a clean shutdown); their sources are due as they were. */
    public void releaseAll(String owner) throws StoreException {
        db.transaction(c -> update(c, "UPDATE source_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", owner));
    }

    private static Set<String> finish(Connection c, String owner, List<Finish> finished, long now) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (finished.isEmpty()) return stored;
        List<Finish> outcomes = finished.stream().filter(f -> f.json() != null).toList();
        if (!outcomes.isEmpty()) {
            // a refresh asked for during the poll keeps the source due then, unless the outcome is sooner anyway
            try (PreparedStatement ps = c.prepareStatement("UPDATE source_state SET state_json = ?, updated_at = ?,"
                    + " next_attempt = CASE WHEN refresh_at IS NOT NULL AND (CAST(? AS BIGINT) IS NULL OR refresh_at < ?) THEN refresh_at ELSE ? END,"
                    + " refresh_at = NULL, lease_owner = NULL, lease_until = NULL"
                    + " WHERE source_id = ? AND lease_owner = ? AND epoch = ?")) {
                for (Finish f : outcomes) {
                    bind(ps, f.json(), now, f.nextAttempt(), f.nextAttempt(), f.nextAttempt(), f.sourceId(), owner, f.epoch());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == PreparedStatement.SUCCESS_NO_INFO) stored.add(outcomes.get(i).sourceId());
                }
            }
        }
        // the rest only give their lease back (if it is still theirs)
        try (PreparedStatement ps = c.prepareStatement("UPDATE source_state SET lease_owner = NULL, lease_until = NULL"
                + " WHERE source_id = ? AND lease_owner = ?")) {
            boolean any = false;
            for (Finish f : finished) {
                if (stored.contains(f.sourceId())) continue;
                bind(ps, f.sourceId(), owner);
                ps.addBatch();
                any = true;
            }
            if (any) ps.executeBatch();
        }
        return stored;
    }

    private List<Row> claim(Connection c, CycleRequest r, long now, long until) throws SQLException {
        Map<String, Integer> busy = new HashMap<>();
        List<String> full = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT host, COUNT(*) FROM source_state WHERE lease_until > ? GROUP BY host")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    busy.put(rs.getString(1), rs.getInt(2));
                    if (rs.getInt(2) >= r.perHost()) full.add(rs.getString(1));
                }
            }
        }
        Map<String, Row> picked = new LinkedHashMap<>();
        Map<String, String> hosts = new HashMap<>();
        // due sources of hosts with room, oldest due first; a few more than wanted, as some may fill their host or
        // be named only by another instance's feeds.yml
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW + ", host FROM source_state WHERE active = 1"
                + " AND next_attempt <= ? AND (lease_until IS NULL OR lease_until <= ?) AND (host IS NULL OR host NOT IN " + db.dialect().inJson() + ")"
                + " ORDER BY next_attempt LIMIT ?")) {
            bind(ps, now, now, Json.array(full), r.want() * 4 + 32);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && picked.size() < r.want()) {
                    Row row = row(rs);
                    if (!r.configured().test(row.sourceId())) continue;
                    String host = r.hostOf().getOrDefault(row.sourceId(), rs.getString(7));
                    int n = busy.getOrDefault(host, 0);
                    if (n >= r.perHost()) continue;
                    busy.put(host, n + 1);
                    picked.put(row.sourceId(), row);
                    hosts.put(row.sourceId(), host);
                }
            }
        }
        if (picked.isEmpty()) return List.of();
        try (PreparedStatement ps = c.prepareStatement("UPDATE source_state SET lease_owner = ?, lease_until = ?, refresh_at = NULL,"
                + " host = ? WHERE source_id = ?")) {
            for (Row row : picked.values()) {
                bind(ps, r.owner(), until, hosts.get(row.sourceId()), row.sourceId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Row> out = new ArrayList<>();
        for (Row row : picked.values()) {
            out.add(new Row(row.sourceId(), row.json(), row.epoch(), row.nextAttempt(), r.owner(), until));
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long next = rs.getLong(4);
        Long nextAttempt = rs.wasNull() ? null : next;
        long lease = rs.getLong(6);
        Long leaseUntil = rs.wasNull() ? null : lease;
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), nextAttempt, rs.getString(5), leaseUntil);
    }

    private static Void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
        return null;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) ps.setNull(i + 1, Types.BIGINT);
            else if (a instanceof String s) ps.setString(i + 1, s);
            else if (a instanceof Long l) ps.setLong(i + 1, l);
            else if (a instanceof Integer n) ps.setInt(i + 1, n);
            else throw new IllegalArgumentException(a.getClass().getName());
        }
    }
}
