package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cluster rows on both databases: a key stored first keeps its row, clusters read back whole and in order. */
class StoryClusterStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aKeyStoredFirstKeepsItsClusterAndClustersReadBackInOrder(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            StoryClusterStore store = new StoryClusterStore(db);
            assertThat(store.insertNew(List.of(member("i:one", "c1", 100, null), member("a:two", "c1", 200, "story-2"),
                    member("i:Three", "c2", 300, null)))).isEmpty();
            // another instance placed i:one in c9: it keeps c1, and the stored row is returned
            Map<String, ClusterMember> taken = store.insertNew(List.of(member("i:one", "c9", 150, null), member("i:four", "c2", 400, null)));
            assertThat(taken).containsOnlyKeys("i:one");
            assertThat(taken.get("i:one").clusterId()).isEqualTo("c1");
            assertThat(store.clustersOf(List.of("i:one")).get("c1")).extracting(ClusterMember::itemKey).containsExactly("i:one", "a:two");
            assertThat(store.reachOf(List.of("c1", "c2", "c7"))).containsOnly(
                    Map.entry("c1", new StoryClusterStore.Reach(2, Set.of("src"), true)),
                    Map.entry("c2", new StoryClusterStore.Reach(2, Set.of("src"), false)));
            assertThat(store.clusterOfStory("story-2")).isEqualTo("c1");
            assertThat(store.clusteredSince(200, 10)).extracting(ClusterMember::itemKey).containsExactly("a:two", "i:Three", "i:four");
            assertThat(store.clustersPublishedSince(350, 10)).extracting(ClusterMember::itemKey).containsExactly("i:Three", "i:four");
            store.update(new ClusterMember("i:one", "c1", "src", null, "uz", "https://e.test/1b", null, "new title", "s",
                    Instant.ofEpochMilli(120), null, Instant.ofEpochMilli(100)));
            assertThat(store.byKeys(List.of("i:one")).get("i:one").title()).isEqualTo("new title");
            assertThat(store.purgePublishedBefore(Instant.ofEpochMilli(250))).isEqualTo(2);
            assertThat(store.byKeys(List.of("i:one", "a:two", "i:Three"))).containsOnlyKeys("i:Three");
        }
    }

    private static ClusterMember member(String key, String cluster, long at, String story) {
        boolean article = key.startsWith("a:");
        return new ClusterMember(key, cluster, article ? null : "src", story, "uz", article ? null : "https://e.test/" + key,
                article ? "slug-" + at : null, "title " + key, "summary", Instant.ofEpochMilli(at),
                Instant.ofEpochMilli(at), Instant.ofEpochMilli(at));
    }
}
