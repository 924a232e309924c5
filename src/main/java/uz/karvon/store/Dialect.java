package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The few places where SQLite and PostgreSQL need different SQL. Everything else the stores write is the common
 * subset both run, so there is one store per table, not one per database.
 */
public enum Dialect {
    SQLITE("SQLite", "(SELECT value FROM json_each(?))", ""),
    POSTGRESQL("PostgreSQL", "(SELECT jsonb_array_elements_text(CAST(? AS jsonb)))", " FOR UPDATE");

    /**
     * Work that must not interleave across instances. SQLite needs nothing: a write transaction holds the whole
     * file from its {@code BEGIN IMMEDIATE}. PostgreSQL takes a transaction-scoped advisory lock, released at
     * commit or rollback, so a process that dies holding one frees it with its connection.
     */
    public enum Serial {
        /** Appends to the change log (and article seq): seq order must be commit order for followers. */
        CHANGES(0x6b61_7276_0001L),
        /** Poll claims: the per-host limit is a count over every instance's leases. */
        CLAIMS(0x6b61_7276_0002L);

        final long key;

        Serial(long key) {
            this.key = key;
        }
    }

    private final String label;
    private final String inJson;
    private final String forUpdate;

    Dialect(String label, String inJson, String forUpdate) {
        this.label = label;
        this.inJson = inJson;
        this.forUpdate = forUpdate;
    }

    public String label() {
        return label;
    }

    /**
     * A list of values bound as one JSON array parameter, for {@code x IN <this>}: one indexed query for any number
     * of ids, where {@code IN (?,?,…)} stops at SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
     */
    public String inJson() {
        return inJson;
    }

    /** Appended to a SELECT whose rows the transaction goes on to update (a row lock on PostgreSQL). */
    public String forUpdate() {
        return forUpdate;
    }

    /** Waits until no other transaction, of any instance, holds {@code serial}; held until this one ends. */
    public void serialize(Connection c, Serial serial) throws SQLException {
        if (this != POSTGRESQL) return;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, serial.key);
            ps.execute();
        }
    }
}
