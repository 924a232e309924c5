package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Dns;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetcherTest {

    static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long CAP = 64 * 1024;
    static final FetchSettings SHORT = new FetchSettings(Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(800), CAP, 3, "karvon-test/1");
    static final String RSS = "<rss version=\"2.0\"><channel><title>Oʻzbekiston</title></channel></rss>";

    MockWebServer server;
    Fetcher fetcher;
    /** Loopback counts as public here, so redirect-to-private cases can start from the test server. */
    Fetcher guarded;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        fetcher = new Fetcher(SHORT, CLOCK);
        Dns fake = host -> switch (host) {
            case "other.test", "localhost" -> List.of(InetAddress.getLoopbackAddress());
            case "metadata.test" -> List.of(InetAddress.getByName("169.254.169.254"));
            case "mixed.test" -> List.of(InetAddress.getByName("10.0.0.7"), InetAddress.getByName("fd00::1"));
            default -> throw new UnknownHostException(host);
        };
        guarded = new Fetcher(SHORT, CLOCK, fake,
                a -> a.isLoopbackAddress() && a.getAddress().length == 4 || AddressGuard.isPublic(a));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        guarded.close();
        server.close();
    }

    FetchRequest local(String path) {
        return new FetchRequest(server.url(path).uri(), null, null, null, Map.of(), true);
    }

    FetchRequest strict(String path) {
        return new FetchRequest(server.url(path).uri(), null, null, null, Map.of(), false);
    }

    static FetchException failure(Fetcher f, FetchRequest r) {
        return catchThrowableOfType(FetchException.class, () -> f.fetch(r));
    }

    // --- happy path, headers, conditional GET ---

    @Test
    void fetchesBodyAndValidatorsWithOwnHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().body(RSS).addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .addHeader("ETag", "\"v1\"").addHeader("Last-Modified", "Thu, 26 Nov 2026 10:00:00 GMT").build());
        FetchResult res = fetcher.fetch(local("/rss"));
        assertThat(res.status()).isEqualTo(200);
        assertThat(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(res.contentType()).startsWith("application/rss+xml");
        assertThat(res.etag()).isEqualTo("\"v1\"");
        assertThat(res.lastModified()).isEqualTo("Thu, 26 Nov 2026 10:00:00 GMT");
        assertThat(res.finalUrl()).isEqualTo(server.url("/rss").uri());
        assertThat(res.permanentRedirect()).isNull();
        RecordedRequest rec = server.takeRequest();
        assertThat(rec.getHeaders().get("User-Agent")).isEqualTo("karvon-test/1");
        assertThat(rec.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(rec.getHeaders().get("If-None-Match")).isNull();
    }

    @Test
    void perSourceUserAgentAndHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        fetcher.fetch(new FetchRequest(server.url("/rss").uri(), null, null, "kun-bot/2",
                Map.of("X-Api-Key", "s3cret", "Accept-Language", "uz", "Host", "evil"), true));
        RecordedRequest rec = server.takeRequest();
        assertThat(rec.getHeaders().get("User-Agent")).isEqualTo("kun-bot/2");
        assertThat(rec.getHeaders().get("X-Api-Key")).isEqualTo("s3cret");
        assertThat(rec.getHeaders().get("Accept-Language")).isEqualTo("uz");
        assertThat(rec.getHeaders().get("Host")).isNotEqualTo("evil");
    }

    @Test
    void conditionalGetReturns304WithEmptyBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(304).build());
        FetchResult res = fetcher.fetch(new FetchRequest(server.url("/rss").uri(), "\"v1\"",
                "Thu, 26 Nov 2026 10:00:00 GMT", null, Map.of(), true));
        assertThat(res.status()).isEqualTo(304);
        assertThat(res.notModified()).isTrue();
        assertThat(res.body()).isEmpty();
        assertThat(res.etag()).isEqualTo("\"v1\"");
        assertThat(res.lastModified()).isEqualTo("Thu, 26 Nov 2026 10:00:00 GMT");
        RecordedRequest rec = server.takeRequest();
        assertThat(rec.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(rec.getHeaders().get("If-Modified-Since")).isEqualTo("Thu, 26 Nov 2026 10:00:00 GMT");
    }

    // --- compression and size caps ---

    @Test
    void decodesGzip() throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(gzip(RSS.getBytes(StandardCharsets.UTF_8))))
                .addHeader("Content-Encoding", "gzip").build());
        assertThat(new String(fetcher.fetch(local("/gz")).body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void decodesZlibAndRawDeflate(boolean nowrap) throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(deflate(RSS.getBytes(StandardCharsets.UTF_8), nowrap)))
                .addHeader("Content-Encoding", "deflate").build());
        assertThat(new String(fetcher.fetch(local("/deflate")).body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @Test
    void gzipBombStopsAtTheDecodedCap() throws Exception {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);   // 8 MiB of zeros -> ~8 KB on the wire, cap is 64 KiB
        assertThat(bomb.length).isLessThan((int) CAP);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bomb)).addHeader("Content-Encoding", "gzip").build());
        FetchException e = failure(fetcher, local("/bomb"));
        assertThat(e.reason()).isEqualTo("too-large");
        assertThat(e.getMessage()).startsWith("fetch " + server.url("/bomb") + ": body larger than 65536 bytes");
    }

    @Test
    void deflateBombStopsAtTheDecodedCap() throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(deflate(new byte[4 * 1024 * 1024], false)))
                .addHeader("Content-Encoding", "deflate").build());
        assertThat(failure(fetcher, local("/bomb")).reason()).isEqualTo("too-large");
    }

    @Test
    void honestContentLengthAboveCapIsRejectedBeforeReading() {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[(int) CAP + 1])).build());
        FetchException e = failure(fetcher, local("/big"));
        assertThat(e.reason()).isEqualTo("too-large");
        assertThat(e.getMessage()).as("refused on the header, not after reading").contains("(content-length " + (CAP + 1) + ")");
    }

    @Test
    void chunkedBodyAboveCapIsRejected() {
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(new byte[(int) CAP * 2]), 4096).build());
        assertThat(failure(fetcher, local("/chunked")).reason()).isEqualTo("too-large");
    }

    @Test
    void bodyExactlyAtCapIsAccepted() throws Exception {
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(new byte[(int) CAP]), 1000).build());
        assertThat(fetcher.fetch(local("/exact")).body()).hasSize((int) CAP);
    }

    @Test
    void unknownContentEncodingIsAnError() {
        server.enqueue(new MockResponse.Builder().body("xx").addHeader("Content-Encoding", "br").build());
        FetchException e = failure(fetcher, local("/br"));
        assertThat(e.reason()).isEqualTo("io");
        assertThat(e.getMessage()).contains("unsupported content-encoding br");
    }

    // --- timeouts and truncation ---

    @Test
    void slowDripBodyHitsTheTotalDeadline() {
        // 1 byte every 100 ms never trips the 300 ms read timeout; the 800 ms call deadline must end it.
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[4000]))
                .throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
        long t0 = System.nanoTime();
        FetchException e = failure(fetcher, local("/slow"));
        assertThat(e.reason()).isEqualTo("timeout");
        assertThat(e.getMessage()).contains("total deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void headersThenHangIsATimeout() {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[4096]))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        assertThat(failure(fetcher, local("/hang")).reason()).isEqualTo("timeout");
    }

    @Test
    void acceptThenSilenceIsATimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        assertThat(failure(fetcher, local("/silent")).reason()).isEqualTo("timeout");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shortBodyThenFinOrRstIsTruncated(boolean reset) throws Exception {
        byte[] head = RawServer.head("HTTP/1.1 200 OK\nContent-Type: application/rss+xml\nContent-Length: 20000");
        byte[] partial = Arrays.copyOf(head, head.length + 8000);
        Arrays.fill(partial, head.length, partial.length, (byte) 'a');
        try (RawServer raw = new RawServer(partial, reset)) {
            FetchException e = failure(fetcher, new FetchRequest(URI.create(raw.url("/cut")), null, null, null, Map.of(), true));
            assertThat(e.reason()).isIn("truncated", "io");
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    void truncatedGzipIsTruncated() throws Exception {
        byte[] gz = gzip(RSS.repeat(50).getBytes(StandardCharsets.UTF_8));
        byte[] head = RawServer.head("HTTP/1.1 200 OK\nContent-Encoding: gzip\nConnection: close");
        byte[] resp = Arrays.copyOf(head, head.length + gz.length / 2);
        System.arraycopy(gz, 0, resp, head.length, gz.length / 2);
        try (RawServer raw = new RawServer(resp, false)) {
            FetchException e = failure(fetcher, new FetchRequest(URI.create(raw.url("/gz")), null, null, null, Map.of(), true));
            assertThat(e.reason()).isEqualTo("truncated");
        }
    }

    // --- statuses ---

    @Test
    void goneIs410() {
        server.enqueue(new MockResponse.Builder().code(410).build());
        FetchException e = failure(fetcher, local("/gone"));
        assertThat(e.reason()).isEqualTo("gone");
        assertThat(e.httpStatus()).isEqualTo(410);
    }

    @Test
    void rateLimitedWithDeltaSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        FetchException e = failure(fetcher, local("/rss"));
        assertThat(e.reason()).isEqualTo("rate-limited");
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void unavailableWithHttpDate() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Fri, 27 Nov 2026 05:00:00 GMT").build());
        FetchException e = failure(fetcher, local("/rss"));
        assertThat(e.reason()).isEqualTo("rate-limited");
        assertThat(e.retryAfter()).isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(e.getMessage()).isEqualTo("fetch " + server.url("/rss") + ": HTTP 503, retry after 2026-11-27T05:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500, 502, 504, 300})
    void otherStatusesAreHttpStatus(int code) {
        server.enqueue(new MockResponse.Builder().code(code).body("<html>oops</html>").build());
        FetchException e = failure(fetcher, local("/rss"));
        assertThat(e.reason()).isEqualTo("http-status");
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void errorMessageIsOneLineAndLeaksNoSecrets() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        URI url = server.url("/rss").newBuilder().addQueryParameter("key", "K3Y").addQueryParameter("API_KEY", "K4Y")
                .addQueryParameter("lang", "uz").addQueryParameter("token", "T0K").build().uri();
        FetchException e = failure(fetcher, new FetchRequest(url, null, null, null,
                Map.of("Authorization", "Bearer B3ARER", "X-Api-Key", "XK3Y"), true));
        assertThat(e.getMessage())
                .isEqualTo("fetch " + server.url("/rss") + "?key=***&API_KEY=***&lang=uz&token=***: HTTP 500")
                .doesNotContain("K3Y", "K4Y", "T0K", "B3ARER", "XK3Y", "\n");
    }

    // --- redirects ---

    @Test
    void permanentChainIsRemembered() throws Exception {
        server.enqueue(redirect(301, "/a"));
        server.enqueue(redirect(308, "b"));       // relative to /a
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        FetchResult res = fetcher.fetch(local("/old"));
        assertThat(res.finalUrl()).isEqualTo(server.url("/b").uri());
        assertThat(res.permanentRedirect()).isEqualTo(server.url("/b").uri());
    }

    @Test
    void permanentRunEndsAtFirstTemporaryHop() throws Exception {
        server.enqueue(redirect(301, "/a"));
        server.enqueue(redirect(302, "/b"));
        server.enqueue(redirect(308, "/c"));
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        FetchResult res = fetcher.fetch(local("/old"));
        assertThat(res.finalUrl()).isEqualTo(server.url("/c").uri());
        assertThat(res.permanentRedirect()).isEqualTo(server.url("/a").uri());
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 303, 307})
    void temporaryRedirectsAreNotRemembered(int code) throws Exception {
        server.enqueue(redirect(code, "/target"));
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        FetchResult res = fetcher.fetch(local("/tmp"));
        assertThat(res.finalUrl()).isEqualTo(server.url("/target").uri());
        assertThat(res.permanentRedirect()).isNull();
    }

    @Test
    void redirectLoopStopsAtTheLimit() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(redirect(302, "/loop?n=" + i));
        }
        FetchException e = failure(fetcher, local("/loop"));
        assertThat(e.reason()).isEqualTo("too-many-redirects");
        assertThat(server.getRequestCount()).isEqualTo(SHORT.maxRedirects() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://127.0.0.1:6379/_x", "jar:file:/x!/y"})
    void redirectToOtherSchemesIsBlocked(String location) {
        server.enqueue(redirect(302, location));
        FetchException e = failure(fetcher, local("/r"));
        assertThat(e.reason()).isEqualTo("blocked-scheme");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nonHttpSourceIsBlocked() {
        assertThat(failure(fetcher, FetchRequest.of(URI.create("file:///etc/passwd"))).reason()).isEqualTo("blocked-scheme");
    }

    @Test
    void credentialsDoNotFollowCrossOriginRedirect() throws Exception {
        server.enqueue(redirect(302, "http://other.test:" + server.getPort() + "/x"));
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        guarded.fetch(new FetchRequest(server.url("/r").uri(), null, null, null,
                Map.of("Authorization", "Bearer B", "X-Api-Key", "K", "Accept-Language", "ru"), false));
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer B");
        assertThat(second.getUrl().host()).isEqualTo("other.test");
        assertThat(second.getHeaders().get("Authorization")).isNull();
        assertThat(second.getHeaders().get("X-Api-Key")).isNull();
        assertThat(second.getHeaders().get("Accept-Language")).isEqualTo("ru");
    }

    // --- SSRF ---

    @Test
    void loopbackSourceIsBlockedWithoutOptIn() {
        FetchException e = failure(fetcher, strict("/rss"));
        assertThat(e.reason()).isEqualTo("blocked-address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void localhostNameIsBlockedWithoutOptIn() {
        FetchException e = failure(fetcher, FetchRequest.of(URI.create("http://localhost:" + server.getPort() + "/rss")));
        assertThat(e.reason()).isEqualTo("blocked-address");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.255.255.1/feed.xml", "http://169.254.169.254/latest/meta-data/",
            "http://2852039166/", "http://[::ffff:169.254.169.254]/", "http://0xA9FEA9FE/", "http://0251.0376.0251.0376/",
            "http://169.254.43518/", "http://[::a9fe:a9fe]/", "http://[fd00::1]/", "http://[::1]:1/", "http://0/",
            "http://192.168.1.1./", "http://metadata.test/", "http://mixed.test/", "http://1.2.3.4.5/"})
    void redirectToNonPublicAddressIsBlocked(String location) {
        server.enqueue(redirect(302, location));
        FetchException e = failure(guarded, strict("/r"));
        assertThat(e.reason()).as(e.getMessage()).isEqualTo("blocked-address");
        assertThat(e.getMessage()).startsWith("fetch " + server.url("/r") + ": ");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void optInAllowsPrivateTargets() throws Exception {
        server.enqueue(redirect(302, "http://127.0.0.1:" + server.getPort() + "/next"));
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        assertThat(fetcher.fetch(local("/r")).status()).isEqualTo(200);
    }

    // --- helpers ---

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).build();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean nowrap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, nowrap);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, d)) {
            z.write(data);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }
}
