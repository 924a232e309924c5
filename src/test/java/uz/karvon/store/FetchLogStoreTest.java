package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The fetch history stays bounded per source, newest first, and one source's writes never trim another's. */
class FetchLogStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keepsTheNewestFiftyFetchesOfEachSource(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            FetchLogStore store = new FetchLogStore(db);
            store.append(List.of(row("b", 1), row("b", 2)));
            for (int batch = 0; batch < 3; batch++) { // 3 × 25 fetches of a, in three commits
                List<FetchLogStore.Row> rows = new ArrayList<>();
                for (int i = 0; i < 25; i++) rows.add(row("a", 1_000 + batch * 25 + i));
                store.append(rows);
            }
            List<FetchLogStore.Row> a = store.recent("a", 1_000);
            assertThat(a).hasSize(FetchLogStore.KEPT);
            assertThat(a.get(0).fetchedAt()).isEqualTo(1_074);
            assertThat(a.get(a.size() - 1).fetchedAt()).isEqualTo(1_025);
            assertThat(a.get(0).error()).isNull();
            assertThat(a.get(1).error()).isEqualTo("HTTP 503 at 1073");
            assertThat(a.get(1).httpStatus()).isEqualTo(503);
            assertThat(store.recent("b", 10)).extracting(FetchLogStore.Row::fetchedAt).containsExactly(2L, 1L);
            assertThat(store.recent("c", 10)).isEmpty();
        }
    }

    private static FetchLogStore.Row row(String source, long at) {
        return new FetchLogStore.Row(source, at, 12, at % 2 == 0 ? 200 : 503, 1234, 2, 1, null, at % 2 == 0 ? null : "HTTP 503 at " + at);
    }
}
