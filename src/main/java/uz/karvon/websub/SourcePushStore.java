package uz.karvon.websub;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;

/** Our subscriptions to sources' hubs in {@code websub_source} (V7). */
final class SourcePushStore {
    private final Database db;

    SourcePushStore(Database db) {
        this.db = db;
    }

    List<SourcePush> loadAll() throws StoreException {
        return select("", null);
    }

    /** The subscription of this source, as stored (another instance may have changed it). */
    Optional<SourcePush> find(String sourceId) throws StoreException {
        return select(" WHERE source_id = ?", sourceId).stream().findFirst();
    }

    /** The subscription whose callback ends in this token. */
    Optional<SourcePush> findByToken(String token) throws StoreException {
        return select(" WHERE token = ?", token).stream().findFirst();
    }

    private List<SourcePush> select(String where, String arg) throws StoreException {
        return db.read(c -> {
            List<SourcePush> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id, hub, topic, token, secret, state,"
                    + " requested_at, lease_seconds, lease_expires, last_push, pushes, rejected, last_error FROM websub_source"
                    + where)) {
                if (arg != null) ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SourcePush(rs.getString(1), URI.create(rs.getString(2)), URI.create(rs.getString(3)),
                                rs.getString(4), rs.getString(5), SourcePush.State.of(rs.getString(6)),
                                HubStore.instant(rs, "requested_at"), rs.getLong(8), HubStore.instant(rs, "lease_expires"),
                                HubStore.instant(rs, "last_push"), rs.getLong(11), rs.getLong(12), rs.getString(13), false));
                    }
                }
            }
            return out;
        });
    }

    void save(SourcePush p, Instant now) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM websub_source WHERE source_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO websub_source (source_id, hub, topic, token,"
                         + " secret, state, requested_at, lease_seconds, lease_expires, last_push, pushes, rejected,"
                         + " last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, p.sourceId());
                del.executeUpdate();
                ins.setString(1, p.sourceId());
                ins.setString(2, p.hub().toString());
                ins.setString(3, p.topic().toString());
                ins.setString(4, p.token());
                ins.setString(5, p.secret());
                ins.setString(6, p.state().word());
                HubStore.setInstant(ins, 7, p.requestedAt());
                ins.setLong(8, p.leaseSeconds());
                HubStore.setInstant(ins, 9, p.leaseExpires());
                HubStore.setInstant(ins, 10, p.lastPush());
                ins.setLong(11, p.pushes());
                ins.setLong(12, p.rejected());
                ins.setString(13, p.lastError());
                ins.setLong(14, now.toEpochMilli());
                ins.executeUpdate();
            }
            return null;
        });
    }

    void delete(String sourceId) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM websub_source WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                return ps.executeUpdate();
            }
        });
    }
}
