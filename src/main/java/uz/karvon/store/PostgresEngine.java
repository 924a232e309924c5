package uz.karvon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL behind a HikariCP pool: many transactions at once, from this instance and the others. Each
 * transaction is one pooled connection with auto-commit off; reads run {@code REPEATABLE READ, READ ONLY}, so one
 * read sees one snapshot, as on SQLite. A transaction that lost a race PostgreSQL reports (deadlock, serialization
 * failure, a concurrent insert of the same key) is rolled back and run again, a few times, with backoff.
 */
final class PostgresEngine implements Database.Engine {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);
    private static final int ATTEMPTS = 5;
    /** serialization_failure, deadlock_detected, unique_violation (a concurrent insert: the rerun sees the row). */
    private static final Set<String> RETRY = Set.of("40001", "40P01", "23505");

    private final PostgresUrl url;
    private final HikariDataSource pool;

    private PostgresEngine(PostgresUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    static PostgresEngine open(PostgresUrl url, int poolSize) throws StoreException {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("karvon");
        cfg.setJdbcUrl(url.jdbcUrl());
        cfg.setDataSourceProperties(properties(url, "karvon"));
        cfg.setMaximumPoolSize(poolSize);
        cfg.setMinimumIdle(Math.min(2, poolSize));
        cfg.setAutoCommit(false);
        // a request that cannot get a connection in this time is a 503 (the database is down or overloaded)
        cfg.setConnectionTimeout(10_000);
        try {
            HikariDataSource ds = new HikariDataSource(cfg);
            try {
                Migrations.run(ds, Dialect.POSTGRESQL);
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
            return new PostgresEngine(url, ds);
        } catch (RuntimeException e) {
            throw new StoreException("store: cannot open " + url + ": " + rootMessage(e), e);
        }
    }

    /** Driver properties: the credentials (never in the URL the pool keeps) and the name the server shows. */
    static Properties properties(PostgresUrl url, String applicationName) {
        Properties p = new Properties();
        if (url.user() != null) p.setProperty("user", url.user());
        if (url.password() != null) p.setProperty("password", url.password());
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    PostgresUrl url() {
        return url;
    }

    @Override
    public <T> T transaction(Database.Work<T> work) throws StoreException {
        return run(work, false);
    }

    @Override
    public <T> T read(Database.Work<T> work) throws StoreException {
        return run(work, true);
    }

    private <T> T run(Database.Work<T> work, boolean readOnly) throws StoreException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                try {
                    if (readOnly) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                        }
                    }
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollback(c);
                    if (!retry(e, attempt)) throw failure(e);
                } catch (RuntimeException | Error e) {
                    rollback(c);
                    throw e; // a bug, not the database: the caller's 500, not a 503
                }
            } catch (SQLException e) {
                throw failure(e); // no connection (the database is down, or every connection is busy)
            }
        }
    }

    private static boolean retry(SQLException e, int attempt) throws StoreException {
        if (!RETRY.contains(e.getSQLState()) || attempt >= ATTEMPTS) return false;
        LOG.debug("store: {} (attempt {}), running the transaction again", e.getSQLState(), attempt);
        long backoff = Math.min(1_000L, 10L << attempt);
        try {
            Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException("store: interrupted while retrying a transaction", e);
        }
        return true;
    }

    private static void rollback(Connection c) {
        try {
            if (!c.isClosed()) c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it, and the failure is what matters
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("store: " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Connections in use, idle, and threads waiting for one. */
    Database.PoolState poolState() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) return new Database.PoolState(pool.getMaximumPoolSize(), 0, 0, 0);
        return new Database.PoolState(pool.getMaximumPoolSize(), bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection());
    }

    @Override
    public void close() {
        pool.close();
    }
}
