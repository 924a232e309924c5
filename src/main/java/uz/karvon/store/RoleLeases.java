package uz.karvon.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * Roles one instance plays for all of them ({@code role_lease}, V11): WebSub delivery, for one. An instance holds a
 * role while it renews the lease in time; a clean stop gives it back, an instance that dies loses it when the lease
 * runs out, and then the first instance to ask takes it over. With one instance (SQLite) it always holds every role.
 */
public final class RoleLeases {
    private final Database db;

    public RoleLeases(Database db) {
        this.db = db;
    }

    /** Takes or renews {@code role} for {@code owner} until {@code now + lease}; false while another holds it. */
    public boolean hold(String role, String owner, Instant now, Duration lease) throws StoreException {
        long until = now.plus(lease).toEpochMilli();
        return db.transaction(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE role_lease SET owner = ?, lease_until = ?"
                    + " WHERE role = ? AND (owner = ? OR lease_until <= ?)")) {
                up.setString(1, owner);
                up.setLong(2, until);
                up.setString(3, role);
                up.setString(4, owner);
                up.setLong(5, now.toEpochMilli());
                if (up.executeUpdate() > 0) return true;
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO role_lease (role, owner, lease_until) VALUES (?, ?, ?)"
                    + " ON CONFLICT (role) DO NOTHING")) {
                in.setString(1, role);
                in.setString(2, owner);
                in.setLong(3, until);
                return in.executeUpdate() > 0;
            }
        });
    }

    /** Gives the role back at once, if {@code owner} still holds it. */
    public void release(String role, String owner) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_lease WHERE role = ? AND owner = ?")) {
                ps.setString(1, role);
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }
}
