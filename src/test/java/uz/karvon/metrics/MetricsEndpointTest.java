package uz.karvon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;

/**
 * {@code /metrics} through HTTP: after a real poll of two sources (one good feed that needed a repair, one 404), feed
 * requests (a render, then a cache hit) and a refused request, the scrape holds each series with the values those
 * events imply, only with the metrics or admin token, and never a URL or address as a label.
 */
class MetricsEndpointTest {
    private static final String METRICS = "m-token", ADMIN = "a-token";

    @TempDir
    Path dir;

    @Test
    void scrapeShowsWhatTheServerDid() throws Exception {
        String rss = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>http://wire.example/</link><description>d</description>"
                + "<item><title>One</title><link>http://wire.example/1</link><guid>w-1</guid><pubDate>Thu, 26 Nov 2026 10:00:00 GMT</pubDate></item>"
                + "<item><title>Two</title><link>http://wire.example/2</link><guid>w-2</guid><pubDate>Thu, 26 Nov 2026 11:00:00 GMT</pubDate></item>"
                + "</channel></rss>";
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    if (!r.getTarget().startsWith("/good.rss")) return new MockResponse.Builder().code(404).build();
                    return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(rss).build();
                }
            });
            upstream.start(InetAddress.getLoopbackAddress(), 0);
            String up = "http://127.0.0.1:" + upstream.getPort();
            String config = "server:\n  public_requests_per_minute: 100000\n"
                    + "security:\n  admin_token: {env: ADMIN}\n  metrics_token: {env: METRICS}\n  cms_token: {env: CMS}\n"
                    + "sources:\n"
                    + "  - id: good\n    title: Good wire\n    url: " + up + "/good.rss\n"
                    + "  - id: missing\n    title: Missing wire\n    url: " + up + "/missing.rss\n"
                    + "feeds:\n  - id: mixed\n    title: Mixed\n    description: Both wires\n    language: all\n"
                    + "    sources: [good, missing]\n";
            try (KarvonServer server = KarvonServer.start(new KarvonServer.Options(TestKarvon.write(dir, "feeds.yml", config),
                    dir.resolve("data"), 0, "127.0.0.1", Clock.systemUTC(), Map.of("ADMIN", ADMIN, "METRICS", METRICS, "CMS", "cms-token"),
                    false, false, KarvonServer.Tuning.DEFAULTS))) {
                String base = TestKarvon.base(server);
                Http http = new Http();

                // the poller runs on its own threads: wait a bounded while for both sources' first refresh
                String text = "";
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    text = Http.text(http.get(base + "/metrics", "Authorization", "Bearer " + METRICS));
                    if (value(text, "karvon_fetches_total", "outcome=\"ok\"") >= 1
                            && value(text, "karvon_fetches_total", "outcome=\"error\"") >= 1) break;
                    Thread.sleep(100);
                }
                assertThat(value(text, "karvon_fetches_total", "outcome=\"ok\"", "reason=\"none\"")).isEqualTo(1);
                assertThat(value(text, "karvon_fetches_total", "outcome=\"error\"", "reason=\"http-status\"")).isEqualTo(1);

                HttpResponse<byte[]> posted = http.post(base + "/api/articles", "{\"id\":\"m-1\",\"lang\":\"en\","
                        + "\"translation_key\":\"m-1\",\"slug\":\"m-1\",\"title\":\"Counted\"}",
                        "Authorization", "Bearer cms-token", "Content-Type", "application/json");
                assertThat(posted.statusCode()).isEqualTo(201);
                HttpResponse<byte[]> first = http.get(base + "/feeds/mixed.rss");
                HttpResponse<byte[]> second = http.get(base + "/feeds/mixed.rss");
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(Http.text(second)).contains("<title>One</title>", "<title>Two</title>");
                assertThat(http.get(base + "/feeds/nope.rss").statusCode()).isEqualTo(404);

                // the token: none, wrong, metrics, admin (Bearer and Basic)
                HttpResponse<byte[]> anonymous = http.get(base + "/metrics");
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(Http.text(anonymous)).doesNotContain("karvon_");
                assertThat(http.get(base + "/metrics", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
                assertThat(http.get(base + "/metrics", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
                String basic = Base64.getEncoder().encodeToString(("prometheus:" + METRICS).getBytes(StandardCharsets.UTF_8));
                HttpResponse<byte[]> scraped = http.get(base + "/metrics", "Authorization", "Basic " + basic);
                assertThat(scraped.statusCode()).isEqualTo(200);
                assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
                text = Http.text(scraped);

                // ingest
                assertThat(value(text, "karvon_fetch_duration_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
                assertThat(value(text, "karvon_fetch_duration_seconds_sum", "outcome=\"ok\"")).isGreaterThan(0).isLessThan(30);
                assertThat(value(text, "karvon_poll_lag_seconds_count")).isEqualTo(2);
                assertThat(value(text, "karvon_items_stored_total", "via=\"poll\"")).isEqualTo(2);
                assertThat(value(text, "karvon_items_stored_total", "via=\"cms\"")).isEqualTo(1);
                assertThat(value(text, "karvon_parse_repairs_total", "kind=\"doctype\"")).isEqualTo(1);
                // publishing: one render of the RSS first page, then a hit from the feed cache
                assertThat(value(text, "karvon_renders_seconds_count", "kind=\"rss\"")).isEqualTo(1);
                assertThat(value(text, "cache_gets_total", "cache=\"feeds\"", "result=\"hit\"")).isGreaterThanOrEqualTo(1);
                assertThat(value(text, "cache_gets_total", "cache=\"feeds\"", "result=\"miss\"")).isGreaterThanOrEqualTo(1);
                assertThat(text).contains("cache_size{cache=\"feeds\"");
                // HTTP by route template and status
                assertThat(value(text, "karvon_http_requests_seconds_count", "route=\"/feeds/{file}\"", "status=\"200\"")).isEqualTo(2);
                assertThat(value(text, "karvon_http_requests_seconds_count", "route=\"/feeds/{file}\"", "status=\"404\"")).isEqualTo(1);
                assertThat(value(text, "karvon_http_requests_seconds_count", "route=\"/metrics\"", "status=\"401\"")).isEqualTo(2);
                // WebSub, database pool, JVM
                assertThat(value(text, "karvon_websub_subscriptions", "state=\"active\"")).isEqualTo(0);
                assertThat(text).contains("karvon_websub_deliveries_total{outcome=\"delivered\"}");
                assertThat(value(text, "karvon_db_readers_max")).isEqualTo(4);
                assertThat(value(text, "jvm_memory_used_bytes", "area=\"heap\"")).isGreaterThan(0);
                assertThat(value(text, "process_uptime_seconds")).isGreaterThan(0);
                // bounded labels: no request path, source URL or address
                assertThat(text).doesNotContain("/feeds/mixed", "/feeds/nope", "good.rss", "127.0.0.1", ":" + upstream.getPort());
            }
        }
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    static double value(String text, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) continue;
            String head = line.substring(0, line.lastIndexOf(' '));
            boolean all = true;
            for (String l : labels) all &= head.contains(l);
            if (!all) continue;
            sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            found = true;
        }
        return found ? sum : -1;
    }
}
