package uz.karvon.ingest.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client that reports exactly what came over the wire (status line, headers, body bytes until the connection
 * ended, and how it ended), for checking that the lab misbehaves as documented. Reads until EOF; no framing trusted.
 */
final class RawClient {
    /** How the connection ended. */
    enum End { EOF, RESET }

    /** {@code status} is -1 when no status line arrived. {@code body} keeps the first {@code keep} bytes only. */
    record Response(int status, Map<String, String> headers, long bodyBytes, byte[] body, End end) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Body handler: gets the stream after the headers; returns how many bytes it consumed. */
    @FunctionalInterface
    interface BodyReader {
        long read(InputStream body) throws IOException;
    }

    private RawClient() {
    }

    static Response get(String base, String target, String... headerPairs) throws IOException {
        return get(base, target, 1 << 20, headerPairs);
    }

    /** GET with {@code Connection: close}; keeps up to {@code keep} body bytes. */
    static Response get(String base, String target, int keep, String... headerPairs) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long[] count = {0};
        Response r = get(base, target, in -> {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) != -1) {
                count[0] += n;
                int room = keep - kept.size();
                if (room > 0) kept.write(buf, 0, Math.min(room, n));
            }
            return count[0];
        }, headerPairs);
        return new Response(r.status(), r.headers(), count[0], kept.toByteArray(), r.end());   // counted even if reset
    }

    static Response get(String base, String target, BodyReader reader, String... headerPairs) throws IOException {
        URI u = URI.create(base);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), u.getPort())) {
            s.setSoTimeout(10_000);   // a lab that should have ended a stream and did not fails the test, never hangs it
            StringBuilder req = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + u.getAuthority() + "\r\n"
                    + "User-Agent: raw-client\r\nConnection: close\r\n");
            for (int i = 0; i + 1 < headerPairs.length; i += 2) req.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
            s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            int status = -1;
            Map<String, String> headers = new HashMap<>();
            long bytes = 0;
            try {
                String statusLine = line(in);
                if (statusLine != null) {
                    status = Integer.parseInt(statusLine.split(" ")[1]);
                    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                        int c = l.indexOf(':');
                        headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
                    }
                    bytes = reader.read(in);
                }
            } catch (SocketException e) {
                if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) throw e;
                return new Response(status, headers, bytes, new byte[0], End.RESET);
            }
            return new Response(status, headers, bytes, new byte[0], End.EOF);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') b.write(c);
        if (c == -1 && b.size() == 0) return null;
        String l = b.toString(StandardCharsets.ISO_8859_1);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }
}
