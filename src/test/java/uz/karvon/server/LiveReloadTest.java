package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits the feeds.yml of a running server (valid, invalid, valid) while a client keeps fetching a feed:
 * no request fails, the right content is served after each step, and an invalid edit is reported and refused.
 */
class LiveReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void editsApplyAtomicallyAndABrokenEditKeepsTheLastGoodConfiguration() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        // the reader below is one client hammering the server: lift the per-address limit
        Files.writeString(config, Files.readString(config).replace("public_requests_per_minute: 600", "public_requests_per_minute: 100000000"));
        String original = Files.readString(config);
        Map<String, String> env = Map.of("KARVON_ADMIN_TOKEN", "adm");
        try (KarvonServer server = KarvonServer.start(new KarvonServer.Options(config, dir.resolve("data"), 0, "127.0.0.1",
                Clock.systemUTC(), env, true, true))) {
            String base = TestKarvon.base(server);
            TestKarvon.Http http = new TestKarvon.Http();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger requests = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<byte[]> r = http.get(base + "/feeds/en.json");
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) failures.add("HTTP " + r.statusCode());
                        else JSON.readTree(r.body()); // a half-written body would not parse
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            reader.start();
            try {
                // 1. a valid edit: the English feed gets a new title
                Files.writeString(config, original.replace("title: Karvon News Agency — English", "title: Karvon English Service"),
                        StandardCharsets.UTF_8);
                awaitFeed(http, base + "/feeds/en.json", f -> f.path("title").asText().equals("Karvon English Service"));

                // 2. an invalid edit: refused, reported on /health, the last good configuration keeps serving
                String broken = original.replace("title: Karvon News Agency — English", "titel: Broken");
                Files.writeString(config, broken, StandardCharsets.UTF_8);
                JsonNode health = awaitHealth(http, base, h -> !h.path("config").path("ok").asBoolean(true));
                int line = lineOf(broken, "titel: Broken");
                assertThat(health.path("status").asText()).isEqualTo("degraded");
                assertThat(health.path("config").path("errors").toString())
                        .contains("feeds.yml:" + line + ":5: unknown key 'feeds[3].titel'; did you mean 'title'?");
                JsonNode stillServed = JSON.readTree(http.get(base + "/feeds/en.json").body());
                assertThat(stillServed.path("title").asText()).isEqualTo("Karvon English Service");

                // POST /api/reload answers with the same validation result
                HttpResponse<byte[]> reload = http.post(base + "/api/reload", "", "Authorization", "Bearer adm");
                assertThat(reload.statusCode()).isEqualTo(422);
                assertThat(new String(reload.body(), StandardCharsets.UTF_8)).contains("did you mean 'title'?");
                assertThat(http.post(base + "/api/reload", "", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);

                // 3. fixed: applied, errors cleared, the original title is back
                Files.writeString(config, original, StandardCharsets.UTF_8);
                awaitFeed(http, base + "/feeds/en.json", f -> f.path("title").asText().equals("Karvon News Agency — English"));
                JsonNode healed = awaitHealth(http, base, h -> h.path("config").path("ok").asBoolean(false));
                assertThat(healed.path("status").asText()).isEqualTo("ok");
            } finally {
                stop.set(true);
                reader.join();
            }
            assertThat(requests.get()).as("requests made during the edits").isGreaterThan(20);
            assertThat(failures).as("failed requests during reloads").isEmpty();
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }

    private static JsonNode awaitFeed(TestKarvon.Http http, String url, Predicate<JsonNode> ok) throws Exception {
        return await(() -> JSON.readTree(http.get(url).body()), ok, url);
    }

    private static JsonNode awaitHealth(TestKarvon.Http http, String base, Predicate<JsonNode> ok) throws Exception {
        return await(() -> JSON.readTree(http.get(base + "/health").body()), ok, "/health");
    }

    interface Fetch {
        JsonNode get() throws Exception;
    }

    /** The watcher checks the file once a second; give it a bounded while. */
    private static JsonNode await(Fetch f, Predicate<JsonNode> ok, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = f.get();
            if (ok.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError(what + " never reached the expected state; last: " + last);
    }
}
