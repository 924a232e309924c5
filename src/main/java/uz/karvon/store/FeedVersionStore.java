package uz.karvon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The validators last served for each feed (by key, e.g. {@code uz.rss}): its ETag and Last-Modified. Shared by
 * every instance, so the same bytes carry the same Last-Modified whichever instance renders them, and a conditional
 * request answered by one is answered alike by the others.
 */
public final class FeedVersionStore {
    private final Database db;

    public FeedVersionStore(Database db) {
        this.db = db;
    }

    /** A feed's validators; {@code lastModified} to the second. */
    public record Version(String etag, Instant lastModified) {}

    /**
     * Applies {@code next} to the stored version of {@code key} ({@code null} when there is none) and stores what it
     * returns, in one transaction that holds the row, so two instances never interleave. Returns the stored version.
     */
    public Version update(String key, UnaryOperator<Version> next) throws StoreException {
        Version seen = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT etag, last_modified FROM feed_version WHERE feed_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Version(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
                }
            }
        });
        if (seen != null && seen.equals(next.apply(seen))) return seen; // the usual case: the same bytes again, no write
        String forUpdate = db.dialect().forUpdate();
        return db.transaction(c -> {
            Version prev = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT etag, last_modified FROM feed_version WHERE feed_key = ?" + forUpdate)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) prev = new Version(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
            Version v = next.apply(prev);
            if (v.equals(prev)) return prev;
            // a first version: another instance may store its own at the same moment; the first one wins, both return it
            String sql = prev == null
                    ? "INSERT INTO feed_version (etag, last_modified, feed_key) VALUES (?, ?, ?) ON CONFLICT (feed_key) DO NOTHING"
                    : "UPDATE feed_version SET etag = ?, last_modified = ? WHERE feed_key = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, v.etag());
                ps.setLong(2, v.lastModified().toEpochMilli());
                ps.setString(3, key);
                if (ps.executeUpdate() == 0) throw new SQLException("feed_version " + key + " stored concurrently", "23505");
            }
            return v;
        });
    }
}
