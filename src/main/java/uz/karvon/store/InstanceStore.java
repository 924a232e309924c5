package uz.karvon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The instances running on this database: each writes a heartbeat with the SHA-256 of the feeds.yml it serves, so
 * {@code /health} on any of them can name the ones that serve a different file.
 */
public final class InstanceStore {
    private final Database db;

    public InstanceStore(Database db) {
        this.db = db;
    }

    /** One instance as last heard of. */
    public record Instance(String id, String host, Instant startedAt, Instant seenAt, String configSha256) {}

    /** Records that {@code id} runs now, serving a feeds.yml with this hash. */
    public void heartbeat(String id, String host, Instant startedAt, String configSha256, Instant now) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE instance SET seen_at = ?, config_sha256 = ? WHERE id = ?")) {
                up.setLong(1, now.toEpochMilli());
                up.setString(2, configSha256);
                up.setString(3, id);
                if (up.executeUpdate() > 0) return null;
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO instance (id, host, started_at, seen_at, config_sha256)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                in.setString(1, id);
                in.setString(2, host);
                in.setLong(3, startedAt.toEpochMilli());
                in.setLong(4, now.toEpochMilli());
                in.setString(5, configSha256);
                in.executeUpdate();
            }
            return null;
        });
    }

    /** Instances heard from within {@code window} before {@code now}, oldest first. */
    public List<Instance> live(Instant now, Duration window) throws StoreException {
        return db.read(c -> {
            List<Instance> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, host, started_at, seen_at, config_sha256 FROM instance"
                    + " WHERE seen_at >= ? ORDER BY started_at, id")) {
                ps.setLong(1, now.minus(window).toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Instance(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** A clean stop: the instance is gone at once instead of after its heartbeat window; old rows are removed. */
    public void remove(String id, Instant before) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instance WHERE id = ? OR seen_at < ?")) {
                ps.setString(1, id);
                ps.setLong(2, before.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
