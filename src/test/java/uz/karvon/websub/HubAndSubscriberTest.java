package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/**
 * Two karvon servers: A publishes and runs its hub, B follows A's English feed as a source. B finds A's hub on its
 * first poll and subscribes; a story posted to A's CMS reaches B's merged feed by push, with no poll in between
 * (B's clock never moves, so no poll is due), and from there B's own subscribers: a new source item in a merged
 * feed is a change like any other.
 */
class HubAndSubscriberTest {
    static final Http http = new Http();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStoryPostedToOneKarvonIsPushedIntoAnother(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(TestKarvon.T0);
        Map<String, String> env = Map.of("KARVON_CMS_TOKEN", "cms-a", "KARVON_ADMIN_TOKEN", "admin");
        TestKarvon.write(dir, "a.yml", """
                security:
                  cms_token: {env: KARVON_CMS_TOKEN}
                  admin_token: {env: KARVON_ADMIN_TOKEN}
                websub:
                  allow_private_callbacks: true
                feeds:
                  - id: en
                    title: Agency A in English
                    language: en
                """);
        try (KarvonServer a = TestKarvon.start(dir.resolve("a.yml"), dir.resolve("a"), env, clock, false)) {
            String aBase = TestKarvon.base(a);
            TestKarvon.write(dir, "b.yml", """
                    security:
                      admin_token: {env: KARVON_ADMIN_TOKEN}
                    websub:
                      allow_private_callbacks: true
                    sources:
                      - id: agency-a
                        url: %s/feeds/en.atom
                        interval: 10m
                    feeds:
                      - id: partners
                        title: Partner agencies
                        language: all
                        articles: false
                        sources: [agency-a]
                    """.formatted(aBase));
            try (KarvonServer b = TestKarvon.start(dir.resolve("b.yml"), dir.resolve("b"), env, clock, false);
                 SpecSubscriber reader = new SpecSubscriber()) {
                String bBase = TestKarvon.base(b);
                assertThat(reader.subscribe(bBase + "/websub", bBase + "/feeds/partners.atom", "reader", null, "r-secret")
                        .statusCode()).isEqualTo(202);
                reader.awaitVerification("reader");
                await(() -> hub(bBase), w -> w.path("subscriptions").toString().contains("\"state\":\"active\""));
                JsonNode sub = await(() -> hub(aBase), w -> w.path("subscriptions").size() == 1
                        && w.path("subscriptions").get(0).path("state").asText().equals("active"));
                assertThat(sub.path("subscriptions").get(0).path("topic").asText()).isEqualTo(aBase + "/feeds/en.atom");
                assertThat(sub.path("subscriptions").get(0).path("signed").asBoolean()).isTrue();
                await(() -> source(bBase), s -> s.path("push").path("state").asText().equals("active"));

                HttpResponse<byte[]> r = http.post(aBase + "/api/articles", """
                        {"id": "pushed-1", "lang": "en", "translation_key": "pushed-1", "slug": "pushed-1",
                         "title": "Pushed from A to B", "summary": "Arrives without a poll."}""",
                        "Authorization", "Bearer cms-a");
                assertThat(r.statusCode()).isEqualTo(201);
                JsonNode s = await(() -> source(bBase), x -> x.path("push").path("pushes").asLong() == 1);
                assertThat(s.path("push").path("rejected_pushes").asLong()).isZero();
                assertThat(TestKarvon.Http.text(http.get(bBase + "/feeds/partners.atom"))).contains("Pushed from A to B");
                SpecSubscriber.Delivery d = reader.awaitDelivery("reader");
                // the hub may have sent the feed as it was once before (it could not know what the reader had)
                if (!d.text().contains("Pushed from A to B")) d = reader.awaitDelivery("reader");
                assertThat(d.text()).contains("Pushed from A to B");
                assertThat(SpecSubscriber.signatureValid("r-secret", d.body(), d.signature())).isTrue();
                assertThat(hub(aBase).path("counts").path("deliveries").path("delivered").asLong()).isEqualTo(1);
            }
        }
    }

    interface Get {
        JsonNode get() throws Exception;
    }

    static JsonNode await(Get get, Predicate<JsonNode> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode n = get.get();
            if (done.test(n)) return n;
            if (System.nanoTime() > until) throw new AssertionError("not reached: " + n.toPrettyString());
            Thread.sleep(20);
        }
    }

    static JsonNode hub(String base) throws Exception {
        return JSON.readTree(http.get(base + "/api/websub", "Authorization", "Bearer admin").body());
    }

    static JsonNode source(String base) throws Exception {
        return JSON.readTree(http.get(base + "/api/sources", "Authorization", "Bearer admin").body()).path("sources").get(0);
    }
}
