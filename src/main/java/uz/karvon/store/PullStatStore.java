package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily pull totals. Counters are added to (never overwritten); reported subscribers keep the day's maximum; distinct
 * readers are a sketch merged into the stored one, so several flushes, restarts or instances count a reader once.
 */
public final class PullStatStore {
    private final Database db;

    public PullStatStore(Database db) {
        this.db = db;
    }

    public record Row(String day, String feedId, String partnerId, long requests, long ok, long notModified, long bytes,
                      long distinctClients, long reportedSubscribers) {}

    /** What one flush adds: counters since the last flush, and the day's sketch of distinct readers so far. */
    public record Delta(String day, String feedId, String partnerId, long requests, long ok, long notModified, long bytes,
                        byte[] readers, long reportedSubscribers) {}

    /** How sketches of distinct readers combine and count; the store only keeps their bytes. */
    public interface Sketches {
        /** @param stored the day's stored sketch, or null when there is none yet */
        byte[] merge(byte[] stored, byte[] added);

        long count(byte[] sketch);
    }

    public void add(List<Delta> deltas, Sketches sketches) throws StoreException {
        if (deltas.isEmpty()) return;
        db.transaction(c -> {
            for (Delta d : deltas) {
                Stored s = stored(c, d);
                byte[] readers = sketches.merge(s == null ? null : s.readers(), d.readers());
                // never below what was counted before (rows from before sketches kept an exact count)
                long distinct = Math.max(s == null ? 0 : s.distinct(), sketches.count(readers));
                if (s != null) update(c, d, readers, distinct);
                else insert(c, d, readers, distinct);
            }
            return null;
        });
    }

    /** Rows of the last {@code days} days (by day string, newest first). */
    public List<Row> since(String firstDay) throws StoreException {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, feed_id, partner_id, requests, ok, not_modified, bytes,"
                    + " distinct_clients, reported_subscribers FROM pull_stat WHERE day >= ? ORDER BY day DESC, feed_id, partner_id")) {
                ps.setString(1, firstDay);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                    }
                }
            }
            return out;
        });
    }

    private record Stored(long distinct, byte[] readers) {}

    private static Stored stored(Connection c, Delta d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT distinct_clients, reader_sketch FROM pull_stat"
                + " WHERE day = ? AND feed_id = ? AND partner_id = ?")) {
            ps.setString(1, d.day());
            ps.setString(2, d.feedId());
            ps.setString(3, d.partnerId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stored(rs.getLong(1), rs.getBytes(2)) : null;
            }
        }
    }

    private static void update(Connection c, Delta d, byte[] readers, long distinct) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pull_stat SET requests = requests + ?, ok = ok + ?,"
                + " not_modified = not_modified + ?, bytes = bytes + ?, distinct_clients = ?, reader_sketch = ?,"
                + " reported_subscribers = CASE WHEN reported_subscribers > ? THEN reported_subscribers ELSE ? END"
                + " WHERE day = ? AND feed_id = ? AND partner_id = ?")) {
            ps.setLong(1, d.requests());
            ps.setLong(2, d.ok());
            ps.setLong(3, d.notModified());
            ps.setLong(4, d.bytes());
            ps.setLong(5, distinct);
            ps.setBytes(6, readers);
            ps.setLong(7, d.reportedSubscribers());
            ps.setLong(8, d.reportedSubscribers());
            ps.setString(9, d.day());
            ps.setString(10, d.feedId());
            ps.setString(11, d.partnerId());
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, Delta d, byte[] readers, long distinct) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pull_stat (day, feed_id, partner_id, requests, ok,"
                + " not_modified, bytes, distinct_clients, reported_subscribers, reader_sketch) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, d.day());
            ps.setString(2, d.feedId());
            ps.setString(3, d.partnerId());
            ps.setLong(4, d.requests());
            ps.setLong(5, d.ok());
            ps.setLong(6, d.notModified());
            ps.setLong(7, d.bytes());
            ps.setLong(8, distinct);
            ps.setLong(9, d.reportedSubscribers());
            ps.setBytes(10, readers);
            ps.executeUpdate();
        }
    }
}
