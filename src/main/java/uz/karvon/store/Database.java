package uz.karvon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded database: one SQLite file under the data directory, migrated by Flyway on open.
 * SQLite has one writer at a time, so every write goes through one connection, serialised by
 * {@link #transaction}. Reads that need no write ({@link #read}) use a few read-only connections of their
 * own: under WAL they see the last commit and neither wait for the writer nor block it.
 */
public final class Database implements AutoCloseable {
    /** Concurrent readers; more would only queue for the two cores. */
    private static final int READERS = 4;
    private final Path file;
    private final Connection connection;
    private final SQLiteDataSource readSource;
    private final LinkedBlockingQueue<Connection> idleReaders = new LinkedBlockingQueue<>();
    private final Semaphore readers = new Semaphore(READERS);
    private volatile boolean closed;

    private Database(Path file, Connection connection, SQLiteDataSource readSource) {
        this.file = file;
        this.connection = connection;
        this.readSource = readSource;
    }

    public static Database open(Path dataDir) throws StoreException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("store: cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve("karvon.db").toAbsolutePath();
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: an acknowledged article survives kill -9 and power loss alike.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(5000);
        cfg.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            Connection c = ds.getConnection();
            c.setAutoCommit(false);
            return new Database(file, c, readSource(file));
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteDataSource readSource(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    public Path file() {
        return file;
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in one transaction: all of it is stored, or none. */
    public synchronized <T> T transaction(Work<T> work) throws StoreException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            if (e instanceof RuntimeException r && !(e instanceof IllegalStateException)) throw r;
            throw new StoreException("store: " + e.getMessage(), e);
        }
    }

    /**
     * Runs read-only work on a reader connection, in one read transaction (one consistent snapshot), without
     * waiting for the writer. Work that writes fails there (the connection is read-only): use {@link #transaction}.
     */
    public <T> T read(Work<T> work) throws StoreException {
        readers.acquireUninterruptibly();
        Connection c = idleReaders.poll();
        try {
            if (c == null) {
                c = readSource.getConnection();
                c.setAutoCommit(false);
            }
            T result = work.run(c);
            c.commit(); // ends the read transaction: the next read sees newer commits
            if (closed) c.close(); else idleReaders.offer(c);
            c = null;
            return result;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof RuntimeException r && !(e instanceof IllegalStateException)) throw r;
            throw new StoreException("store: " + e.getMessage(), e);
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

    /** A cheap liveness probe for /health. */
    public boolean ping() {
        try {
            return transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeQuery("SELECT 1").next();
                }
            });
        } catch (StoreException e) {
            return false;
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
