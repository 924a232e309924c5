package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.render.NinjsSchema;
import uz.karvon.server.FeedView;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/** Every feed of the bundled feeds.yml as IPTC ninjs over real HTTP, and one sample story mapped field by field. */
class NinjsEndToEndTest {
    static final String PARTNER = "ninjs-partner-key";
    static final String ADMIN = "ninjs-admin-token";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static KarvonConfig config;
    static final Http http = new Http();

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("KARVON_DEMO_PARTNER_KEY", PARTNER, "KARVON_ADMIN_TOKEN", ADMIN);
        Path cfg = TestKarvon.copyBundled(dir);
        config = new ConfigLoader(env).load(cfg);
        server = TestKarvon.start(cfg, dir.resolve("data"), env, new MutableClock(TestKarvon.T0), true);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<byte[]> get(FeedSpec f, String suffix) throws Exception {
        String url = base + "/feeds/" + f.id() + suffix;
        return f.isPublic() ? http.get(url) : http.get(url, "Authorization", "Bearer " + PARTNER);
    }

    /** Jetty writes its known types without the space before the parameter. */
    static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void everyFeedOfTheBundledConfigurationIsValidNinjsWithTheItemsOfItsOtherForms() throws Exception {
        assertThat(config.feeds()).hasSizeGreaterThan(10);
        for (FeedSpec f : config.feeds()) {
            HttpResponse<byte[]> r = get(f, ".ninjs");
            String where = f.id() + ".ninjs ";
            assertThat(r.statusCode()).as(where).isEqualTo(200);
            assertThat(contentType(r)).as(where).isEqualTo("application/json;charset=utf-8");
            JsonNode arr = JSON.readTree(r.body());
            assertThat(arr.isArray()).as(where + "a JSON array").isTrue();
            assertThat(arr.size()).as(where + "not empty").isPositive();
            List<String> uris = new ArrayList<>();
            for (JsonNode o : arr) {
                assertThat(NinjsSchema.problems(o)).as(where + o.path("uri").asText()).isEmpty();
                assertThat(o.path("pubStatus").asText()).as(where).isEqualTo("usable");
                assertThat(o.path("version").asText()).as(where + "never corrected").isEqualTo("1");
                uris.add(o.path("uri").asText());
            }
            // the same items as the feed's Atom form, in the same order (profiles shape RSS/Atom/JSON only)
            if (f.profile() == uz.karvon.config.FeedProfile.NONE) {
                assertThat(uris).as(where + "= Atom ids").isEqualTo(FeedView.parse("atom", get(f, ".atom").body()).ids());
            }
            HttpResponse<byte[]> nd = get(f, ".ninjs?ndjson");
            assertThat(nd.statusCode()).isEqualTo(200);
            assertThat(contentType(nd)).as(where).isEqualTo("application/x-ndjson;charset=utf-8");
            String[] lines = new String(nd.body(), StandardCharsets.UTF_8).split("\n", -1);
            assertThat(lines).as(where + "one object per line, ending in a newline").hasSize(arr.size() + 1);
            assertThat(lines[lines.length - 1]).isEmpty();
            for (int i = 0; i < arr.size(); i++) assertThat(JSON.readTree(lines[i])).as(where + "line " + i).isEqualTo(arr.get(i));
        }
    }

    @Test
    void aSampleStoryCarriesEveryMappedField() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/api/ninjs/kaa-2026-0001-uz-latn");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("application/json;charset=utf-8");
        JsonNode o = JSON.readTree(r.body());
        assertThat(NinjsSchema.problems(o)).isEmpty();
        assertThat(o.path("uri").asText()).isEqualTo(FeedView.itemId("kaa-2026-0001-uz-latn"));
        assertThat(o.path("uri").asText()).as("the RSS guid").isIn(FeedView.parse("rss", http.get(base + "/feeds/uz.rss").body()).ids());
        assertThat(o.path("type").asText()).isEqualTo("text");
        assertThat(o.path("version").asText()).isEqualTo("1");
        assertThat(o.path("pubStatus").asText()).isEqualTo("usable");
        assertThat(o.has("embargoedUntil")).isFalse();
        assertThat(o.path("language").asText()).isEqualTo("uz-Latn");
        assertThat(o.path("firstCreated").asText()).isEqualTo(o.path("contentCreated").asText());
        assertThat(o.path("headlines").get(0).path("role").asText()).isEqualTo("main");
        assertThat(o.path("headlines").get(0).path("value").asText()).startsWith("Toshkent metrosining");
        assertThat(o.path("descriptions").get(0).path("role").asText()).isEqualTo("summary");
        JsonNode body = o.path("bodies").get(0);
        assertThat(body.path("contentType").asText()).isEqualTo("text/html");
        assertThat(body.path("value").asText()).startsWith("<p>Toshkent metropoliteni");
        assertThat(body.path("wordCount").asInt()).isBetween(50, 200);
        assertThat(o.path("by").asText()).isNotBlank();
        assertThat(o.path("located").asText()).isNotBlank();
        assertThat(o.path("slugline").asText()).isEqualTo("toshkent-metrosi-halqa-liniyasida-yangi-bekatlar");
        assertThat(o.path("subjects").findValuesAsText("uri")).as("sections through media_topics")
                .contains("http://cv.iptc.org/newscodes/mediatopic/04000000", "http://cv.iptc.org/newscodes/mediatopic/20000337");
        boolean keyword = false;
        for (JsonNode s : o.path("subjects")) keyword |= s.path("rel").asText().equals("keyword");
        assertThat(keyword).as("tags as keywords").isTrue();
        JsonNode image = null;
        List<String> translations = new ArrayList<>();
        for (JsonNode a : o.path("associations")) {
            if (a.path("rel").asText().equals("image")) image = a;
            if (a.path("rel").asText().equals("translation")) translations.add(a.path("uri").asText());
        }
        assertThat(image).isNotNull();
        assertThat(image.path("renditions").get(0).path("href").asText()).isEqualTo(base + "/media/metro-2026.svg");
        assertThat(image.path("descriptions").get(0).path("role").asText()).isEqualTo("caption");
        assertThat(translations).contains(FeedView.itemId("kaa-2026-0001-ru"), FeedView.itemId("kaa-2026-0001-en"));
        assertThat(o.path("altIds").findValuesAsText("value")).contains("kaa-2026-0001-uz-latn", "kaa-2026-0001");
        assertThat(o.path("copyrightNotice").asText()).isEqualTo("© 2026 Karvon Axborot Agentligi");
        assertThat(o.path("renditions").get(0).path("href").asText()).isEqualTo(base + "/uz-Latn/articles/toshkent-metrosi-halqa-liniyasida-yangi-bekatlar");

        assertThat(http.get(base + "/api/ninjs/no-such-article").statusCode()).isEqualTo(404);
    }

    @Test
    void thePrivateWireAsksForTheSameCredentialsAndIsCounted() throws Exception {
        assertThat(http.get(base + "/feeds/wire.ninjs").statusCode()).isEqualTo(401);
        assertThat(http.get(base + "/feeds/wire.ninjs", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> ok = http.get(base + "/feeds/wire.ninjs", "Authorization", "Bearer " + PARTNER);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        JsonNode stats = JSON.readTree(http.get(base + "/api/stats?days=1", "Authorization", "Bearer " + ADMIN).body());
        boolean counted = false;
        for (JsonNode row : stats.path("rows")) {
            counted |= row.path("feed").asText().equals("wire") && row.path("partner").asText().equals("demo");
        }
        assertThat(counted).as("pull statistics for the wire's ninjs, per partner: " + stats).isTrue();
    }
}
