package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the transport, redirect and status rows of /work/shared/hostile/README.md through the
 * Fetcher. Skipped when python3 or the lab script is missing. The loopback lab counts as a public
 * address here, so private-address redirects are judged by the real guard.
 */
class HostileUpstreamFetchTest {

    static final List<Path> SCRIPT_CANDIDATES = List.of(Path.of("/work/shared/hostile/hostile_upstream.py"),
            Path.of(System.getProperty("user.dir"), "..", "shared", "hostile", "hostile_upstream.py"));
    static final FetchSettings SETTINGS = new FetchSettings(Duration.ofMillis(500), Duration.ofMillis(1500),
            Duration.ofMillis(3000), 20L * 1024 * 1024, 5, "karvon-hostile-test/1");

    static final List<String> TRANSPORT = List.of("gzip-bomb", "endless-chunked", "huge-50mb", "slowloris-body",
            "headers-then-hang", "accept-then-silence", "reset-mid-body", "truncated-content-length");

    static Process lab;
    static String base;
    static Fetcher fetcher;
    /** For the two cases whose body the lab builds on first request (seconds on a small machine). */
    static Fetcher patient;
    static final List<String> SLOW_TO_BUILD = List.of("gzip-bomb", "huge-50mb");
    /** Only these need the short timeouts; the rest use the patient fetcher, so a loaded CI machine cannot turn a
     *  redirect loop or a 404 into a timeout. */
    static final List<String> TIMEOUT_CASES = List.of("slowloris-body", "headers-then-hang", "accept-then-silence");

    @BeforeAll
    static void startLab() throws Exception {
        Path script = SCRIPT_CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(script != null, "hostile_upstream.py not found");
        Assumptions.assumeTrue(onPath("python3"), "python3 not found");
        lab = new ProcessBuilder("python3", script.toString(), "0", "--lifetime", "120", "--max-stream-seconds", "20",
                "--gzip-bomb-mib", "256", "--slow-interval", "0.5")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Assumptions.assumeTrue(first != null, "hostile lab did not start");
        base = new ObjectMapper().readTree(first).get("listening").asText();
        assertThat(URI.create(base).getHost()).isEqualTo("127.0.0.1");
        fetcher = new Fetcher(SETTINGS, Clock.systemUTC(), Dns.SYSTEM,
                a -> a.equals(InetAddress.getLoopbackAddress()) || AddressGuard.isPublic(a));
        patient = new Fetcher(new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                SETTINGS.maxBodyBytes(), 5, "karvon-hostile-test/1"), Clock.systemUTC(), Dns.SYSTEM,
                a -> a.equals(InetAddress.getLoopbackAddress()) || AddressGuard.isPublic(a));
    }

    @AfterAll
    static void stopLab() throws InterruptedException {
        if (fetcher != null) {
            fetcher.close();
            patient.close();
        }
        if (lab != null) {
            lab.destroy();
            if (!lab.waitFor(3, TimeUnit.SECONDS)) {
                lab.destroyForcibly();
            }
        }
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
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
        ExecutorService pool = Executors.newFixedThreadPool(expected.size() + 1);
        Map<String, Future<Outcome>> futures = new ConcurrentHashMap<>();
        try {
            // Then quick cases, then the remaining transport ones together.
            // The lab builds these bodies on first request while holding the GIL, stalling every other
            // answer: let them finish before timing anything else.
            for (String id : SLOW_TO_BUILD) {
                futures.put(id, pool.submit(() -> run(id)));
            }
            for (String id : SLOW_TO_BUILD) {
                futures.get(id).get(20, TimeUnit.SECONDS);
            }
            for (String id : expected.keySet()) {
                if (!TRANSPORT.contains(id)) {
                    futures.put(id, pool.submit(() -> run(id)));
                }
            }
            // the encoded-metadata case alternates its Location per request: hit it a second time
            futures.put("redirect-metadata-encoded#2", pool.submit(() -> run("redirect-metadata-encoded")));
            for (var f : futures.entrySet()) {
                if (!SLOW_TO_BUILD.contains(f.getKey())) {
                    f.getValue().get(15, TimeUnit.SECONDS);
                }
            }
            for (String id : TRANSPORT) {
                if (SLOW_TO_BUILD.contains(id)) {
                    continue;
                }
                futures.put(id, pool.submit(() -> run(id)));
            }
            Instant now = Instant.now();
            for (var e : futures.entrySet()) {
                String id = e.getKey().replace("#2", "");
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

        JsonNode hits = new ObjectMapper().readTree(fetcher.fetch(new FetchRequest(URI.create(base + "/_hits.json"),
                null, null, null, Map.of(), true)).body());
        assertThat(hits.get("callbacks")).as("callbacks").isEmpty();
        assertThat(hits.get("counts").path("/case/redirect-loop").asInt()).isLessThanOrEqualTo(SETTINGS.maxRedirects() + 1);
        assertThat(hits.get("counts").path("/case/permanent-301").asInt()).isEqualTo(1);
    }
}
