package uz.karvon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database every store works through: SQLite in the data folder (the default, one process) or PostgreSQL
 * (several instances, {@code database.url} in feeds.yml). Both are migrated by the same Flyway migrations on open
 * ({@link Migrations}); the stores write the SQL both run and ask {@link #dialect()} for the rest.
 *
 * <p>SQLite keeps one writer at a time ({@code BEGIN IMMEDIATE}, busy waits and retries: {@link SqliteEngine});
 * PostgreSQL gets a connection pool and retries transactions that lost a race ({@link PostgresEngine}).
 *
 * <p>One exception path: a failure of the database (I/O, lock never granted, constraint, connection refused) is a
 * {@link StoreException}; any other exception thrown inside a transaction is a bug and passes through unchanged.
 */
public final class Database implements AutoCloseable {
    private final Engine engine;
    private final Dialect dialect;
    private final String description;

    private Database(Engine engine, Dialect dialect, String description) {
        this.engine = engine;
        this.dialect = dialect;
        this.description = description;
    }

    /** SQLite: {@code karvon.db} in {@code dataDir}, created and migrated as needed. */
    public static Database open(Path dataDir) throws StoreException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("store: cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve("karvon.db").toAbsolutePath();
        return new Database(SqliteEngine.open(file), Dialect.SQLITE, file.toString());
    }

    /** PostgreSQL at {@code url} with a pool of {@code poolSize} connections, migrated as needed. */
    public static Database open(PostgresUrl url, int poolSize) throws StoreException {
        return new Database(PostgresEngine.open(url, poolSize), Dialect.POSTGRESQL, url.display());
    }

    /** Which database, and where: the SQLite file, or the PostgreSQL URL without its password. */
    public String description() {
        return description;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether other instances may write this database too (PostgreSQL; an SQLite folder has one server). */
    public boolean shared() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** Reader connections at most (SQLite's read pool; PostgreSQL's whole pool). */
    public int readerLimit() {
        return engine instanceof SqliteEngine sq ? sq.readerLimit() : pool().max();
    }

    /** Reads running now (PostgreSQL: connections in use). */
    public int readersInUse() {
        return engine instanceof SqliteEngine sq ? sq.readersInUse() : pool().active();
    }

    /** Reads waiting for a reader connection now (PostgreSQL: threads waiting for a connection). */
    public int readersWaiting() {
        return engine instanceof SqliteEngine sq ? sq.readersWaiting() : pool().waiting();
    }

    /**
     * Work inside one transaction. It may run more than once (when another process held the lock, or PostgreSQL
     * reported a lost race), so it must not change anything outside the connection before it returns.
     */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work that writes in one transaction: all of it is stored, or none. */
    public <T> T transaction(Work<T> work) throws StoreException {
        return engine.transaction(work);
    }

    /**
     * Runs read-only work in one read transaction (one consistent snapshot) that never waits for a writer. Work that
     * writes fails there: use {@link #transaction}.
     */
    public <T> T read(Work<T> work) throws StoreException {
        return engine.read(work);
    }

    /** A cheap liveness probe for /health. */
    public boolean ping() {
        try {
            return read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeQuery("SELECT 1").next();
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    /** Connections of the pool: the most it opens, in use, idle, and threads waiting for one. */
    public record PoolState(int max, int active, int idle, int waiting) {}

    /** The pool's state (PostgreSQL), or one connection that writes (SQLite). */
    public PoolState pool() {
        return engine instanceof PostgresEngine pg ? pg.poolState() : new PoolState(1, 0, 0, 0);
    }

    /** A subscription to change notifications; {@link #listening} is false while its connection is down. */
    public interface Listener extends AutoCloseable {
        boolean listening();

        @Override
        void close();
    }

    /**
     * Calls {@code onNotify} soon after another transaction notifies {@code channel} (PostgreSQL {@code LISTEN}),
     * or never (SQLite, which has no notifications: callers poll). Close it to stop.
     */
    public Listener listen(String channel, Runnable onNotify) {
        if (engine instanceof PostgresEngine pg) return new PgListener(pg.url(), channel, onNotify);
        return new Listener() {
            @Override
            public boolean listening() {
                return false;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {
        engine.close();
    }

    /** How one kind of database runs transactions. */
    interface Engine extends AutoCloseable {
        <T> T transaction(Work<T> work) throws StoreException;

        <T> T read(Work<T> work) throws StoreException;

        @Override
        void close();
    }
}
