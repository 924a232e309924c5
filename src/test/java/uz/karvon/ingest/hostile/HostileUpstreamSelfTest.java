package uz.karvon.ingest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab misbehaves exactly as its catalogue says: the hostile-upstream tests are only as strong as these
 * behaviours. Short streams (300 ms), a 64 MiB bomb and a 1 MiB endless body keep it to a few seconds.
 */
class HostileUpstreamSelfTest {
    static HostileUpstream lab;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        lab = HostileUpstream.start(HostileUpstream.Options.defaults().withMaxStream(Duration.ofMillis(300))
                .withGzipBombMiB(64).withEndlessMaxMiB(1).withSlowInterval(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.base() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void catalogueHas53DistinctCasesAndThreeHealthyFeeds() {
        List<HostileCase> cases = HostileUpstream.cases();
        assertThat(cases).hasSize(53);
        assertThat(cases.stream().map(HostileCase::id).distinct()).hasSize(53);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.path()).isEqualTo("/case/" + c.id());
            assertThat(c.category()).isIn("xml", "json", "transport", "redirect", "status", "encoding", "data");
            assertThat(c.attacks()).isNotBlank();
            assertThat(c.expected()).isNotBlank();
        });
        assertThat(HostileUpstream.healthy()).extracting(HostileCase::path)
                .containsExactly("/healthy/1.rss", "/healthy/2.rss", "/healthy/3.atom");
    }

    @Test
    void gzipBombIsValidGzipInflatingToItsConfiguredSize() throws Exception {
        long[] inflated = {0};
        RawClient.Response r = RawClient.get(lab.base(), "/case/gzip-bomb", in -> {
            CountingStream wire = new CountingStream(in);
            try (GZIPInputStream gz = new GZIPInputStream(wire)) {   // checks CRC and size at the end
                inflated[0] = gz.transferTo(OutputSink.INSTANCE);
            }
            return wire.count;
        }, "Accept-Encoding", "gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.bodyBytes()).as("honest Content-Length").isEqualTo(Long.parseLong(r.header("Content-Length")));
        assertThat(inflated[0]).isGreaterThan(64L << 20).isLessThan((64L << 20) + 1024);
        assertThat(r.bodyBytes()).as("about 1,000:1").isLessThan(inflated[0] / 500);
    }

    @Test
    void bigFeedsAreSentWholeWithHonestLengths() throws Exception {
        try (HostileUpstream patient = HostileUpstream.start(HostileUpstream.Options.defaults())) {   // 60 s streams
            for (String id : List.of("huge-50mb", "huge-title-10mb", "many-items-100k")) {
                RawClient.Response r = RawClient.get(patient.base(), "/case/" + id, 64);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyBytes()).as(id + " honest Content-Length").isEqualTo(Long.parseLong(r.header("Content-Length")));
                assertThat(r.text()).startsWith("<?xml");
            }
            assertThat(Long.parseLong(RawClient.get(patient.base(), "/case/huge-50mb", 0).header("Content-Length")))
                    .isGreaterThan(50_000_000);
            assertThat(Long.parseLong(RawClient.get(patient.base(), "/case/huge-title-10mb", 0).header("Content-Length")))
                    .isGreaterThan(10 << 20);
        }
    }

    @Test
    void brokenConnectionsBreakAsDocumented() throws Exception {
        RawClient.Response reset = RawClient.get(lab.base(), "/case/reset-mid-body");
        assertThat(reset.header("Content-Length")).isEqualTo("20000");
        assertThat(reset.bodyBytes()).isEqualTo(8000);
        assertThat(reset.end()).isEqualTo(RawClient.End.RESET);

        RawClient.Response truncated = RawClient.get(lab.base(), "/case/truncated-content-length");
        assertThat(truncated.header("Content-Length")).isEqualTo("20000");
        assertThat(truncated.bodyBytes()).isEqualTo(8000);
        assertThat(truncated.end()).isEqualTo(RawClient.End.EOF);

        RawClient.Response hang = RawClient.get(lab.base(), "/case/headers-then-hang");
        assertThat(hang.status()).isEqualTo(200);
        assertThat(hang.header("Content-Length")).isEqualTo("4096");
        assertThat(hang.bodyBytes()).isZero();

        RawClient.Response silence = RawClient.get(lab.base(), "/case/accept-then-silence");
        assertThat(silence.status()).as("no status line ever").isEqualTo(-1);

        RawClient.Response slow = RawClient.get(lab.base(), "/case/slowloris-body");
        assertThat(slow.bodyBytes()).as("a few bytes before the stream bound").isPositive()
                .isLessThan(Long.parseLong(slow.header("Content-Length")));

        RawClient.Response endless = RawClient.get(lab.base(), "/case/endless-chunked", 1 << 22);
        assertThat(endless.header("Transfer-Encoding")).isEqualTo("chunked");
        ChunkScan scan = ChunkScan.of(endless.body());
        assertThat(scan.payloadBytes()).as("items up to the 1 MiB cap").isGreaterThanOrEqualTo(1 << 20);
        assertThat(scan.terminated()).as("never the last chunk").isFalse();
    }

    @Test
    void redirectsAndStatusesAreIssuedAndRecorded() throws Exception {
        HttpResponse<byte[]> loop = get("/case/redirect-loop?n=41");
        assertThat(loop.statusCode()).isEqualTo(302);
        assertThat(loop.headers().firstValue("Location")).contains("/case/redirect-loop?n=42");
        Set<String> spellings = new HashSet<>();
        for (int i = 0; i < 4; i++) spellings.add(get("/case/redirect-metadata-encoded").headers().firstValue("Location").orElseThrow());
        assertThat(spellings).hasSize(4).allSatisfy(l -> assertThat(l).endsWith("/latest/meta-data/"));
        HttpResponse<byte[]> moved = get("/case/permanent-301");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).contains(lab.base() + "/case/permanent-301/new");
        assertThat(new String(get("/case/permanent-301/new").body(), StandardCharsets.UTF_8)).contains("moved permanently target");
        assertThat(get("/case/redirect-file").headers().firstValue("Location")).contains("file:///etc/passwd");
        assertThat(lab.hits().snapshot().redirects()).extracting(Hits.Redirect::target)
                .contains("/case/permanent-301", "/case/redirect-file").noneMatch(t -> t.startsWith("/case/redirect-loop"));

        HttpResponse<byte[]> r429 = get("/case/http-429-retry-after");
        assertThat(r429.statusCode()).isEqualTo(429);
        assertThat(r429.headers().firstValue("Retry-After")).contains("120");
        HttpResponse<byte[]> r503 = get("/case/http-503-retry-after-date");
        assertThat(r503.statusCode()).isEqualTo(503);
        Instant after = ZonedDateTime.parse(r503.headers().firstValue("Retry-After").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(after).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(125));
        assertThat(get("/case/http-410-gone").statusCode()).isEqualTo(410);
        HttpResponse<byte[]> a = get("/case/etag-churn");
        HttpResponse<byte[]> b = get("/case/etag-churn", "If-None-Match", a.headers().firstValue("ETag").orElseThrow());
        assertThat(b.statusCode()).as("ignores If-None-Match").isEqualTo(200);
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(b.headers().firstValue("ETag")).isNotEqualTo(a.headers().firstValue("ETag"));
    }

    @Test
    void encodingsAreTheBytesTheyClaimNotToBe() throws Exception {
        assertThat(get("/case/bom-utf16le").body()).startsWith(0xFF - 256, 0xFE - 256, '<', 0);
        assertThat(get("/case/utf16-no-bom").body()).startsWith('<', 0, '?', 0);
        byte[] lie = get("/case/charset-header-lie").body();
        assertThat(new String(lie, Charset.forName("windows-1251"))).contains(FeedText.CYRILLIC);
        assertThat(utf8Valid(lie)).isFalse();
        byte[] bad = get("/case/invalid-utf8").body();
        assertThat(utf8Valid(bad)).isFalse();
        assertThat(new String(bad, StandardCharsets.ISO_8859_1)).contains("bad \u00c3( \u00c0\u00af \u00ed\u00a0\u0080 \u00ff end");
        assertThat(get("/case/control-chars").body()).contains(0, 1, 0x0b, 0x1b);
        HttpResponse<byte[]> xml = get("/case/text-xml-no-charset");
        assertThat(xml.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains(FeedText.UZBEK);
    }

    @Test
    void healthyFeedsAnswer304AndGainAnItemPerBucket() throws Exception {
        HttpResponse<byte[]> first = get("/healthy/1.rss");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/healthy/1.rss", "If-None-Match", etag).statusCode()).isEqualTo(304);
        int bucket = lab.healthyBucket();
        assertThat(new String(get("/case/guid-collision-healthy").body(), StandardCharsets.UTF_8))
                .as("collides with the healthy feed's current guid").contains("healthy-1-b" + bucket + "<", "HIJACKED");

        assertThat(lab.advanceHealthy()).isEqualTo(bucket + 1);
        HttpResponse<byte[]> next = get("/healthy/1.rss", "If-None-Match", etag);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).contains("Healthy 1 item " + (bucket + 1) + " — ");
        assertThat(new String(get("/healthy/3.atom").body(), StandardCharsets.UTF_8)).contains("Healthy three item " + (bucket + 1));
    }

    @Test
    void callbacksAreRecordedAndCountsKeptPerPath() throws Exception {
        int before = lab.hits().count("/case/external-dtd");
        String body = new String(get("/case/external-dtd").body(), StandardCharsets.UTF_8);
        assertThat(body).contains("SYSTEM \"" + lab.base() + "/_cb/external.dtd\"");
        assertThat(lab.hits().count("/case/external-dtd")).isEqualTo(before + 1);
        assertThat(new String(get("/_cb/external.dtd").body(), StandardCharsets.UTF_8)).contains(HostileUpstream.CALLBACK_PREFIX);
        assertThat(lab.hits().callbacks()).extracting(Hits.Callback::tag).contains("external.dtd");
    }

    @Test
    void closeEndsAHangingStreamAtOnce() throws Exception {
        HostileUpstream patient = HostileUpstream.start(HostileUpstream.Options.defaults());   // 60 s streams
        Thread closer = new Thread(() -> {
            while (patient.hits().count("/case/accept-then-silence") == 0) Thread.onSpinWait();
            patient.close();
        });
        closer.start();
        // RawClient gives up after 10 s with an exception: the stream must end through close() well before that
        RawClient.Response r = RawClient.get(patient.base(), "/case/accept-then-silence");
        closer.join();
        assertThat(r.status()).isEqualTo(-1);
    }

    static boolean utf8Valid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Counts the bytes read through it. */
    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    /** Discards what is written. */
    static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Walks chunked framing: payload bytes and whether the zero-length last chunk came. */
    record ChunkScan(long payloadBytes, boolean terminated) {
        static ChunkScan of(byte[] wire) {
            int i = 0;
            long payload = 0;
            while (i < wire.length) {
                int crlf = indexOf(wire, i);
                if (crlf < 0) break;
                int size = Integer.parseInt(new String(wire, i, crlf - i, StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) return new ChunkScan(payload, true);
                i = crlf + 2 + size + 2;
                if (i <= wire.length) payload += size;
            }
            return new ChunkScan(payload, false);
        }

        private static int indexOf(byte[] b, int from) {
            for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
            return -1;
        }
    }
}
