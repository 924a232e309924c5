package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Daily pull totals. Counters are added to (never overwritten); distinct counts keep the day's maximum. */
public final class PullStatStore {
    private final Database db;

    public PullStatStore(Database db) {
        this.db = db;
    }

    public record Row(String day, String feedId, String partnerId, long requests, long ok, long notModified, long bytes,
                      long distinctClients, long reportedSubscribers) {}

    public void add(List<Row> deltas) throws StoreException {
        if (deltas.isEmpty()) return;
        db.transaction(c -> {
            for (Row d : deltas) {
                if (exists(c, d)) update(c, d);
                else insert(c, d);
            }
            return null;
        });
    }

    /** Rows of the last {@code days} days (by day string, newest first). */
    public List<Row> since(String firstDay) throws StoreException {
        return db.transaction(c -> {
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

    private static boolean exists(Connection c, Row d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pull_stat WHERE day = ? AND feed_id = ? AND partner_id = ?")) {
            ps.setString(1, d.day());
            ps.setString(2, d.feedId());
            ps.setString(3, d.partnerId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, Row d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pull_stat SET requests = requests + ?, ok = ok + ?,"
                + " not_modified = not_modified + ?, bytes = bytes + ?,"
                + " distinct_clients = CASE WHEN distinct_clients > ? THEN distinct_clients ELSE ? END,"
                + " reported_subscribers = CASE WHEN reported_subscribers > ? THEN reported_subscribers ELSE ? END"
                + " WHERE day = ? AND feed_id = ? AND partner_id = ?")) {
            ps.setLong(1, d.requests());
            ps.setLong(2, d.ok());
            ps.setLong(3, d.notModified());
            ps.setLong(4, d.bytes());
            ps.setLong(5, d.distinctClients());
            ps.setLong(6, d.distinctClients());
            ps.setLong(7, d.reportedSubscribers());
            ps.setLong(8, d.reportedSubscribers());
            ps.setString(9, d.day());
            ps.setString(10, d.feedId());
            ps.setString(11, d.partnerId());
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, Row d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pull_stat (day, feed_id, partner_id, requests, ok,"
                + " not_modified, bytes, distinct_clients, reported_subscribers) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, d.day());
            ps.setString(2, d.feedId());
            ps.setString(3, d.partnerId());
            ps.setLong(4, d.requests());
            ps.setLong(5, d.ok());
            ps.setLong(6, d.notModified());
            ps.setLong(7, d.bytes());
            ps.setLong(8, d.distinctClients());
            ps.setLong(9, d.reportedSubscribers());
            ps.executeUpdate();
        }
    }
}
