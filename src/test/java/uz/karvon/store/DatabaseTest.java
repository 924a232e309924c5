package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions at the store boundary: two connections to one file (two processes), and bugs versus failures. */
class DatabaseTest {
    @TempDir
    Path dir;

    /**
     * The transaction of one connection reads, then writes; another connection writes in between. With deferred
     * transactions the first one's snapshot is then stale and its write fails at once (SQLITE_BUSY_SNAPSHOT), which
     * is what {@code import} next to the running server ran into. Both must commit.
     */
    @Test
    void aTransactionThatReadsThenWritesWaitsForAnotherConnectionInsteadOfFailing() throws Exception {
        try (Database server = Database.open(dir); Database importer = Database.open(dir)) {
            CountDownLatch serverHasRead = new CountDownLatch(1), importerCommitted = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    server.transaction(c -> {
                        count(c);
                        serverHasRead.countDown();
                        // the importer's write lands now, unless this transaction holds the lock (then it waits for us)
                        await(importerCommitted);
                        insert(c, "server");
                        return null;
                    });
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(serverHasRead.await(30, TimeUnit.SECONDS)).isTrue();
            importer.transaction(c -> insert(c, "importer"));
            importerCommitted.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(feeds(importer)).containsExactlyInAnyOrder("server", "importer");
        }
    }

    /** A bug inside the store is not an outage: it passes through as itself, and nothing of its transaction stays. */
    @Test
    void aBugInsideATransactionIsNotADatabaseFailure() throws Exception {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.transaction(c -> {
                insert(c, "half-done");
                throw new IllegalStateException("a bug");
            })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("a bug");
            assertThat(feeds(db)).isEmpty();

            // a database failure is one
            assertThatThrownBy(() -> db.transaction(c -> c.prepareStatement("SELECT * FROM no_such_table").executeQuery()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no such table");
            db.transaction(c -> insert(c, "fine"));
            assertThat(feeds(db)).containsExactly("fine");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.SECONDS); // the time it costs when the lock is held, as it should be
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Void insert(java.sql.Connection c, String feed) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pull_stat (day, feed_id, partner_id, requests, ok,"
                + " not_modified, bytes, distinct_clients, reported_subscribers) VALUES ('2026-11-27', ?, '', 1, 1, 0, 0, 0, 0)")) {
            ps.setString(1, feed);
            ps.executeUpdate();
        }
        return null;
    }

    private static long count(java.sql.Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pull_stat"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> feeds(Database db) throws StoreException {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT feed_id FROM pull_stat"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }
}
