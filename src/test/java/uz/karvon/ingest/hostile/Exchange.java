package uz.karvon.ingest.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request to the lab and the raw connection to answer it on. The helpers write HTTP/1.1 by hand, so a case
 * can stop anywhere: after the status line, in the middle of a body, with a FIN or with an RST.
 */
public final class Exchange {
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 301, "Moved Permanently", 302, "Found",
            304, "Not Modified", 404, "Not Found", 410, "Gone", 429, "Too Many Requests",
            500, "Internal Server Error", 503, "Service Unavailable");

    private final HostileUpstream lab;
    private final Socket socket;
    private final OutputStream out;
    private final Request request;
    private final int hitNumber;
    private boolean close;

    Exchange(HostileUpstream lab, Socket socket, OutputStream out, Request request, int hitNumber) {
        this.lab = lab;
        this.socket = socket;
        this.out = out;
        this.request = request;
        this.hitNumber = hitNumber;
    }

    HostileUpstream lab() {
        return lab;
    }

    /** {@code http://127.0.0.1:PORT} of the lab. */
    public String base() {
        return lab.base();
    }

    public String path() {
        return request.path();
    }

    /** The request target as sent (path and query). */
    public String target() {
        return request.target();
    }

    /** A request header (name case-insensitive), or null. */
    public String header(String name) {
        return request.headers().get(name.toLowerCase(Locale.ROOT));
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        if (request.query() == null) return null;
        for (String kv : request.query().split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** How many requests this path has had, this one included. */
    public int hitNumber() {
        return hitNumber;
    }

    boolean closeRequested() {
        return close;
    }

    /** A complete response with an honest Content-Length (no body for HEAD); the connection stays usable. */
    public void send(int status, String contentType, byte[] body, String... headerPairs) throws IOException {
        String[] all = new String[headerPairs.length + 4];
        all[0] = "Content-Type";
        all[1] = contentType;
        all[2] = "Content-Length";
        all[3] = Integer.toString(body.length);
        System.arraycopy(headerPairs, 0, all, 4, headerPairs.length);
        head(status, all);
        if (!"HEAD".equals(request.method())) out.write(body);
        out.flush();
    }

    /** Status line, Server, Date and the given header name/value pairs, then the blank line. Not flushed. */
    public void head(int status, String... headerPairs) throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        h.append("Server: hostile-lab/1\r\nDate: ").append(FeedText.rfc822(Instant.now())).append("\r\n");
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            h.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A redirect with an empty body; {@code record} puts it in {@link Hits} (the loop's hops are not). */
    public void redirect(int status, String location, boolean record) throws IOException {
        if (record) lab.hits().redirect(new Hits.Redirect(request.target(), status, location));
        head(status, "Location", location, "Content-Length", "0");
        out.flush();
    }

    public void write(byte[] b) throws IOException {
        out.write(b);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Close the connection with a FIN once the responder returns (whatever the framing promised). */
    public void closeAfter() {
        close = true;
    }

    /** Flushes, then closes the connection with a TCP RST (SO_LINGER 0) instead of a FIN. */
    public void reset() throws IOException {
        out.flush();
        socket.setSoLinger(true, 0);
        socket.close();
        close = true;
    }

    /** Now plus the lab's bound on every slow or endless response. */
    public Instant deadline() {
        return Instant.now().plus(lab.options().maxStream());
    }

    /** True until {@code deadline} passes or the lab stops. */
    public boolean alive(Instant deadline) {
        return Instant.now().isBefore(deadline) && !lab.stopping();
    }

    /** Waits {@code d}, or less if the lab stops meanwhile. */
    public void pause(Duration d) {
        lab.awaitStop(d);
    }
}
