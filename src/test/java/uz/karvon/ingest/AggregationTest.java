package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.karvon.server.TestKarvon.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/**
 * A source added to feeds.yml of a running server is fetched, normalized and republished in a merged feed:
 * karvon's own ids, full text by CSS selector (sanitized), conditional GET, credit, language correction.
 */
class AggregationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ETAG = "\"v1\"";

    @TempDir
    Path dir;
    MockWebServer upstream;
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** When set, the feed ignores If-None-Match: every poll is a full 200. */
    volatile boolean noConditional;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r);
                String path = r.getTarget();
                if (path.startsWith("/feed.rss")) {
                    if (!noConditional && ETAG.equals(r.getHeaders().get("If-None-Match"))) return new MockResponse.Builder().code(304).build();
                    return new MockResponse.Builder().addHeader("Content-Type", "text/xml").addHeader("ETag", ETAG)
                            .body(feed("same-guid", "Вазирлар маҳкамаси қарори", "/a/1")).build();
                }
                if (path.startsWith("/other.rss")) {
                    return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                            .body(feed("same-guid", "A different story", "/b/9")).build();
                }
                if (path.startsWith("/a/1")) {
                    return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body(
                            "<html><body><nav>menu</nav><div class='article-body'><p>Toʻliq matn "
                                    + "<img src='/img/1.jpg' onerror='alert(1)'></p><script>steal()</script></div></body></html>").build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        upstream.close();
    }

    private static String feed(String guid, String title, String link) {
        // declared English, written in Uzbek Cyrillic: the declaration is plainly wrong and gets corrected
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Partner</title><link>/</link>"
                + "<description>d</description><language>en</language><item><guid>" + guid + "</guid><title>" + title
                + "</title><link>" + link + "</link><description>Ҳукумат янги қарор қабул қилди ва у бугундан кучга киради</description>"
                + "<pubDate>Fri, 27 Nov 2026 09:30:00 +0500</pubDate></item></channel></rss>";
    }

    @Test
    void aSourceAddedToARunningServerIsMergedNormalizedAndCredited() throws Exception {
        String base = "http://127.0.0.1:" + upstream.getPort();
        String head = "site:\n  title: Test\nserver:\n  public_requests_per_minute: 100000\n"
                + "security:\n  admin_token: {env: ADMIN}\n";
        String feeds = "feeds:\n  - id: partners\n    title: Partners\n    language: all\n    articles: false\n";
        Path config = TestKarvon.write(dir, "feeds.yml", head + feeds);
        try (KarvonServer server = KarvonServer.start(new KarvonServer.Options(config, dir.resolve("data"), 0, "127.0.0.1",
                Clock.systemUTC(), Map.of("ADMIN", "adm"), false, false))) {
            String karvon = TestKarvon.base(server);
            TestKarvon.Http http = new TestKarvon.Http();
            assertThat(JSON.readTree(http.get(karvon + "/feeds/partners.json").body()).path("items")).isEmpty();

            Files.writeString(config, head + "sources:\n"
                    + "  - id: partner\n    title: Partner Agency\n    url: " + base + "/feed.rss\n    full_text_selector: .article-body\n"
                    + "  - id: other\n    title: Other Wire\n    url: " + base + "/other.rss\n"
                    + feeds + "    sources: [partner, other]\n");
            assertThat(server.reloader().reload().applied()).isTrue();

            JsonNode feed = await(() -> JSON.readTree(http.get(karvon + "/feeds/partners.json").body()),
                    f -> f.path("items").size() == 2);
            List<String> ids = new ArrayList<>();
            for (JsonNode item : feed.path("items")) ids.add(item.path("id").asText());
            assertThat(ids).as("two sources using one guid never collide; karvon's own ids").hasSize(2).doesNotHaveDuplicates()
                    .allMatch(id -> id.startsWith("tag:localhost,") && id.contains(":item/") && !id.contains("same-guid"));

            JsonNode partnerItem = item(feed, "Partner Agency");
            assertThat(partnerItem.path("title").asText()).isEqualTo("Вазирлар маҳкамаси қарори");
            assertThat(partnerItem.path("url").asText()).isEqualTo(base + "/a/1");
            assertThat(partnerItem.path("date_published").asText()).isEqualTo("2026-11-27T04:30:00Z");
            assertThat(partnerItem.path("language").asText()).isEqualTo("uz-Cyrl");
            String html = partnerItem.path("content_html").asText();
            assertThat(html).contains("Toʻliq matn").contains("src=\"" + base + "/img/1.jpg\"")
                    .doesNotContain("script", "onerror", "menu");

            JsonNode sources = JSON.readTree(http.get(karvon + "/api/sources", "Authorization", "Bearer adm").body());
            JsonNode partner = sources.path("sources").get(0);
            assertThat(partner.path("status").asText()).isEqualTo("ok");
            assertThat(partner.path("items_stored").asLong()).isEqualTo(1);
            assertThat(partner.path("language_note").asText()).contains("declared language en").contains("uz-Cyrl");

            // a second poll is conditional and a 304 costs nothing: the item stays, once
            int before = requests.size();
            http.post(karvon + "/api/sources/partner/refresh", "", "Authorization", "Bearer adm");
            JsonNode again = await(() -> JSON.readTree(http.get(karvon + "/api/sources", "Authorization", "Bearer adm").body()),
                    s -> s.path("sources").get(0).path("http_status").asInt() == 304);
            assertThat(again.path("sources").get(0).path("items_stored").asLong()).isEqualTo(1);
            assertThat(requests.subList(before, requests.size())).anyMatch(r -> ETAG.equals(r.getHeaders().get("If-None-Match")));
            assertThat(JSON.readTree(http.get(karvon + "/feeds/partners.json").body()).path("items")).hasSize(2);

            // a full 200 poll keeps the full text fetched before, without fetching the page again
            noConditional = true;
            String attempted = again.path("sources").get(0).path("last_attempt").asText();
            long pageFetches = requests.stream().filter(r -> r.getTarget().startsWith("/a/1")).count();
            http.post(karvon + "/api/sources/partner/refresh", "", "Authorization", "Bearer adm");
            await(() -> JSON.readTree(http.get(karvon + "/api/sources", "Authorization", "Bearer adm").body()),
                    s -> s.path("sources").get(0).path("http_status").asInt() == 200
                            && !s.path("sources").get(0).path("last_attempt").asText().equals(attempted));
            assertThat(item(JSON.readTree(http.get(karvon + "/feeds/partners.json").body()), "Partner Agency")
                    .path("content_html").asText()).contains("Toʻliq matn");
            assertThat(requests.stream().filter(r -> r.getTarget().startsWith("/a/1")).count()).isEqualTo(pageFetches);
        }
    }

    private static JsonNode item(JsonNode feed, String creditName) {
        for (JsonNode i : feed.path("items")) {
            if (i.path("_karvon").path("credit").path("name").asText().equals(creditName)) return i;
        }
        throw new AssertionError("no item credited to " + creditName + " in " + feed);
    }
}
