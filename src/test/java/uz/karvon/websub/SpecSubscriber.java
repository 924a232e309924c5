package uz.karvon.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSub subscriber written from the W3C Recommendation alone (sections 5.1, 5.3, 7, 8), sharing no code with
 * karvon: it sends form-encoded subscription requests, answers verification GETs at its callbacks (echoing the
 * challenge, or misbehaving on request), and records content distribution POSTs with their headers. Signatures are
 * checked here with the JDK's HMAC directly. One JDK HttpServer on 127.0.0.1, port chosen by the OS.
 */
public final class SpecSubscriber implements AutoCloseable {
    /** How a callback answers verification of intent. */
    enum Intent { ECHO, WRONG_CHALLENGE, NOT_FOUND }

    public record Delivery(byte[] body, String contentType, String link, String signature) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LinkedBlockingQueue<Map<String, String>>> verifications = new ConcurrentHashMap<>();
    private final Map<String, LinkedBlockingQueue<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    public SpecSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cb/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String callback(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb/" + name;
    }

    void intent(String name, Intent i) {
        intents.put(name, i);
    }

    /** Deliveries to {@code name} are answered only once {@code latch} opens (a slow subscriber), at most after 15 s. */
    void hold(String name, CountDownLatch latch) {
        holds.put(name, latch);
    }

    /** The next deliveries to {@code name} are answered with these statuses, then 200 again. */
    void answer(String name, Integer... codes) {
        statuses.computeIfAbsent(name, k -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    private void handle(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/cb/".length());
        try (ex) {
            if (ex.getRequestMethod().equals("GET")) {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                verifications.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).add(q);
                Intent i = intents.getOrDefault(name, Intent.ECHO);
                if (i == Intent.NOT_FOUND || q.get("hub.challenge") == null) {
                    reply(ex, 404, "no");
                } else {
                    reply(ex, 200, i == Intent.WRONG_CHALLENGE ? "not-" + q.get("hub.challenge") : q.get("hub.challenge"));
                }
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveries.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).add(new Delivery(body,
                    ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Link"),
                    ex.getRequestHeaders().getFirst("X-Hub-Signature")));
            CountDownLatch hold = holds.get(name);
            if (hold != null) {
                try {
                    hold.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> q = statuses.get(name);
            Integer code;
            synchronized (this) {
                code = q == null ? null : q.poll();
            }
            reply(ex, code == null ? 200 : code, "");
        }
    }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** §5.1: a form-encoded POST to the hub. {@code params} in order; extra request headers as name/value pairs. */
    HttpResponse<String> request(String hub, Map<String, String> params, String... headers) throws Exception {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (form.length() > 0) form.append('&');
            form.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> subscribe(String hub, String topic, String name, String lease, String secret, String... headers)
            throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hub.callback", callback(name));
        p.put("hub.mode", "subscribe");
        p.put("hub.topic", topic);
        if (lease != null) p.put("hub.lease_seconds", lease);
        if (secret != null) p.put("hub.secret", secret);
        return request(hub, p, headers);
    }

    HttpResponse<String> unsubscribe(String hub, String topic, String name, String... headers) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hub.callback", callback(name));
        p.put("hub.mode", "unsubscribe");
        p.put("hub.topic", topic);
        return request(hub, p, headers);
    }

    public Map<String, String> awaitVerification(String name) throws InterruptedException {
        Map<String, String> v = verifications.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
        if (v == null) throw new AssertionError("no verification request reached callback " + name);
        return v;
    }

    public Delivery awaitDelivery(String name) throws InterruptedException {
        Delivery d = deliveries.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
        if (d == null) throw new AssertionError("no delivery reached callback " + name);
        return d;
    }

    /** Deliveries received so far and not yet taken. */
    public int pending(String name) {
        return deliveries.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).size();
    }

    int verificationsPending(String name) {
        return verifications.computeIfAbsent(name, k -> new LinkedBlockingQueue<>()).size();
    }

    /** §8: {@code X-Hub-Signature: method=hex(HMAC(secret, body))}, recomputed here with the JDK. */
    public static boolean signatureValid(String secret, byte[] body, String header) throws Exception {
        if (header == null || !header.contains("=")) return false;
        String method = header.substring(0, header.indexOf('='));
        String algorithm = switch (method) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> throw new AssertionError("unrecognized signature method " + method);
        };
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(body)).equals(header.substring(header.indexOf('=') + 1));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
