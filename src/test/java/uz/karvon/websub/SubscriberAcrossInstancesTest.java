package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.store.TestDatabases;

/**
 * karvon as a WebSub subscriber when several instances share one PostgreSQL: the instance that polls a source
 * subscribes, but a load balancer sends the hub's verification and pushes to any instance, and each must answer them
 * from the stored subscription. The other instance here started before the subscription existed (it has never seen
 * it), and {@link SpecHub} (written from the Recommendation) sends to it.
 */
class SubscriberAcrossInstancesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "admin-across";

    @TempDir
    Path dir;
    final Http http = new Http();
    final MutableClock clock = new MutableClock(TestKarvon.T0);

    @Test
    void theHubsVerificationAndPushesAreAnsweredByAnyInstanceFromTheStoredSubscription() throws Exception {
        Map<String, String> env = Map.of("KARVON_DATABASE_URL", TestDatabases.freshPostgres().display(),
                "KARVON_ADMIN_TOKEN", ADMIN);
        try (SpecHub hub = new SpecHub()) {
            hub.feed(SpecHub.entry("first", "The first story", "<p>Already there.</p>"));
            Path ca = TestKarvon.write(dir, "a.yml", config(hub, false)), cb = TestKarvon.write(dir, "b.yml", config(hub, false));
            try (KarvonServer a = TestKarvon.start(ca, dir.resolve("a"), env, clock, false);
                 KarvonServer b = TestKarvon.start(cb, dir.resolve("b"), env, clock, false)) {
                // the source is added to both while they run: the one that polls it first subscribes
                Files.writeString(ca, config(hub, true));
                Files.writeString(cb, config(hub, true));
                for (KarvonServer s : List.of(a, b)) {
                    assertThat(http.post(TestKarvon.base(s) + "/api/reload", "", "Authorization", "Bearer " + ADMIN).statusCode())
                            .isEqualTo(200);
                }
                Map<String, String> request = hub.awaitRequest();
                String callback = request.get("hub.callback");
                String subscriber = callback.startsWith(TestKarvon.base(a) + "/") ? TestKarvon.base(a) : TestKarvon.base(b);
                String other = subscriber.equals(TestKarvon.base(a)) ? TestKarvon.base(b) : TestKarvon.base(a);
                assertThat(callback).startsWith(subscriber + "/websub/callback/");
                String viaOther = other + callback.substring(subscriber.length());

                // §5.3 at the instance that did not ask: it agrees, from the stored subscription
                assertThat(hub.verify(viaOther, "subscribe", hub.base() + "/other.atom", "c0", 7200L).statusCode()).isEqualTo(404);
                HttpResponse<String> ok = hub.verify(viaOther, "subscribe", hub.topic(), "echo-across", 7200L);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("echo-across");
                for (String base : List.of(subscriber, other)) {
                    assertThat(push(base).path("state").asText()).as(base).isEqualTo("active");
                    assertThat(push(base).path("lease_expires").asText()).isEqualTo(clock.instant().plusSeconds(7200).toString());
                }

                // a signed push to either instance is stored once and served by both; a forged one by neither
                String body = hub.document(SpecHub.entry("pushed", "Pushed to the other instance", "<p>One.</p>"));
                assertThat(hub.push(viaOther, body, SpecHub.sign("sha256", request.get("hub.secret"), body)).statusCode()).isEqualTo(202);
                String forged = hub.document(SpecHub.entry("forged", "Forged story", "<p>No.</p>"));
                assertThat(hub.push(viaOther, forged, SpecHub.sign("sha256", "not-the-secret", forged)).statusCode()).isEqualTo(202);
                String again = hub.document(SpecHub.entry("pushed-2", "Pushed to the subscriber", "<p>Two.</p>"));
                assertThat(hub.push(callback, again, SpecHub.sign("sha1", request.get("hub.secret"), again)).statusCode()).isEqualTo(202);
                for (String base : List.of(subscriber, other)) {
                    String feed = TestKarvon.await(() -> Http.text(http.get(base + "/feeds/partner-news.atom")),
                            f -> f.contains("Pushed to the other instance") && f.contains("Pushed to the subscriber"));
                    assertThat(feed).doesNotContain("Forged story");
                    assertThat(feed.split("<entry", -1)).as("three entries, each stored once: first, pushed, pushed-2").hasSize(4);
                }
                JsonNode p = TestKarvon.await(() -> push(other), n -> n.path("pushes").asLong() == 2);
                assertThat(p.path("rejected_pushes").asLong()).isEqualTo(1);
                assertThat(hub.noRequest()).as("one subscription for the cluster, not one per instance").isTrue();
                // a token that is nobody's: 410 on every instance
                assertThat(hub.push(other + "/websub/callback/0123456789abcdef0123", forged, null).statusCode()).isEqualTo(410);
            }
        }
    }

    private JsonNode push(String base) throws Exception {
        JsonNode sources = JSON.readTree(http.get(base + "/api/sources", "Authorization", "Bearer " + ADMIN).body()).path("sources");
        for (JsonNode s : sources) if (s.path("id").asText().equals("partner")) return s.path("push");
        return JSON.missingNode();
    }

    private static String config(SpecHub hub, boolean withSource) {
        return """
                security:
                  admin_token: {env: KARVON_ADMIN_TOKEN}
                database:
                  url: {env: KARVON_DATABASE_URL}
                  pool_size: 4
                websub:
                  allow_private_callbacks: true
                  push_poll_interval: 2h
                """ + (withSource ? hub.partnerConfig() : """
                feeds:
                  - id: partner-news
                    title: Partner news
                    language: all
                """);
    }
}
