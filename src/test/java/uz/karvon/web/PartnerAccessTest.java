package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.FeedView;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.server.Xml;

/** Private feeds, partner credentials and rate limits, embargo lifting on the clock, and tombstones. */
class PartnerAccessTest {
    static final String CMS = "cms-token-partner-test";
    static final String DEMO = "demo-partner-key-5678";
    static final String OTHER = "other-partner-key";
    static final String LIMITED = "limited-partner-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of("KARVON_CMS_TOKEN", CMS, "KARVON_DEMO_PARTNER_KEY", DEMO,
            "OTHER_PARTNER_KEY", OTHER, "LIMITED_PARTNER_KEY", LIMITED);

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    static Path config(Path into) throws Exception {
        try (InputStream in = PartnerAccessTest.class.getResourceAsStream("/it/partners-feeds.yml")) {
            Path p = into.resolve("feeds.yml");
            Files.copy(in, p);
            return p;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestKarvon.start(config(dir), dir.resolve("data"), ENV, clock, true);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    static FeedView publicFeed(String id, String fmt) throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/feeds/" + id + "." + fmt);
        assertThat(r.statusCode()).isEqualTo(200);
        return FeedView.parse(fmt, r.body());
    }

    static HttpResponse<byte[]> wire(String fmt) throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/feeds/wire." + fmt, "Authorization", "Bearer " + DEMO);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    @Test
    void theWireAnswersOnlyToAPartnerAllowedToReadIt() throws Exception {
        String url = base + "/feeds/wire.rss";
        HttpResponse<byte[]> anon = http.get(url);
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(anon.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=\"karvon\"");
        assertThat(anon.body()).asString().doesNotContain("<item>");
        assertThat(http.get(url, "Authorization", "Bearer wrong-key").statusCode()).isEqualTo(401);
        assertThat(http.get(url + "?key=wrong-key").statusCode()).isEqualTo(401);
        assertThat(http.get(url, "Authorization", basic("other", DEMO)).statusCode()).as("right key, wrong partner id").isEqualTo(401);

        HttpResponse<byte[]> bearer = http.get(url, "Authorization", "Bearer " + DEMO);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(bearer.headers().firstValue("Vary").orElse("")).contains("Authorization");
        assertThat(FeedView.parse("rss", bearer.body()).ids()).as("every language version").contains(FeedView.itemId("kaa-2026-0001-uz-latn"),
                FeedView.itemId("kaa-2026-0001-ru"), FeedView.itemId("kaa-2026-0001-en"), FeedView.itemId("kaa-2026-0001-zh-hans"), FeedView.itemId("kaa-2026-0001-ar"));
        assertThat(http.get(url, "Authorization", basic("demo", DEMO)).statusCode()).isEqualTo(200);
        assertThat(http.get(url + "?key=" + DEMO).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> json = http.get(base + "/feeds/wire.json", "Authorization", "Bearer " + DEMO);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS on private feeds").isEmpty();

        assertThat(http.get(url, "Authorization", "Bearer " + OTHER).statusCode()).as("partner of another feed").isEqualTo(403);
        assertThat(http.get(base + "/feeds/briefs.rss", "Authorization", "Bearer " + OTHER).statusCode()).isEqualTo(200);
        assertThat(http.get(base + "/feeds/briefs.rss", "Authorization", "Bearer " + DEMO).statusCode()).isEqualTo(403);
        assertThat(http.get(url, "Authorization", "Bearer noembargo-key").statusCode())
                .as("wire* matches, but the wire carries embargoed stories").isEqualTo(403);
    }

    @Test
    void aPartnerOverItsRequestsPerMinuteGets429WithRetryAfter() throws Exception {
        String url = base + "/feeds/briefs.atom";
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(url, "Authorization", "Bearer " + LIMITED).statusCode()).as("request " + (i + 1)).isEqualTo(200);
        }
        HttpResponse<byte[]> limited = http.get(url, "Authorization", "Bearer " + LIMITED);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(http.get(url, "Authorization", "Bearer " + OTHER).statusCode()).as("other partners are unaffected").isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(http.get(url, "Authorization", "Bearer " + LIMITED).statusCode()).isEqualTo(200);
        assertThat(http.get(url, "Authorization", "Bearer " + LIMITED).statusCode()).isEqualTo(429);
    }

    @Test
    void anEmbargoedStoryIsOnTheWireOnlyUntilItsInstantThenPublicWithoutAnotherWrite() throws Exception {
        Instant now = clock.instant();
        Instant lift = now.plus(Duration.ofHours(1));
        ObjectNode a = JSON.createObjectNode().put("id", "emb-1").put("lang", "en").put("translation_key", "emb-1")
                .put("slug", "budget-2027-presented").put("title", "Budget for 2027 presented to parliament")
                .put("published", now.toString()).put("embargo_until", lift.toString());
        // prime every cache before the write and after it
        for (String fmt : List.of("rss", "atom", "json")) publicFeed("en", fmt);
        HttpResponse<byte[]> r = http.post(base + "/api/articles", a.toString(), "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
        String id = FeedView.itemId("emb-1");

        Xml rss = new Xml(wire("rss").body());
        assertThat(rss.string("//item[guid='" + id + "']/category[@domain='https://karvon.uz/ns/status']")).isEqualTo("embargoed");
        assertThat(rss.string("//item[guid='" + id + "']/k:embargoUntil")).isNotBlank();
        Xml atom = new Xml(wire("atom").body());
        assertThat(atom.count("//a:entry[a:id='" + id + "']/a:category[@term='embargoed'][@scheme='https://karvon.uz/ns/status']")).isEqualTo(1);
        assertThat(Instant.parse(atom.string("//a:entry[a:id='" + id + "']/k:embargoUntil").replace("+00:00", "Z"))).isEqualTo(lift);
        JsonNode item = findJson(wire("json").body(), id);
        assertThat(Instant.parse(item.path("_karvon").path("embargo_until").asText().replace("+00:00", "Z"))).isEqualTo(lift);
        for (String fmt : List.of("rss", "atom", "json")) {
            assertThat(publicFeed("en", fmt).ids()).as("en." + fmt + " before the embargo").doesNotContain(id);
            assertThat(publicFeed("all", fmt).ids()).as("all." + fmt + " before the embargo").doesNotContain(id);
        }
        String page = base + "/en/articles/budget-2027-presented";
        assertThat(http.get(page).statusCode()).isEqualTo(404);
        assertThat(TestKarvon.Http.text(http.get(base + "/sitemap-1.xml"))).as("sitemap before the embargo").doesNotContain(page);
        String etagBefore = http.get(base + "/feeds/en.json").headers().firstValue("ETag").orElseThrow();

        clock.advance(Duration.ofMinutes(59));
        assertThat(publicFeed("en", "json").ids()).as("one minute before the lift").doesNotContain(id);
        clock.set(lift.plusSeconds(1));
        for (String fmt : List.of("rss", "atom", "json")) {
            assertThat(publicFeed("en", fmt).ids()).as("en." + fmt + " after the embargo").contains(id);
            assertThat(publicFeed("all", fmt).ids()).as("all." + fmt + " after the embargo").contains(id);
        }
        assertThat(http.get(base + "/feeds/en.json", "If-None-Match", etagBefore).statusCode()).isEqualTo(200);
        assertThat(http.get(page).statusCode()).isEqualTo(200);
        assertThat(TestKarvon.Http.text(http.get(base + "/sitemap-1.xml"))).as("sitemap after the embargo").contains("<loc>" + page + "</loc>");
        Xml atomAfter = new Xml(wire("atom").body());
        assertThat(atomAfter.count("//a:entry[a:id='" + id + "']/a:category[@term='embargoed']")).as("no longer marked").isZero();
    }

    @Test
    void aDeletionIsATombstoneOnTheWireAndGoneFromPublicFeeds() throws Exception {
        String id = FeedView.itemId("kaa-2026-0003-en");
        assertThat(publicFeed("en", "atom").ids()).contains(id);
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<byte[]> d = http.delete(base + "/api/articles/kaa-2026-0003-en", "Authorization", "Bearer " + CMS,
                "Content-Type", "application/json");
        assertThat(d.statusCode()).isEqualTo(200);

        Xml atom = new Xml(wire("atom").body());
        assertThat(atom.count("/a:feed/at:deleted-entry[@ref='" + id + "']")).isEqualTo(1);
        assertThat(atom.string("/a:feed/at:deleted-entry[@ref='" + id + "']/@when")).isNotBlank();
        assertThat(atom.count("//a:entry[a:id='" + id + "']")).isZero();
        assertThat(FeedView.parse("rss", wire("rss").body()).ids()).doesNotContain(id);
        for (String fmt : List.of("rss", "atom", "json")) {
            assertThat(publicFeed("en", fmt).ids()).as("en." + fmt).doesNotContain(id);
            assertThat(publicFeed("all", fmt).ids()).as("all." + fmt).doesNotContain(id);
        }
        assertThat(new Xml(http.get(base + "/feeds/en.atom").body()).count("//at:deleted-entry")).as("public feeds carry no tombstones").isZero();
        assertThat(http.get(base + "/en/articles/samarkand-international-tourism-forum-2026").statusCode()).isEqualTo(404);
        // the translations no longer point at the killed version
        String ruPage = Http.text(http.get(base + "/ru/articles/mezhdunarodnyy-turisticheskiy-forum-v-samarkande-2026"));
        assertThat(ruPage).doesNotContain("samarkand-international-tourism-forum-2026");
    }

    // Regression (found in review, fixed): feeds.yml documents server.public_requests_per_minute ("per client address, for public feeds and pages");
    // expected 429 with Retry-After once a client exceeds it; actual: never enforced, every request answers 200.
    @Test
    void publicRequestsPerMinuteIsEnforced(@TempDir Path other) throws Exception {
        String yml = Files.readString(config(other)).replace("site:\n", "server:\n  public_requests_per_minute: 2\nsite:\n");
        Files.writeString(other.resolve("feeds.yml"), yml);
        try (KarvonServer s = TestKarvon.start(other.resolve("feeds.yml"), other.resolve("data"), ENV, clock, false)) {
            String url = TestKarvon.base(s) + "/feeds/en.rss";
            assertThat(http.get(url).statusCode()).isEqualTo(200);
            assertThat(http.get(url).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> third = http.get(url);
            assertThat(third.statusCode()).as("third request within a minute").isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    static JsonNode findJson(byte[] body, String id) throws Exception {
        for (JsonNode i : JSON.readTree(body).path("items")) if (id.equals(i.path("id").asText())) return i;
        throw new AssertionError("no item " + id);
    }
}
