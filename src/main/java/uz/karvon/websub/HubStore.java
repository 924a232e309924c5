package uz.karvon.websub;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.Topics.Topic;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;

/** The hub's subscriptions in {@code websub_subscription} (V7, V11). Plain JDBC through the one {@link Database}. */
final class HubStore {
    private static final String COLUMNS = "id, feed_id, format, callback, secret, partner_id, state, lease_seconds,"
            + " created_at, verified_at, expires_at, delivered_etag, last_delivery_at, last_status, last_error, failures,"
            + " next_attempt, updated_at";

    private final Database db;

    HubStore(Database db) {
        this.db = db;
    }

    /** Every stored subscription whose format is still one we serve. */
    List<HubSubscription> loadAll() throws StoreException {
        return select("", ps -> { });
    }

    /** The subscription (topic, callback), as stored. */
    Optional<HubSubscription> find(Topic topic, String callback) throws StoreException {
        return select(" WHERE feed_id = ? AND format = ? AND callback = ?", ps -> {
            ps.setString(1, topic.feedId());
            ps.setString(2, topic.format().extension());
            ps.setString(3, callback);
        }).stream().findFirst();
    }

    /** Subscriptions granted, renewed or ended by their subscribers at or after {@code since} (on any instance). */
    List<HubSubscription> grantedSince(Instant since) throws StoreException {
        return select(" WHERE updated_at >= ?", ps -> ps.setLong(1, since.toEpochMilli()));
    }

    /** How many stored subscriptions are in each state. */
    Map<HubSubscription.State, Integer> countByState() throws StoreException {
        return db.read(c -> {
            Map<HubSubscription.State, Integer> out = new EnumMap<>(HubSubscription.State.class);
            for (HubSubscription.State st : HubSubscription.State.values()) out.put(st, 0);
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM websub_subscription GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.merge(HubSubscription.State.of(rs.getString(1)), rs.getInt(2), Integer::sum);
            }
            return out;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<HubSubscription> select(String where, Binder binder) throws StoreException {
        return db.read(c -> {
            List<HubSubscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM websub_subscription" + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<FeedFormat> format = FeedFormat.byExtension(rs.getString("format"));
                        if (format.isEmpty()) continue;
                        out.add(new HubSubscription(rs.getString("id"), new Topic(rs.getString("feed_id"), format.get()),
                                rs.getString("callback"), rs.getString("secret"), rs.getString("partner_id"),
                                HubSubscription.State.of(rs.getString("state")), rs.getLong("lease_seconds"),
                                instant(rs, "created_at"), instant(rs, "verified_at"), instant(rs, "expires_at"),
                                rs.getString("delivered_etag"), instant(rs, "last_delivery_at"), rs.getInt("last_status"),
                                rs.getString("last_error"), rs.getInt("failures"), instant(rs, "next_attempt")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Inserts or replaces subscriptions (by id), in one transaction: what a verified request grants, renews or ends.
     * {@code updated_at} is set to {@code now}, which is how the delivering instance learns of it.
     */
    void save(Collection<HubSubscription> subs, Instant now) throws StoreException {
        if (subs.isEmpty()) return;
        db.transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM websub_subscription WHERE id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO websub_subscription (" + COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (HubSubscription s : subs) {
                    del.setString(1, s.id());
                    del.addBatch();
                    bind(ins, s, now);
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            return null;
        });
    }

    /**
     * Saves what deliveries did (what each subscriber has, failures, retries, an end by the hub: expired, gone,
     * revoked) for the grant the deliverer knew of: a row renewed or ended meanwhile on another instance is left as
     * it is (its {@code verified_at} or {@code expires_at} differ), and {@code updated_at} is not touched.
     */
    void saveProgress(Collection<HubSubscription> subs) throws StoreException {
        if (subs.isEmpty()) return;
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE websub_subscription SET state = ?, delivered_etag = ?,"
                    + " last_delivery_at = ?, last_status = ?, last_error = ?, failures = ?, next_attempt = ?"
                    + " WHERE id = ? AND verified_at = ? AND expires_at = ?")) {
                for (HubSubscription s : subs) {
                    ps.setString(1, s.state().word());
                    ps.setString(2, s.deliveredEtag());
                    setInstant(ps, 3, s.lastDeliveryAt());
                    ps.setInt(4, s.lastStatus());
                    ps.setString(5, s.lastError());
                    ps.setInt(6, s.failures());
                    setInstant(ps, 7, s.nextAttempt());
                    ps.setString(8, s.id());
                    ps.setLong(9, s.verifiedAt().toEpochMilli());
                    ps.setLong(10, s.expiresAt().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Removes subscriptions that ended (expired, unsubscribed, gone, revoked) whose lease ended before {@code cutoff}. */
    int purgeEndedBefore(Instant cutoff) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM websub_subscription WHERE state <> 'active' AND expires_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, HubSubscription s, Instant now) throws SQLException {
        ps.setString(1, s.id());
        ps.setString(2, s.topic().feedId());
        ps.setString(3, s.topic().format().extension());
        ps.setString(4, s.callback());
        ps.setString(5, s.secret());
        ps.setString(6, s.partnerId());
        ps.setString(7, s.state().word());
        ps.setLong(8, s.leaseSeconds());
        ps.setLong(9, s.createdAt().toEpochMilli());
        ps.setLong(10, s.verifiedAt().toEpochMilli());
        ps.setLong(11, s.expiresAt().toEpochMilli());
        ps.setString(12, s.deliveredEtag());
        setInstant(ps, 13, s.lastDeliveryAt());
        ps.setInt(14, s.lastStatus());
        ps.setString(15, s.lastError());
        ps.setInt(16, s.failures());
        setInstant(ps, 17, s.nextAttempt());
        ps.setLong(18, now.toEpochMilli());
    }

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, t.toEpochMilli());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
