package uz.karvon.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies every table of one database into another of the same schema version (SQLite into PostgreSQL, for
 * {@code karvon migrate-db}). The source is read in one read transaction, so the copy is one consistent snapshot
 * even while a server writes; rows go in by primary key, inserted or, when a row with that key is there from an
 * earlier run, updated, in transactions of {@link #BATCH}. Running it again therefore completes an interrupted
 * copy and brings an earlier one up to date. The counts of every table are compared at the end: a target with rows
 * the source has not (deleted since the earlier copy, or written by a running instance) is reported, not hidden.
 */
public final class DatabaseCopy {
    static final int BATCH = 1_000;
    /**
     * Runtime state of the instances writing the target (heartbeats, role leases), not data: never copied. The fetch history (the admin's last
     * fetches per source) has no key to copy it again by and refills with the next polls.
     */
    private static final List<String> SKIPPED = List.of("flyway_schema_history", "instance", "fetch_log", "role_lease");

    public interface Progress {
        void table(String table, long copied, long total);
    }

    /** One table: rows in the source, and in the target after the copy. */
    public record Count(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    private DatabaseCopy() {}

    public static List<Count> copy(Database from, Database to, Progress progress) throws StoreException {
        if (from.dialect() != Dialect.SQLITE || to.dialect() != Dialect.POSTGRESQL) {
            throw new StoreException("store: copies go from SQLite to PostgreSQL, not " + from.dialect().label() + " to "
                    + to.dialect().label(), null);
        }
        return from.read(src -> {
            List<Count> out = new ArrayList<>();
            for (String table : tables(src)) {
                Map<String, String> types = targetColumns(to, table);
                if (types.isEmpty()) throw new SQLException("table " + table + " is missing in the target database");
                List<String> columns = new ArrayList<>();
                for (String c : sourceColumns(src, table)) if (types.containsKey(c)) columns.add(c);
                List<String> key = primaryKey(to, table);
                long total = count(src, table);
                long copied = copyTable(src, to, table, columns, types, key, total, progress);
                long target = targetCount(to, table);
                out.add(new Count(table, copied, target));
            }
            return out;
        });
    }

    private static long copyTable(Connection src, Database to, String table, List<String> columns, Map<String, String> types,
                                  List<String> key, long total, Progress progress) throws SQLException {
        String cols = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        List<String> rest = columns.stream().filter(c -> !key.contains(c)).toList();
        String conflict = key.isEmpty() ? "" : " ON CONFLICT (" + String.join(", ", key) + ") DO "
                + (rest.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", rest.stream().map(c -> c + " = EXCLUDED." + c).toList()));
        String insert = "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")" + conflict;
        if (key.isEmpty() && targetCount(to, table) > 0) {
            throw new SQLException("table " + table + " has no primary key and is not empty in the target: copy into an empty database");
        }
        long copied = 0;
        try (Statement s = src.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + table)) {
                List<Object[]> batch = new ArrayList<>(BATCH);
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = value(rs, i + 1, types.get(columns.get(i)));
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        write(to, insert, columns, types, batch);
                        copied += batch.size();
                        batch.clear();
                        progress.table(table, copied, total);
                    }
                }
                write(to, insert, columns, types, batch);
                copied += batch.size();
                progress.table(table, copied, total);
            }
        }
        return copied;
    }

    private static void write(Database to, String insert, List<String> columns, Map<String, String> types, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) return;
        try {
            to.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) bind(ps, i + 1, row[i], types.get(columns.get(i)));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** A source value in the shape the target column takes (SQLite keeps what it was given; PostgreSQL is typed). */
    private static Object value(ResultSet rs, int i, String type) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) return null;
        return switch (type) {
            case "bigint", "integer", "smallint" -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
            case "boolean" -> v instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(v.toString());
            case "bytea" -> v instanceof byte[] b ? b : rs.getBytes(i);
            case "double precision", "real", "numeric" -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            default -> v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
        };
    }

    private static void bind(PreparedStatement ps, int i, Object v, String type) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (type) {
                case "bigint", "integer", "smallint" -> Types.BIGINT;
                case "boolean" -> Types.BOOLEAN;
                case "bytea" -> Types.BINARY;
                case "double precision", "real", "numeric" -> Types.DOUBLE;
                default -> Types.VARCHAR;
            });
        } else if (v instanceof Long l) {
            if (type.equals("integer")) ps.setInt(i, Math.toIntExact(l));
            else if (type.equals("smallint")) ps.setShort(i, (short) Math.toIntExact(l));
            else ps.setLong(i, l);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else {
            ps.setString(i, v.toString());
        }
    }

    private static List<String> tables(Connection src) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = src.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) if (!SKIPPED.contains(rs.getString(1).toLowerCase(Locale.ROOT))) out.add(rs.getString(1));
        }
        return out;
    }

    private static List<String> sourceColumns(Connection src, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) out.add(rs.getString("name").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The target table's columns and their types, in PostgreSQL's words ({@code bigint}, {@code text}, …). */
    private static Map<String, String> targetColumns(Database to, String table) throws SQLException {
        try {
            return to.read(c -> {
                Map<String, String> out = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
                    ps.setString(1, table.toLowerCase(Locale.ROOT));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                    }
                }
                return out;
            });
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static List<String> primaryKey(Database to, String table) throws SQLException {
        try {
            return to.read(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                        + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                        + " WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary ORDER BY a.attnum")) {
                    ps.setString(1, table.toLowerCase(Locale.ROOT));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static long targetCount(Database to, String table) throws SQLException {
        try {
            return to.read(c -> count(c, table));
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
