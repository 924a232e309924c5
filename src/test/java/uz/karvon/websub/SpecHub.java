package uz.karvon.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A publisher and its hub, written from the W3C Recommendation alone and sharing no code with karvon: it serves an
 * Atom feed that advertises the hub and itself (§4), records subscription requests (§5.1, answered 202), sends the
 * verification of intent when the test says so (§5.3), and distributes content signed with the subscriber's secret
 * (§7, §8). One JDK HttpServer on 127.0.0.1, port chosen by the OS.
 */
final class SpecHub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LinkedBlockingQueue<Map<String, String>> requests = new LinkedBlockingQueue<>();
    private volatile String feed;

    SpecHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.atom", ex -> {
            try (ex) {
                byte[] b = feed.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        server.createContext("/hub", this::hub);
        server.setExecutor(executor);
        server.start();
        feed(entry("first", "The first story", "<p>Already there.</p>"));
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String topic() {
        return base() + "/feed.atom";
    }

    String hubUrl() {
        return base() + "/hub";
    }

    /** An Atom entry. */
    /** feeds.yml's sources and feeds: one source "partner" on this hub's topic, served as feed "partner-news". */
    String partnerConfig() {
        return """
                sources:
                  - id: partner
                    url: %s
                    language: en
                    interval: 10m
                feeds:
                  - id: partner-news
                    title: Partner news
                    language: all
                    articles: false
                    sources: [partner]
                """.formatted(topic());
    }

    static String entry(String id, String title, String html) {
        return "<entry><id>urn:spec-hub:" + id + "</id><title>" + title + "</title>"
                + "<link href=\"https://publisher.example/" + id + "\"/><updated>2026-11-27T05:00:00Z</updated>"
                + "<content type=\"html\">" + html.replace("&", "&amp;").replace("<", "&lt;") + "</content></entry>";
    }

    /** The feed with these entries, as served and as pushed: the hub and the topic advertised inside (§4). */
    String document(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Spec publisher</title><id>urn:spec-hub</id><updated>2026-11-27T05:00:00Z</updated>"
                + "<link rel=\"hub\" href=\"" + hubUrl() + "\"/><link rel=\"self\" href=\"" + topic() + "\"/>"
                + String.join("", entries) + "</feed>";
    }

    void feed(String... entries) {
        feed = document(entries);
    }

    private void hub(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(SpecSubscriber.query(new String(body, StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(202, -1);
        }
    }

    Map<String, String> awaitRequest() throws InterruptedException {
        Map<String, String> r = requests.poll(10, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no subscription request reached the hub");
        return r;
    }

    boolean noRequest() {
        return requests.isEmpty();
    }

    /** §5.3: a GET to the callback with the parameters appended; the subscriber's answer. */
    HttpResponse<String> verify(String callback, String mode, String topic, String challenge, Long lease) throws Exception {
        StringBuilder q = new StringBuilder(callback).append(callback.contains("?") ? '&' : '?')
                .append("hub.mode=").append(enc(mode)).append("&hub.topic=").append(enc(topic));
        if (challenge != null) q.append("&hub.challenge=").append(enc(challenge));
        if (lease != null) q.append("&hub.lease_seconds=").append(lease);
        return client.send(HttpRequest.newBuilder(URI.create(q.toString())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** §7: a content distribution POST; {@code signature} null sends none. */
    HttpResponse<String> push(String callback, String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(callback)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/atom+xml")
                .header("Link", "<" + hubUrl() + ">; rel=\"hub\", <" + topic() + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) b.header("X-Hub-Signature", signature);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** §8: {@code method=hex(HMAC(secret, body))} with the JDK's HMAC. */
    static String sign(String method, String secret, String body) throws Exception {
        String algorithm = switch (method) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException(method);
        };
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return method + "=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
