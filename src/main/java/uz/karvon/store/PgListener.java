package uz.karvon.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on one channel over a connection of its own (not the pool's: it is held for as long as the
 * process runs). Every batch of notifications calls {@code onNotify} once. A lost connection is opened again with
 * backoff, and {@code onNotify} is called after every (re)connect, since notifications sent meanwhile are lost;
 * the caller's periodic check covers the gap while it is down.
 */
final class PgListener implements Database.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    private static final int WAIT_MILLIS = 500;

    private final PostgresUrl url;
    private final String channel;
    private final Runnable onNotify;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection current;

    PgListener(PostgresUrl url, String channel, Runnable onNotify) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("channel: " + channel);
        this.url = url;
        this.channel = channel;
        this.onNotify = onNotify;
        this.thread = new Thread(this::loop, "karvon-listen-" + channel);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public boolean listening() {
        return listening;
    }

    private void loop() {
        long backoff = 250;
        boolean warned = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), PostgresEngine.properties(url, "karvon-listen"))) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                listening = true;
                if (warned) LOG.info("store: listening for changes on {} again", url);
                warned = false;
                backoff = 250;
                notifySafely(); // what was sent while not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] batch = pg.getNotifications(WAIT_MILLIS);
                    if (batch != null && batch.length > 0) notifySafely();
                }
            } catch (SQLException e) {
                listening = false;
                if (closed) return;
                if (!warned) {
                    LOG.warn("store: change notifications from {} lost ({}); reconnecting, and checking the change log"
                            + " periodically meanwhile", url, e.getMessage());
                    warned = true;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                listening = false;
                current = null;
            }
        }
    }

    private void notifySafely() {
        try {
            onNotify.run();
        } catch (RuntimeException e) {
            LOG.warn("store: change notification handler: {}", e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
