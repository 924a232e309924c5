package uz.karvon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded database: one SQLite file under the data directory, migrated by Flyway on open.
 * SQLite has one writer at a time, so every statement goes through one connection, serialised by
 * {@link #transaction}; reads are rare because feeds are served from the render cache.
 */
public final class Database implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
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
            return new Database(file, c);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
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
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing to recover
        }
    }
}
