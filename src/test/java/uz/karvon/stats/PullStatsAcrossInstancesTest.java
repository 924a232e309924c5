package uz.karvon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.TestDatabases;

/**
 * Several instances count pulls of the same feed on the same day and flush at the same moments: their counters are
 * summed and their sketches merged, so nothing is lost to a concurrent flush and a reader seen by two instances is
 * counted once.
 */
class PullStatsAcrossInstancesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void flushesOfThreeInstancesAtOnceAreSummedAndMerged(TestDatabases.Kind kind) throws Exception {
        TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
        TestDatabases.Target target = TestDatabases.target(kind, dir);
        List<Database> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) dbs.add(target.open());
            int rounds = 5, perRound = 400;
            CyclicBarrier together = new CyclicBarrier(dbs.size());
            List<CompletableFuture<Void>> instances = new ArrayList<>();
            for (Database db : dbs) {
                int k = dbs.indexOf(db);
                PullStats stats = new PullStats(new PullStatStore(db), clock);
                instances.add(CompletableFuture.runAsync(() -> {
                    try {
                        for (int r = 0; r < rounds; r++) {
                            // 400 readers per instance and round, half of them also seen by the next instance: 800 a round
                            for (int i = 0; i < perRound; i++) {
                                stats.record("en", null, "198.51.100.7", "Reader/" + (r * 10_000 + k * 200 + i), i % 2 == 0 ? 200 : 304, 10);
                            }
                            together.await(30, TimeUnit.SECONDS);
                            stats.flush(); // all three at once
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<Void> f : instances) f.get(60, TimeUnit.SECONDS);

            List<PullStatStore.Row> rows = new PullStatStore(dbs.get(0)).since("2026-11-27");
            assertThat(rows).hasSize(1);
            PullStatStore.Row en = rows.get(0);
            assertThat(en.requests()).isEqualTo(3L * rounds * perRound);
            assertThat(en.ok()).isEqualTo(3L * rounds * perRound / 2);
            assertThat(en.bytes()).isEqualTo(10L * en.ok() + 10L * en.notModified());
            // a flush that overwrote another's merge would lose that instance's new readers of the round
            assertThat(en.distinctClients()).as("800 new readers a round, across instances").isBetween(3_800L, 4_200L);
        } finally {
            dbs.forEach(Database::close);
        }
    }
}
