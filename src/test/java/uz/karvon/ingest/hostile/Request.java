package uz.karvon.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request head as the lab reads it: method, target, percent-decoded path (query left out, so a redirect
 * chain counts on one path), query, lower-case header names. A request body is read and dropped.
 */
record Request(String method, String target, String path, String query, Map<String, String> headers, boolean keepAlive) {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1 << 20;

    /** The next request on the connection, or null at end of stream before one (or on a malformed request line). */
    static Request read(InputStream in) throws IOException {
        List<String> lines = headLines(in);
        if (lines == null) return null;
        String[] requestLine = lines.get(0).split(" ", 3);
        if (requestLine.length < 3) return null;
        Map<String, String> headers = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        skipBody(in, headers.get("content-length"));
        String target = requestLine[1];
        int q = target.indexOf('?');
        boolean keepAlive = "HTTP/1.1".equals(requestLine[2]) && !"close".equalsIgnoreCase(headers.get("connection"));
        return new Request(requestLine[0], target, decodePath(q < 0 ? target : target.substring(0, q)),
                q < 0 ? null : target.substring(q + 1), Map.copyOf(headers), keepAlive);
    }

    /** The request line and header lines; null at end of stream before a request. */
    private static List<String> headLines(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (++total > MAX_HEAD) throw new IOException("request head too large");
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String l = line.toString(StandardCharsets.ISO_8859_1);
            if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
            line.reset();
            if (!l.isEmpty()) {
                lines.add(l);
            } else if (!lines.isEmpty()) {
                return lines;
            }   // else a stray CRLF between requests
        }
        return null;
    }

    private static void skipBody(InputStream in, String contentLength) throws IOException {
        if (contentLength == null) return;
        long n;
        try {
            n = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad content-length");
        }
        if (n < 0 || n > MAX_BODY) throw new IOException("request body too large");
        in.skipNBytes(n);
    }

    private static String decodePath(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
