package uz.karvon.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Shared fixtures for end-to-end tests: a settable clock, a server on a loopback port, a tiny HTTP client. */
public final class TestKarvon {
    /** 2026-11-27T06:00:00Z: after every bundled sample article. */
    public static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    private TestKarvon() {}

    /** A clock the test moves by hand; never sleeps. */
    public static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        public MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        public void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        public void set(Instant i) {
            now.set(i);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The bundled feeds.yml of the project. */
    public static Path bundledConfig() {
        Path p = Path.of("feeds.yml").toAbsolutePath();
        if (!Files.isRegularFile(p)) throw new IllegalStateException("bundled feeds.yml not found at " + p);
        return p;
    }

    /** Copies the bundled feeds.yml into {@code dir} and returns the copy. */
    public static Path copyBundled(Path dir) throws IOException {
        return Files.copy(bundledConfig(), dir.resolve("feeds.yml"));
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    public static KarvonServer start(Path config, Path dataDir, Map<String, String> env, Clock clock, boolean sample)
            throws Exception {
        return KarvonServer.start(new KarvonServer.Options(config, dataDir, 0, "127.0.0.1", clock, env, sample, false));
    }

    /** Base URL the server names itself by (site.base_url unset: http://localhost:PORT). */
    public static String base(KarvonServer s) {
        return "http://localhost:" + s.port();
    }

    /**
     * Polls {@code read} until {@code ok} holds, at most 30 s (the poller and the change follower run on their own
     * threads); the last value read is in the failure.
     */
    public static <T> T await(java.util.concurrent.Callable<T> read, java.util.function.Predicate<T> ok) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (ok.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("never reached the expected state; last: " + last);
    }

    /** Minimal HTTP client: no redirects, no transparent decompression, headers as name/value pairs. */
    public static final class Http {
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        public HttpResponse<byte[]> get(String url, String... headers) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
        }

        public HttpResponse<byte[]> head(String url, String... headers) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()), headers);
        }

        public HttpResponse<byte[]> post(String url, String body, String... headers) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json"), headers);
        }

        public HttpResponse<byte[]> delete(String url, String... headers) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder b, String... headers) throws Exception {
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return client.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        public static String text(HttpResponse<byte[]> r) {
            return new String(r.body(), StandardCharsets.UTF_8);
        }
    }
}
