package uz.karvon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.karvon.article.ArticleFacet;

/**
 * Every stored article change, in commit order: {@code seq} 1, 2, 3 … and the facets of the article versions it
 * touched. Written in the same transaction as the change itself, by whichever process writes (the server's CMS
 * API, {@code karvon import} on the same data folder), and followed by every server: it polls {@link #since} and
 * invalidates only the feeds and sitemap files those facets concern.
 *
 * <p>{@code seq} is {@code MAX(seq) + 1} inside the writing transaction. SQLite has one writer at a time, so seq
 * order is commit order and a follower that has read up to N never misses a row below N. A PostgreSQL backend with
 * concurrent writers must keep that property (e.g. {@code LOCK TABLE change_log IN EXCLUSIVE MODE} before the
 * insert, or retrying on the primary-key conflict), and can {@code NOTIFY} the new seq after the insert so that
 * followers read at once instead of at their next poll; polling stays as the fallback that never loses a change.
 */
public final class ChangeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ArticleFacet>> FACETS = new TypeReference<>() {};
    private final Database db;

    public ChangeLog(Database db) {
        this.db = db;
    }

    public record Entry(long seq, Instant at, List<ArticleFacet> facets) {}

    /** Appends one change, inside the caller's write transaction. */
    static void append(Connection c, Instant at, List<ArticleFacet> facets) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (seq, changed_at, facets)"
                + " VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM change_log), ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, JSON.writeValueAsString(facets));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest seq, 0 when nothing was ever logged: a follower that starts now starts from here. */
    public long last() throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM change_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Up to {@code max} changes after {@code seq}, oldest first. */
    public List<Entry> since(long seq, int max) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, changed_at, facets FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), facets(rs.getString(3))));
                    }
                    return out;
                }
            }
        });
    }

    /** Removes changes older than {@code cutoff}, keeping the newest row so seq keeps counting up. */
    public int pruneBefore(Instant cutoff) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM change_log WHERE changed_at < ?"
                    + " AND seq < (SELECT MAX(seq) FROM change_log)")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private static List<ArticleFacet> facets(String json) throws SQLException {
        try {
            return JSON.readValue(json, FACETS);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt change_log row: " + e.getOriginalMessage(), e);
        }
    }
}
