package uz.karvon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last {@link #KEPT} fetches of every source. Rows are appended in batches (one commit for many fetches) and
 * each batch trims the sources it touched, so the table stays at about {@code KEPT × sources} rows.
 */
public final class FetchLogStore {
    /** Fetches kept per source. */
    public static final int KEPT = 50;
    private final Database db;

    public FetchLogStore(Database db) {
        this.db = db;
    }

    /**
     * One fetch.
     *
     * @param fetchedAt  epoch millis
     * @param httpStatus 0 when there was no HTTP answer
     * @param bytes      body size; -1 when no body was read (304, failure)
     */
    public record Row(String sourceId, long fetchedAt, long durationMillis, int httpStatus, long bytes, int itemsNew,
                      int itemsUpdated, String notes, String error) {}

    public void append(List<Row> rows) throws StoreException {
        if (rows.isEmpty()) return;
        db.transaction(c -> {
            Set<String> sources = new LinkedHashSet<>();
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO fetch_log (source_id, fetched_at, duration_ms,"
                    + " http_status, bytes, items_new, items_updated, notes, error) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (Row r : rows) {
                    ins.setString(1, r.sourceId());
                    ins.setLong(2, r.fetchedAt());
                    ins.setLong(3, r.durationMillis());
                    ins.setInt(4, r.httpStatus());
                    ins.setLong(5, r.bytes());
                    ins.setInt(6, r.itemsNew());
                    ins.setInt(7, r.itemsUpdated());
                    ins.setString(8, r.notes());
                    ins.setString(9, r.error());
                    ins.addBatch();
                    sources.add(r.sourceId());
                }
                ins.executeBatch();
            }
            // the oldest kept row's time bounds what stays (rows sharing that instant stay too)
            try (PreparedStatement trim = c.prepareStatement("DELETE FROM fetch_log WHERE source_id = ? AND fetched_at <"
                    + " (SELECT MIN(t.fetched_at) FROM (SELECT fetched_at FROM fetch_log WHERE source_id = ?"
                    + " ORDER BY fetched_at DESC LIMIT " + KEPT + ") t)")) {
                for (String s : sources) {
                    trim.setString(1, s);
                    trim.setString(2, s);
                    trim.addBatch();
                }
                trim.executeBatch();
            }
            return null;
        });
    }

    /** The newest {@code limit} fetches of a source, newest first. */
    public List<Row> recent(String sourceId, int limit) throws StoreException {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id, fetched_at, duration_ms, http_status, bytes,"
                    + " items_new, items_updated, notes, error FROM fetch_log WHERE source_id = ?"
                    + " ORDER BY fetched_at DESC LIMIT ?")) {
                ps.setString(1, sourceId);
                ps.setInt(2, Math.min(limit, KEPT));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                                rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }
}
