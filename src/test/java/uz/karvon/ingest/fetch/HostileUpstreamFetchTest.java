package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.karvon.ingest.hostile.HostileUpstream;
import uz.karvon.ingest.hostile.Hits;

/**
 * Runs the transport, redirect and status cases of the hostile upstream lab ({@link HostileUpstream}) through the
 * Fetcher. The loopback lab counts as a public address here, so private-address redirects are judged by the real
 * guard.
 */
class HostileUpstreamFetchTest {

    static final FetchSettings SETTINGS = new FetchSettings(Duration.ofMillis(500), Duration.ofMillis(1500),
            Duration.ofMillis(3000), 20L * 1024 * 1024, 5, "karvon-hostile-test/1");

    static HostileUpstream lab;
    static String base;
    static Fetcher fetcher;
    /** Only these need the short timeouts; the rest use the patient fetcher, so a loaded CI machine cannot turn a
     *  redirect loop or a 404 into a timeout. */
    static final List<String> TIMEOUT_CASES = List.of("slowloris-body", "headers-then-hang", "accept-then-silence");
    static Fetcher patient;

    @BeforeAll
    static void startLab() throws Exception {
        // streams outlast every timeout below; the bomb inflates to 256 MiB against a 20 MiB cap
        lab = HostileUpstream.start(HostileUpstream.Options.defaults().withMaxStream(Duration.ofSeconds(20))
                .withGzipBombMiB(256).withSlowInterval(Duration.ofMillis(500)));
        base = lab.base();
        assertThat(URI.create(base).getHost()).isEqualTo("127.0.0.1");
        fetcher = new Fetcher(SETTINGS, Clock.systemUTC(), Dns.SYSTEM,
                a -> a.equals(InetAddress.getLoopbackAddress()) || AddressGuard.isPublic(a));
        patient = new Fetcher(new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                SETTINGS.maxBodyBytes(), 5, "karvon-hostile-test/1"), Clock.systemUTC(), Dns.SYSTEM,
                a -> a.equals(InetAddress.getLoopbackAddress()) || AddressGuard.isPublic(a));
    }

    @AfterAll
    static void stopLab() {
        if (fetcher != null) {
            fetcher.close();
            patient.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** Outcome of one case: a result or the exception. */
    record Outcome(FetchResult result, FetchException error, Duration took) {
        String reason() {
            return error == null ? "ok" : error.reason();
        }
    }

    Outcome run(String caseId) {
        long t0 = System.nanoTime();
        try {
            FetchResult r = (TIMEOUT_CASES.contains(caseId) ? fetcher : patient).fetch(FetchRequest.of(URI.create(base + "/case/" + caseId)));
            return new Outcome(r, null, Duration.ofNanos(System.nanoTime() - t0));
        } catch (FetchException e) {
            return new Outcome(null, e, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    @Test
    void transportRedirectAndStatusCasesEndAsListed() throws Exception {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("gzip-bomb", List.of("too-large")),
                Map.entry("endless-chunked", List.of("too-large", "timeout")),
                Map.entry("huge-50mb", List.of("too-large")),
                Map.entry("slowloris-body", List.of("timeout")),
                Map.entry("headers-then-hang", List.of("timeout")),
                Map.entry("accept-then-silence", List.of("timeout")),
                Map.entry("reset-mid-body", List.of("truncated", "io")),
                Map.entry("truncated-content-length", List.of("truncated", "io")),
                Map.entry("redirect-loop", List.of("too-many-redirects")),
                Map.entry("redirect-file", List.of("blocked-scheme")),
                Map.entry("redirect-private-10", List.of("blocked-address")),
                Map.entry("redirect-metadata", List.of("blocked-address")),
                Map.entry("redirect-metadata-encoded", List.of("blocked-address")),
                Map.entry("permanent-301", List.of("ok")),
                Map.entry("temporary-302", List.of("ok")),
                Map.entry("http-429-retry-after", List.of("rate-limited")),
                Map.entry("http-503-retry-after-date", List.of("rate-limited")),
                Map.entry("http-500", List.of("http-status")),
                Map.entry("http-404", List.of("http-status")),
                Map.entry("http-410-gone", List.of("gone")),
                Map.entry("etag-churn", List.of("ok")));
        ExecutorService pool = Executors.newFixedThreadPool(expected.size() + 3);
        Map<String, Future<Outcome>> futures = new ConcurrentHashMap<>();
        try {
            // every case at once: the lab answers each connection on its own thread
            for (String id : expected.keySet()) {
                futures.put(id, pool.submit(() -> run(id)));
            }
            // the encoded-metadata case spells the address four ways, one per request: meet every spelling
            for (int n = 2; n <= 4; n++) {
                futures.put("redirect-metadata-encoded#" + n, pool.submit(() -> run("redirect-metadata-encoded")));
            }
            Instant now = Instant.now();
            for (var e : futures.entrySet()) {
                String id = e.getKey().replaceFirst("#\\d$", "");
                Outcome o = e.getValue().get(20, TimeUnit.SECONDS);
                String msg = o.error() == null ? "ok" : o.error().getMessage();
                assertThat(o.reason()).as(id + ": " + msg).isIn(expected.get(id));
                assertThat(o.took()).as(id).isLessThan(Duration.ofSeconds(16));
                if (o.error() != null) {
                    assertThat(msg).as(id).startsWith("fetch " + base + "/case/" + id + ": ").doesNotContain("\n", "root:");
                }
            }
            FetchResult moved = futures.get("permanent-301").get().result();
            assertThat(moved.permanentRedirect()).isEqualTo(URI.create(base + "/case/permanent-301/new"));
            assertThat(new String(moved.body(), StandardCharsets.UTF_8)).contains("moved permanently target");
            assertThat(futures.get("temporary-302").get().result().permanentRedirect()).isNull();
            assertThat(futures.get("temporary-302").get().result().finalUrl())
                    .isEqualTo(URI.create(base + "/case/temporary-302/target"));
            FetchException r429 = futures.get("http-429-retry-after").get().error();
            assertThat(r429.httpStatus()).isEqualTo(429);
            assertThat(r429.retryAfter()).isBetween(now.plusSeconds(100), now.plusSeconds(140));
            FetchException r503 = futures.get("http-503-retry-after-date").get().error();
            assertThat(r503.httpStatus()).isEqualTo(503);
            assertThat(r503.retryAfter()).isBetween(now.plusSeconds(90), now.plusSeconds(140));
            assertThat(futures.get("http-500").get().error().httpStatus()).isEqualTo(500);
            assertThat(futures.get("http-404").get().error().httpStatus()).isEqualTo(404);
        } finally {
            pool.shutdownNow();
        }

        Hits.Snapshot hits = lab.hits().snapshot();
        assertThat(hits.callbacks()).as("callbacks").isEmpty();
        assertThat(hits.count("/case/redirect-loop")).isLessThanOrEqualTo(SETTINGS.maxRedirects() + 1);
        assertThat(hits.count("/case/permanent-301")).isEqualTo(1);
        assertThat(hits.count("/case/redirect-metadata-encoded")).as("all four spellings met").isEqualTo(4);
        assertThat(hits.redirects().stream().filter(r -> r.target().startsWith("/case/redirect-metadata-encoded"))
                .map(Hits.Redirect::location).distinct()).as("four distinct spellings issued").hasSize(4);
    }
}
