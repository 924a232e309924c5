package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.store.PostgresUrl;
import uz.karvon.store.TestDatabases;
import uz.karvon.websub.SpecSubscriber;

/**
 * Several karvon instances in one JVM on one PostgreSQL database (embedded, from Maven), sharing one fake clock:
 * every due source is fetched by exactly one of them, politeness holds for all of them together, an instance that
 * stops without a goodbye loses its sources to the others when its leases expire, and a CMS write on one instance
 * is served by the others at once (LISTEN/NOTIFY), with the same bytes and validators.
 */
class ClusterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int SOURCES = 24;
    static final int PER_HOST = 2;

    @TempDir
    Path dir;
    final TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
    final List<KarvonServer> servers = new ArrayList<>();
    final TestKarvon.Http http = new TestKarvon.Http();
    MockWebServer upstream;
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> fullDownloads = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    PostgresUrl db;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.freshPostgres();
        env = Map.of("KARVON_DATABASE_URL", db.display(), "KARVON_ADMIN_TOKEN", "adm", "KARVON_CMS_TOKEN", "cms",
                "KARVON_DEMO_PARTNER_KEY", "pk");
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getTarget();
                requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    hold.await(30, TimeUnit.SECONDS);
                    Thread.sleep(30); // long enough for polls of several instances to overlap
                    String etag = "\"" + path.hashCode() + "\"";
                    if (etag.equals(r.getHeaders().get("If-None-Match"))) return new MockResponse.Builder().code(304).build();
                    fullDownloads.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                    return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").addHeader("ETag", etag)
                            .body("<rss version=\"2.0\"><channel><title>t</title><link>http://example.uz/</link><description>d"
                                    + "</description><item><guid>" + path + "</guid><title>Yangilik " + path + "</title><link>"
                                    + "http://example.uz" + path + "</link></item></channel></rss>").build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        hold.countDown();
        for (KarvonServer s : servers) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // halted already
            }
        }
        upstream.close();
    }

    /** A feeds.yml with the sources on the mock upstream, on the shared database. */
    Path pollingConfig(String name) throws Exception {
        StringBuilder y = new StringBuilder("""
                site: {title: Cluster}
                security: {admin_token: {env: KARVON_ADMIN_TOKEN}}
                ingest: {per_host_concurrency: %d, workers: 3, default_interval: 15m}
                database: {url: {env: KARVON_DATABASE_URL}, pool_size: 4, lease: 30s}
                sources:
                """.formatted(PER_HOST));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= SOURCES; i++) {
            String id = "s" + i;
            ids.add(id);
            y.append("  - id: ").append(id).append("\n    url: ").append(upstream.url("/feed/" + i + ".rss")).append('\n');
        }
        y.append("feeds:\n  - id: wire\n    title: Wire\n    language: all\n    articles: false\n    sources: [")
                .append(String.join(", ", ids)).append("]\n");
        return TestKarvon.write(dir, name, y.toString());
    }

    KarvonServer start(Path config, Duration changePoll, boolean sample) throws Exception {
        KarvonServer.Tuning t = KarvonServer.Tuning.DEFAULTS;
        KarvonServer s = KarvonServer.start(new KarvonServer.Options(config, dir.resolve("unused-data"), 0, "127.0.0.1", clock,
                env, sample, false, new KarvonServer.Tuning(t.feedCacheBytes(), t.sitemapCacheBytes(),
                t.transliterationCacheChars(), t.sitemapUrlsPerFile(), changePoll)));
        servers.add(s);
        return s;
    }

    int total() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void everyDueSourceIsFetchedByExactlyOneOfThreeInstancesPolitelyAndConditionallyTheNextTime() throws Exception {
        Path config = pollingConfig("feeds.yml");
        for (int i = 0; i < 3; i++) start(config, Duration.ofSeconds(1), false);
        clock.advance(Duration.ofSeconds(5)); // every new source is due (first polls are spread over a few seconds)

        await("every source polled once", () -> total() >= SOURCES && idle() && allAnswered(200));
        assertThat(requests).hasSize(SOURCES);
        assertThat(requests.values()).extracting(AtomicInteger::get).as("one request per source").containsOnly(1);
        assertThat(maxInFlight.get()).as("per_host_concurrency holds for the three instances together").isLessThanOrEqualTo(PER_HOST);

        JsonNode health = JSON.readTree(http.get(TestKarvon.base(servers.get(0)) + "/health").body());
        assertThat(health.path("database").path("kind").asText()).isEqualTo("PostgreSQL");
        assertThat(health.path("database").path("notifications").asText()).isEqualTo("listening");
        assertThat(health.path("cluster").path("instances")).hasSize(3);
        assertThat(health.path("warnings")).isEmpty();

        clock.advance(Duration.ofMinutes(20)); // past the interval (15 min, ±10 %)
        await("every source polled twice", () -> total() >= 2 * SOURCES && idle() && allAnswered(304));
        assertThat(requests.values()).extracting(AtomicInteger::get).as("one request per source and interval").containsOnly(2);
        assertThat(fullDownloads.values()).extracting(AtomicInteger::get)
                .as("the second poll sends the validators the first got, whichever instance made it").containsOnly(1);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(PER_HOST);

        // every instance reads the same shared state
        for (KarvonServer s : servers) {
            JsonNode src = JSON.readTree(http.get(TestKarvon.base(s) + "/api/sources", "Authorization", "Bearer adm").body());
            assertThat(src.path("sources")).hasSize(SOURCES).allSatisfy(n -> assertThat(n.path("http_status").asInt()).isEqualTo(304));
        }
    }

    @Test
    void anInstanceStoppedWithoutAGoodbyeLosesItsSourcesWhenItsLeasesExpire() throws Exception {
        hold = new CountDownLatch(1); // upstream answers nothing until told: polls stay in flight
        KarvonServer a = start(pollingConfig("feeds.yml"), Duration.ofSeconds(1), false);
        clock.advance(Duration.ofSeconds(5));
        await("a polls as many as per_host_concurrency allows", () -> total() == PER_HOST);
        KarvonServer b = start(pollingConfig("feeds.yml"), Duration.ofSeconds(1), false);

        a.halt();                           // as kill -9: its leases stay in the database until they expire
        Thread.sleep(1_500);                // b looks at the database every second: it must find nothing to take yet
        assertThat(total()).as("a's sources are still leased to a").isEqualTo(PER_HOST);
        List<String> heldByA = List.copyOf(requests.keySet());

        clock.advance(Duration.ofSeconds(31)); // past a's 30 s lease
        hold.countDown();
        await("b polls everything, a's sources included", () -> requests.size() == SOURCES && idle());
        for (String path : heldByA) assertThat(requests.get(path).get()).as(path + ": a's poll and b's").isEqualTo(2);
        assertThat(requests.values()).extracting(AtomicInteger::get).containsOnly(1, 2);
        assertThat(total()).isEqualTo(SOURCES + PER_HOST);
        // the last answer has left upstream; b stores its outcome a moment later
        await("b stored every outcome", () -> {
            JsonNode src = JSON.readTree(http.get(TestKarvon.base(b) + "/api/sources", "Authorization", "Bearer adm").body());
            for (JsonNode n : src.path("sources")) if (!n.path("status").asText().equals("ok")) return false;
            return src.path("sources").size() == SOURCES;
        });
        assertThat(total()).as("and nothing polled again meanwhile").isEqualTo(SOURCES + PER_HOST);
    }

    @Test
    void aCmsWriteOnOneInstanceIsServedByTheOtherAtOnceWithTheSameBytesAndValidators() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        // behind a load balancer, every instance names itself by the public URL
        Files.writeString(config, Files.readString(config).replaceFirst("\nsite:\n", "\nsite:\n  base_url: https://news.example.uz\n")
                + "\ndatabase:\n  url: {env: KARVON_DATABASE_URL}\n  pool_size: 4\n");
        Duration never = Duration.ofHours(1); // no periodic check of the change log: only notifications can tell b
        KarvonServer a = start(config, never, true);
        Path other = Files.writeString(dir.resolve("other.yml"), Files.readString(config) + "# edited on b only\n");
        KarvonServer b = start(other, never, false);
        String ua = TestKarvon.base(a), ub = TestKarvon.base(b);
        JsonNode health = JSON.readTree(http.get(ua + "/health").body());
        assertThat(health.path("cluster").path("instances")).hasSize(2);
        assertThat(health.path("warnings").toString()).contains("serve different feeds.yml files");
        assertThat(health.path("status").asText()).isEqualTo("degraded");

        HttpResponse<byte[]> fromA = http.get(ua + "/feeds/en.atom"), fromB = http.get(ub + "/feeds/en.atom");
        assertThat(fromB.body()).isEqualTo(fromA.body());
        assertThat(fromB.headers().firstValue("ETag")).isEqualTo(fromA.headers().firstValue("ETag"));
        assertThat(fromB.headers().firstValue("Last-Modified")).isEqualTo(fromA.headers().firstValue("Last-Modified"));
        assertThat(http.get(ub + "/feeds/en.atom").headers().firstValue("X-Cache")).hasValue("HIT");

        post(ua, "cluster-1-en", "Cluster story one", null);
        await("b serves a's story", () -> text(http.get(ub + "/feeds/en.atom")).contains("Cluster story one"));
        fromA = http.get(ua + "/feeds/en.atom");
        fromB = http.get(ub + "/feeds/en.atom");
        assertThat(fromB.body()).isEqualTo(fromA.body());
        String etag = fromA.headers().firstValue("ETag").orElseThrow();
        assertThat(fromB.headers().firstValue("ETag")).hasValue(etag);
        assertThat(fromB.headers().firstValue("Last-Modified")).isEqualTo(fromA.headers().firstValue("Last-Modified"));
        assertThat(http.get(ub + "/feeds/en.atom", "If-None-Match", etag).statusCode()).as("a's ETag is valid on b").isEqualTo(304);

        // b's notification connection is cut: it reconnects, and what was written meanwhile is not lost
        TestDatabases.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'karvon-listen'"
                + " AND datname = '" + db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1) + "'");
        post(ua, "cluster-2-en", "Cluster story two", null);
        await("b serves the story written while it reconnected", () -> text(http.get(ub + "/feeds/en.atom")).contains("Cluster story two"));

        // an embargo lifts on both at its instant; a withdrawal on b leaves a's feed
        post(ua, "cluster-3-en", "Cluster story three", TestKarvon.T0.plus(Duration.ofMinutes(10)).toString());
        await("b carries the embargoed story in the partners' wire", () -> text(http.get(ub + "/feeds/wire.atom",
                "Authorization", "Bearer pk")).contains("Cluster story three"));
        assertThat(text(http.get(ua + "/feeds/en.atom"))).doesNotContain("Cluster story three");
        assertThat(text(http.get(ub + "/feeds/en.atom"))).doesNotContain("Cluster story three");
        clock.advance(Duration.ofMinutes(11)); // no write, no notification: each instance's cache expires at the instant
        assertThat(text(http.get(ua + "/feeds/en.atom"))).contains("Cluster story three");
        assertThat(text(http.get(ub + "/feeds/en.atom"))).contains("Cluster story three");
        assertThat(http.delete(ub + "/api/articles/cluster-1-en", "Authorization", "Bearer cms").statusCode()).isEqualTo(200);
        await("a drops the story b withdrew", () -> !text(http.get(ua + "/feeds/en.atom")).contains("Cluster story one"));

    }

    @Test
    void theHubDeliversEachChangeOnceFromTheInstanceHoldingItsRoleAndAnotherTakesOverWhenItDies() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        Files.writeString(config, Files.readString(config)
                .replaceFirst("\nsite:\n", "\nsite:\n  base_url: https://news.example.uz\n")
                .replaceFirst("allow_private_callbacks: false", "allow_private_callbacks: true")
                + "\ndatabase:\n  url: {env: KARVON_DATABASE_URL}\n  pool_size: 4\n  lease: 30s\n");
        Duration never = Duration.ofHours(1); // feeds learn of the other's writes by notification only
        KarvonServer a = start(config, never, true);
        KarvonServer b = start(config, never, false);
        String ua = TestKarvon.base(a), ub = TestKarvon.base(b);
        assertThat(websub(ua).path("delivering").asBoolean()).as("the first instance holds the role").isTrue();
        assertThat(websub(ub).path("delivering").asBoolean()).isFalse();

        try (SpecSubscriber sub = new SpecSubscriber()) {
            // subscribed through b: b verifies and stores the grant; a, delivering, reads it back
            String topic = "https://news.example.uz/feeds/en.atom";
            assertThat(sub.subscribe(ub + "/websub", topic, "reader", null, "s3cret").statusCode()).isEqualTo(202);
            sub.awaitVerification("reader");
            await("b lists the stored subscription", () -> websub(ub).path("counts").path("subscriptions").path("active").asInt() == 1);
            await("a took it over for delivery", () -> websub(ua).path("counts").path("subscriptions").path("active").asInt() == 1);

            post(ub, "hub-1-en", "Pushed once from the cluster", null);
            SpecSubscriber.Delivery d = sub.awaitDelivery("reader");
            assertThat(d.text()).contains("Pushed once from the cluster");
            assertThat(SpecSubscriber.signatureValid("s3cret", d.body(), d.signature())).isTrue();
            Thread.sleep(2_000);
            assertThat(sub.pending("reader")).as("one delivery per change, not one per instance").isZero();

            a.halt();                                  // as kill -9: a's role stays held until its lease runs out
            post(ub, "hub-2-en", "Written while nobody delivers", null);
            Thread.sleep(2_000);
            assertThat(sub.pending("reader")).as("b waits for a's lease").isZero();
            assertThat(websub(ub).path("delivering").asBoolean()).isFalse();

            clock.advance(Duration.ofSeconds(31));     // past a's 30 s lease: b takes the role and delivers what a missed
            d = sub.awaitDelivery("reader");
            assertThat(d.text()).contains("Written while nobody delivers").contains("Pushed once from the cluster");
            assertThat(websub(ub).path("delivering").asBoolean()).isTrue();
            Thread.sleep(2_000);
            assertThat(sub.pending("reader")).isZero();
        }
    }

    private JsonNode websub(String base) throws Exception {
        return JSON.readTree(http.get(base + "/api/websub", "Authorization", "Bearer adm").body());
    }

    private void post(String base, String id, String title, String embargoUntil) throws Exception {
        String body = """
                {"id": "%s", "lang": "en", "translation_key": "%s", "slug": "%s", "title": "%s",
                 "summary": "A story written on one instance.", "body_html": "<p>Text.</p>",
                 "published": "2026-11-27T05:59:00Z"%s}"""
                .formatted(id, id, id, title, embargoUntil == null ? "" : ", \"embargo_until\": \"" + embargoUntil + "\"");
        HttpResponse<byte[]> r = http.post(base + "/api/articles", body, "Authorization", "Bearer cms");
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
    }

    private static String text(HttpResponse<byte[]> r) {
        return TestKarvon.Http.text(r);
    }

    /** Every source's stored state says its last poll got {@code status} (the outcomes are stored). */
    private boolean allAnswered(int status) throws Exception {
        JsonNode src = JSON.readTree(http.get(TestKarvon.base(servers.get(0)) + "/api/sources", "Authorization", "Bearer adm").body());
        for (JsonNode n : src.path("sources")) if (n.path("http_status").asInt() != status) return false;
        return src.path("sources").size() == SOURCES;
    }

    /** No poll in flight at the upstream (what was asked for has been answered). */
    private boolean idle() {
        return inFlight.get() == 0;
    }

    /** The instances work on their own threads: wait a bounded while (real time) for what they must reach. */
    private static void await(String what, Check ok) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (ok.test()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("never reached: " + what);
    }

    interface Check {
        boolean test() throws Exception;
    }
}
