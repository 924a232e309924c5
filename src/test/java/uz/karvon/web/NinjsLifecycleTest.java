package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.publish.render.NinjsSchema;
import uz.karvon.server.FeedView;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/**
 * One story's life as a partner's ninjs client sees it, through the CMS API and a real server on the bundled
 * configuration: published, corrected, embargoed, lifted, withdrawn. {@code version}, {@code pubStatus} and
 * {@code embargoedUntil} follow; {@code uri} never changes.
 */
class NinjsLifecycleTest {
    static final String CMS = "ninjs-cms-token";
    static final String PARTNER = "ninjs-lifecycle-partner";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("KARVON_CMS_TOKEN", CMS, "KARVON_DEMO_PARTNER_KEY", PARTNER);
        server = TestKarvon.start(TestKarvon.copyBundled(dir), dir.resolve("data"), env, clock, false);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static ObjectNode story(String title) {
        return JSON.createObjectNode().put("id", "life-1-en").put("lang", "en").put("translation_key", "life-1")
                .put("slug", "cotton-harvest-record").put("title", title).put("summary", "Farmers report a record.")
                .put("body_html", "<p>Farmers in Fergana report a record cotton harvest.</p>").put("section", "agriculture");
    }

    static void post(ObjectNode body, int status) throws Exception {
        HttpResponse<byte[]> r = http.post(base + "/api/articles", body.toString(), "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(status);
    }

    /** {@code /api/ninjs/life-1-en}, anonymously or as the partner; null when 404. */
    static JsonNode api(boolean partner) throws Exception {
        String url = base + "/api/ninjs/life-1-en";
        HttpResponse<byte[]> r = partner ? http.get(url, "Authorization", "Bearer " + PARTNER) : http.get(url);
        if (r.statusCode() == 404) return null;
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode o = JSON.readTree(r.body());
        assertThat(NinjsSchema.problems(o)).isEmpty();
        return o;
    }

    /** The story's object in a feed's ninjs (the wire with the partner's key), or null. */
    static JsonNode inFeed(String feed) throws Exception {
        String url = base + "/feeds/" + feed + ".ninjs";
        HttpResponse<byte[]> r = feed.equals("wire") ? http.get(url, "Authorization", "Bearer " + PARTNER) : http.get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        for (JsonNode o : JSON.readTree(r.body())) {
            assertThat(NinjsSchema.problems(o)).isEmpty();
            if (o.path("uri").asText().equals(FeedView.itemId("life-1-en"))) return o;
        }
        return null;
    }

    @Test
    void publishedCorrectedEmbargoedLiftedWithdrawn() throws Exception {
        String uri = FeedView.itemId("life-1-en");
        Instant t = clock.instant();
        post(story("Record cotton harvest in Fergana").put("published", t.toString()), 201);
        JsonNode v1 = api(false);
        assertThat(v1.path("uri").asText()).isEqualTo(uri);
        assertThat(v1.path("version").asText()).isEqualTo("1");
        assertThat(v1.path("pubStatus").asText()).isEqualTo("usable");
        assertThat(v1.has("embargoedUntil")).isFalse();
        assertThat(inFeed("en").path("version").asText()).isEqualTo("1");

        clock.advance(Duration.ofMinutes(10));
        post(story("Record cotton harvest in Fergana valley").put("correction_note", "valley added"), 200);
        JsonNode v2 = api(false);
        assertThat(v2.path("uri").asText()).isEqualTo(uri);
        assertThat(v2.path("version").asText()).as("a correction").isEqualTo("2");
        assertThat(v2.path("headlines").get(0).path("value").asText()).isEqualTo("Record cotton harvest in Fergana valley");
        assertThat(Instant.parse(v2.path("versionCreated").asText())).isAfter(Instant.parse(v1.path("versionCreated").asText()));
        assertThat(v2.path("firstCreated").asText()).isEqualTo(v1.path("firstCreated").asText());
        assertThat(v2.path("descriptions").findValuesAsText("role")).contains("correction");
        assertThat(inFeed("en").path("version").asText()).isEqualTo("2");

        // put under embargo: gone from public output, withheld on the wire and for the partner
        Instant lift = clock.instant().plus(Duration.ofHours(2));
        post(story("Record cotton harvest in Fergana valley").put("embargo_until", lift.toString()), 200);
        assertThat(api(false)).as("hidden from the public").isNull();
        assertThat(inFeed("en")).isNull();
        JsonNode withheld = api(true);
        assertThat(withheld.path("pubStatus").asText()).isEqualTo("withheld");
        assertThat(Instant.parse(withheld.path("embargoedUntil").asText())).isEqualTo(lift);
        assertThat(withheld.path("version").asText()).isEqualTo("3");
        JsonNode wire = inFeed("wire");
        assertThat(wire.path("pubStatus").asText()).isEqualTo("withheld");
        assertThat(wire.path("uri").asText()).isEqualTo(uri);
        assertThat(Instant.parse(wire.path("embargoedUntil").asText())).isEqualTo(lift);

        // the embargo lifts by the clock alone
        clock.advance(Duration.ofHours(3));
        JsonNode lifted = api(false);
        assertThat(lifted.path("pubStatus").asText()).isEqualTo("usable");
        assertThat(lifted.has("embargoedUntil")).isFalse();
        assertThat(inFeed("en").path("pubStatus").asText()).isEqualTo("usable");
        assertThat(inFeed("wire").path("pubStatus").asText()).isEqualTo("usable");

        // withdrawn: canceled, without the text, on the API and the wire for the tombstone retention
        HttpResponse<byte[]> kill = http.delete(base + "/api/articles/life-1-en?reason=legal", "Authorization", "Bearer " + CMS);
        assertThat(kill.statusCode()).isEqualTo(200);
        JsonNode canceled = api(false);
        assertThat(canceled.path("uri").asText()).isEqualTo(uri);
        assertThat(canceled.path("pubStatus").asText()).isEqualTo("canceled");
        assertThat(canceled.path("version").asText()).isEqualTo("4");
        assertThat(canceled.has("headlines") || canceled.has("bodies") || canceled.has("descriptions")).as("no text").isFalse();
        assertThat(canceled.path("edNote").asText()).contains("legal");
        assertThat(inFeed("en")).as("public feeds drop it").isNull();
        assertThat(inFeed("wire").path("pubStatus").asText()).isEqualTo("canceled");

        clock.advance(Duration.ofDays(31));
        assertThat(api(false)).as("after server.tombstone_retention").isNull();
        assertThat(inFeed("wire")).isNull();
    }
}
