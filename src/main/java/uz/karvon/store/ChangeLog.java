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
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import uz.karvon.article.ArticleFacet;

/**
 * Every stored article change, in commit order: {@code seq} 1, 2, 3 … and the facets of the article versions it
 * touched. Written in the same transaction as the change itself, by whichever process writes (the server's CMS
 * API, {@code karvon import} on the same data folder), and followed by every server: it polls {@link #since} and
 * invalidates only the feeds and sitemap files those facets concern.
 *
 * <p>A row says which article versions changed (their facets) or which sources' items did ({@link Entry#sources}).
 *
 * <p>{@code seq} is {@code MAX(seq) + 1} inside the writing transaction, and appends are serialized
 * ({@link Dialect.Serial#CHANGES}: SQLite's one writer, a PostgreSQL advisory lock held to commit), so seq order is
 * commit order and a follower that has read up to N never misses a row below N. On PostgreSQL every insert also
 * notifies {@value #CHANNEL} (a trigger, V8_2), so followers read at once instead of at their next check; the
 * periodic check stays as the fallback that never loses a change.
 */
public final class ChangeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ArticleFacet>> FACETS = new TypeReference<>() {};
    private static final TypeReference<List<String>> SOURCES = new TypeReference<>() {};
    /** The PostgreSQL notification channel of new changes. */
    public static final String CHANNEL = "karvon_changes";
    private final Database db;

    public ChangeLog(Database db) {
        this.db = db;
    }

    /** One change: article versions ({@code facets}) and sources whose items changed ({@code sources}), either may be empty. */
    public record Entry(long seq, Instant at, List<ArticleFacet> facets, List<String> sources) {
        public Entry {
            facets = List.copyOf(facets);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Appends one change, inside the caller's write transaction, which must have taken
     * {@link Dialect.Serial#CHANGES} (article writes take it first, for their seq; others just before this).
     */
    static void append(Connection c, Instant at, List<ArticleFacet> facets, Collection<String> sources) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (seq, changed_at, facets, sources)"
                + " VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM change_log), ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, JSON.writeValueAsString(facets));
            ps.setString(3, sources.isEmpty() ? null : JSON.writeValueAsString(List.copyOf(new TreeSet<>(sources))));
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
                    "SELECT seq, changed_at, facets, sources FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Entry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), read(rs.getString(3), FACETS),
                                rs.getString(4) == null ? List.of() : read(rs.getString(4), SOURCES)));
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

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt change_log row: " + e.getOriginalMessage(), e);
        }
    }
}
