package uz.karvon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Each source's polling state as an opaque JSON document (validators, attempts, errors, next attempt),
 * written in batches: polling 10,000 sources must not cost 10,000 synchronous commits.
 */
public final class SourceStateStore {
    private final Database db;

    public SourceStateStore(Database db) {
        this.db = db;
    }

    public Map<String, String> loadAll() throws StoreException {
        return db.transaction(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id, state_json FROM source_state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    public void saveAll(Map<String, String> states, Instant now) throws StoreException {
        if (states.isEmpty()) return;
        db.transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM source_state WHERE source_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO source_state (source_id, state_json, updated_at) VALUES (?,?,?)")) {
                for (Map.Entry<String, String> e : states.entrySet()) {
                    del.setString(1, e.getKey());
                    del.addBatch();
                    ins.setString(1, e.getKey());
                    ins.setString(2, e.getValue());
                    ins.setLong(3, now.toEpochMilli());
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            return null;
        });
    }
}
