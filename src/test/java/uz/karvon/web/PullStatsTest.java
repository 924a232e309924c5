package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/** Pull statistics count exactly under concurrent requests, per feed and partner, with subscriber estimates. */
class PullStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void concurrentPullsAreCountedExactly() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        Files.writeString(config, Files.readString(config).replace("public_requests_per_minute: 600", "public_requests_per_minute: 100000"));
        Map<String, String> env = Map.of("KARVON_ADMIN_TOKEN", "adm", "KARVON_DEMO_PARTNER_KEY", "pk");
        try (KarvonServer server = TestKarvon.start(config, dir.resolve("data"), env, new TestKarvon.MutableClock(TestKarvon.T0), true)) {
            String base = TestKarvon.base(server);
            TestKarvon.Http http = new TestKarvon.Http();
            var first = http.get(base + "/feeds/en.rss");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            int size = first.body().length;

            int threads = 8, perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int reader = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String ua = "Reader-" + reader + "/1.0";
                        var r = i % 2 == 0 ? http.get(base + "/feeds/en.rss", "User-Agent", ua)
                                : http.get(base + "/feeds/en.rss", "User-Agent", ua, "If-None-Match", etag);
                        assertThat(r.statusCode()).isIn(200, 304);
                    }
                    http.get(base + "/feeds/wire.atom", "Authorization", "Bearer pk", "User-Agent", "Partner");
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get();
            pool.shutdown();
            http.get(base + "/feeds/en.rss", "User-Agent", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 25 subscribers; feed-id=1)");
            http.get(base + "/feeds/en.rss", "User-Agent", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 27 subscribers; feed-id=1)");
            http.get(base + "/feeds/wire.atom", "Authorization", "Bearer wrong"); // 401: not a pull

            JsonNode stats = JSON.readTree(http.get(base + "/api/stats?days=1", "Authorization", "Bearer adm").body());
            JsonNode en = row(stats, "en", null);
            // 1 initial + 320 concurrent + 2 aggregator pulls
            assertThat(en.path("requests").asLong()).isEqualTo(323);
            assertThat(en.path("not_modified").asLong()).isEqualTo(160);
            assertThat(en.path("ok").asLong()).isEqualTo(163);
            assertThat(en.path("bytes").asLong()).isEqualTo(163L * size);
            // Java's client + Reader-0..7; Feedly counts by what it reports (the larger of its two reports)
            assertThat(en.path("distinct_clients").asLong()).isEqualTo(9);
            assertThat(en.path("reported_subscribers").asLong()).isEqualTo(27);
            assertThat(en.path("estimated_subscribers").asLong()).isEqualTo(36);
            JsonNode wire = row(stats, "wire", "demo");
            assertThat(wire.path("requests").asLong()).isEqualTo(threads);
            assertThat(http.get(base + "/api/stats", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
        }
    }

    private static JsonNode row(JsonNode stats, String feed, String partner) {
        for (JsonNode r : stats.path("rows")) {
            if (r.path("feed").asText().equals(feed) && (partner == null ? !r.has("partner") : partner.equals(r.path("partner").asText()))) return r;
        }
        throw new AssertionError("no row for " + feed + "/" + partner + " in " + stats);
    }
}
