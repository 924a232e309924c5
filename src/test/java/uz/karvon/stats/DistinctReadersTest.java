package uz.karvon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.PullStatStore;

/**
 * Distinct readers are whatever User-Agents clients choose to send: counted in a fixed-size sketch, within its
 * stated error (1.6 % standard error; asserted within 3σ ≈ 5 %), and across a restart without counting anyone twice.
 */
class DistinctReadersTest {
    @TempDir
    Path dir;

    @Test
    void manyMoreReadersThanEverKeptAreCountedInAFixedSketchThatSurvivesARestart() throws Exception {
        TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
        try (Database db = Database.open(dir)) {
            PullStats stats = new PullStats(new PullStatStore(db), clock);
            for (int i = 0; i < 300_000; i++) stats.record("en", null, "198.51.100.7", "Reader/" + i, 200, 100);
            stats.record("en", "demo", "203.0.113.1", "Partner", 200, 100);
            stats.flush();
            for (int i = 0; i < 1_000; i++) stats.record("en", null, "198.51.100.7", "Reader/" + i, 304, 0); // seen already
            PullStatStore.Row en = row(stats.report(1), "en", "");
            assertThat(en.requests()).isEqualTo(301_000);
            assertThat(en.distinctClients()).isBetween(285_000L, 315_000L);
            assertThat(row(stats.report(1), "en", "demo").distinctClients()).isEqualTo(1);
        }
        assertThat(sketchBytes()).as("the stored sketch does not grow with the readers").containsOnly(3072);

        try (Database db = Database.open(dir)) { // restarted; half of these readers were counted before
            PullStats stats = new PullStats(new PullStatStore(db), clock);
            for (int i = 250_000; i < 350_000; i++) stats.record("en", null, "198.51.100.7", "Reader/" + i, 200, 100);
            PullStatStore.Row en = row(stats.report(1), "en", "");
            assertThat(en.requests()).isEqualTo(401_000);
            assertThat(en.distinctClients()).isBetween(332_500L, 367_500L);
        }
        assertThat(sketchBytes()).containsOnly(3072);
    }

    private List<Integer> sketchBytes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("karvon.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT length(reader_sketch) FROM pull_stat")) {
            List<Integer> out = new java.util.ArrayList<>();
            while (rs.next()) out.add(rs.getInt(1));
            return out;
        }
    }

    private static PullStatStore.Row row(List<PullStatStore.Row> rows, String feed, String partner) {
        return rows.stream().filter(r -> r.feedId().equals(feed) && r.partnerId().equals(partner)).findFirst().orElseThrow();
    }
}
