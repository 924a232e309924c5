package uz.karvon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteLimits;

/**
 * SQLite has one writer at a time, so every write goes through one connection, serialised by
 * {@link #transaction}. Reads that need no write ({@link #read}) use a few read-only connections of their own: under
 * WAL they see the last commit and neither wait for the writer nor block it.
 *
 * <p>Other processes may write the same file (an {@code import} next to the running server). A write transaction
 * therefore takes the write lock when it begins ({@code BEGIN IMMEDIATE}): a deferred one that read first could not
 * get it afterwards once the other process had written ({@code SQLITE_BUSY_SNAPSHOT}, which no waiting cures).
 * SQLite waits up to {@link #BUSY_TIMEOUT_MILLIS} for the lock; past that the whole transaction is rolled back and
 * tried again with backoff, so both sides wait their turn and nothing is half-written.
 */
final class SqliteEngine implements Database.Engine {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);
    /** How long SQLite itself waits for another connection's lock, per attempt. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** Attempts of one transaction while another process holds the lock (about a minute in all). */
    static final int ATTEMPTS = 10;
    private static final int SQLITE_BUSY = 5;
    /** Bound parameters per statement: SQLite's own default since 3.32. */
    static final int MAX_PARAMETERS = 32_766;
    /** Concurrent readers; more would only queue for the two cores. */
    private static final int READERS = 4;

    private final Path file;
    private final Connection connection;
    private final SQLiteDataSource readSource;
    private final LinkedBlockingQueue<Connection> idleReaders = new LinkedBlockingQueue<>();
    private final Semaphore readers = new Semaphore(READERS);

    int readerLimit() {
        return READERS;
    }

    int readersInUse() {
        return READERS - readers.availablePermits();
    }

    int readersWaiting() {
        return readers.getQueueLength();
    }
    private volatile boolean closed;

    private SqliteEngine(Path file, Connection connection, SQLiteDataSource readSource) {
        this.file = file;
        this.connection = connection;
        this.readSource = readSource;
    }

    static SqliteEngine open(Path file) throws StoreException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: an acknowledged article survives kill -9 and power loss alike.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        cfg.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        try {
            Migrations.run(ds, Dialect.SQLITE);
            // auto-commit on: transactions are begun by hand (the driver's own BEGIN would be deferred, or, made
            // immediate, would hold the write lock between transactions)
            Connection c = ds.getConnection();
            limitParameters(c);
            return new SqliteEngine(file, c, readSource(file));
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stock SQLite's limit, not this driver's raised one (250,000), so no query comes to depend on it; lists of ids
     * are bound as one JSON array instead (PostgreSQL's protocol stops at 65,535).
     */
    private static void limitParameters(Connection c) throws SQLException {
        c.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, MAX_PARAMETERS);
    }

    private static SQLiteDataSource readSource(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized <T> T transaction(Database.Work<T> work) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            try {
                execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                if (retry(e, attempt)) continue;
                throw failure(e);
            }
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException e) {
                rollback();
                if (retry(e, attempt)) continue;
                throw failure(e);
            } catch (RuntimeException | Error e) {
                rollback();
                throw e; // a bug, not the database: the caller's 500, not a 503
            } finally {
                autoCommitAgain();
            }
        }
    }

    @Override
    public <T> T read(Database.Work<T> work) throws StoreException {
        readers.acquireUninterruptibly();
        Connection c = idleReaders.poll();
        try {
            if (c == null) {
                c = readSource.getConnection();
                limitParameters(c);
                c.setAutoCommit(false);
            }
            T result = work.run(c);
            c.commit(); // ends the read transaction: the next read sees newer commits
            if (closed) c.close(); else idleReaders.offer(c);
            c = null;
            return result;
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (c != null) {
                try {
                    c.close(); // a reader in an unknown state is not reused
                } catch (SQLException ignored) {
                    // the original failure is what matters
                }
            }
            readers.release();
        }
    }

    /** True after waiting, when the failure was another process's lock and attempts remain. */
    private boolean retry(SQLException e, int attempt) throws StoreException {
        if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || attempt >= ATTEMPTS) return false;
        if (attempt == 1) LOG.warn("store: {} is locked by another process (an import?); waiting", file.getFileName());
        long backoff = Math.min(2_000L, 50L << Math.min(attempt, 6));
        try {
            Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException("store: interrupted while waiting for the database lock", e);
        }
        return true;
    }

    private StoreException failure(SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
            return new StoreException("store: " + file.getFileName() + " stayed locked by another process (an import, or a"
                    + " second server on the same data folder?); this transaction was rolled back (" + e.getMessage() + ")", e);
        }
        return new StoreException("store: " + e.getMessage(), e);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollback() {
        try {
            if (!connection.isClosed()) execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite ends it by itself on some errors); the failure is what matters
        }
    }

    /** {@link Connection#setSavepoint} turns the driver's auto-commit flag off; transactions here are begun by hand. */
    private void autoCommitAgain() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.unwrap(SQLiteConnection.class).getConnectionConfig().setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // closed meanwhile: the next transaction reports it
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection r; (r = idleReaders.poll()) != null; ) {
            try {
                r.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing to recover
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing to recover
        }
    }
}
