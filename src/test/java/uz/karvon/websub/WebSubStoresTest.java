package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.Topics;
import uz.karvon.store.Database;
import uz.karvon.store.TestDatabases;

/** The hub's subscriptions and our subscriptions to sources' hubs, stored and read back on both databases. */
class WebSubStoresTest {
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void subscriptionsAreReplacedByIdAndEndedOnesPurged(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            HubStore store = new HubStore(db);
            HubSubscription a = sub("a", "https://reader.test/cb/1", HubSubscription.State.ACTIVE, null);
            HubSubscription b = sub("b", "https://reader.test/cb/2", HubSubscription.State.EXPIRED, null);
            store.save(List.of(a, b), T);
            store.save(List.of(sub("a", "https://reader.test/cb/1", HubSubscription.State.ACTIVE, "etag-2")), T.plusSeconds(5));
            assertThat(store.loadAll()).extracting(HubSubscription::id, HubSubscription::deliveredEtag, HubSubscription::state)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", "etag-2", HubSubscription.State.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple("b", null, HubSubscription.State.EXPIRED));
            assertThat(store.purgeEndedBefore(T.plusSeconds(3_601))).isEqualTo(1);
            assertThat(store.loadAll()).extracting(HubSubscription::id).containsExactly("a");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSourcesSubscriptionIsOneRowPerSource(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            SourcePushStore store = new SourcePushStore(db);
            store.save(push("tok1", SourcePush.State.SUBSCRIBING, 0), T);
            store.save(push("tok2", SourcePush.State.ACTIVE, 3), T.plusSeconds(1));
            assertThat(store.loadAll()).singleElement().satisfies(p -> {
                assertThat(p.token()).isEqualTo("tok2");
                assertThat(p.state()).isEqualTo(SourcePush.State.ACTIVE);
                assertThat(p.pushes()).isEqualTo(3);
                assertThat(p.leaseExpires()).isEqualTo(T.plusSeconds(86_400));
            });
            store.delete("src");
            assertThat(store.loadAll()).isEmpty();
        }
    }

    private static HubSubscription sub(String id, String callback, HubSubscription.State state, String etag) {
        return new HubSubscription(id, new Topics.Topic("world", FeedFormat.RSS), callback, "secret", null, state, 3_600,
                T, T, T.plusSeconds(3_600), etag, null, 0, null, 0, null);
    }

    private static SourcePush push(String token, SourcePush.State state, long pushes) {
        return new SourcePush("src", URI.create("https://hub.test/"), URI.create("https://news.test/feed"), token, "s3cret",
                state, T, 86_400, T.plusSeconds(86_400), null, pushes, 0, null, false);
    }
}
