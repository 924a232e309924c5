package uz.karvon.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Streams a (possibly compressed) body into memory with a cap on the decoded size, so a
 * compression bomb stops at {@code maxBytes} of output and only small buffers besides. Every
 * decoded byte is first reserved in the shared {@link BodyBudget} (waiting until the deadline).
 */
final class BodyReader {

    /** The decoded body would exceed the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** A Content-Encoding we did not ask for and cannot decode. */
    static final class UnsupportedEncodingException extends IOException {
        UnsupportedEncodingException(String message) {
            super(message);
        }
    }

    private BodyReader() {
    }

    /**
     * What the decoded bytes are held against: a lease on the shared budget, waited for until a deadline.
     * {@code base} is what the lease held before this body (earlier bodies of the same worker).
     */
    record Reservation(BodyBudget.Lease lease, long base, long deadlineNanos) {
        static Reservation on(BodyBudget.Lease lease, long deadlineNanos) {
            return new Reservation(lease, lease.held(), deadlineNanos);
        }

        /** Holds {@code bodyBytes} of this body in all (a no-op while within what is already held). */
        void hold(long bodyBytes) throws IOException {
            lease.hold(base + bodyBytes, deadlineNanos);
        }
    }

    static byte[] read(InputStream raw, String contentEncoding, long maxBytes, Reservation r) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (enc) {
            case "", "identity":
                return copyCapped(raw, maxBytes, r);
            case "gzip", "x-gzip":
                try (GZIPInputStream in = new GZIPInputStream(raw, 8192)) {
                    return copyCapped(in, maxBytes, r);
                }
            case "deflate":
                return inflate(raw, maxBytes, r);
            default:
                throw new UnsupportedEncodingException("unsupported content-encoding " + enc.replaceAll("[^a-z0-9, -]", "?"));
        }
    }

    // "deflate" means zlib (RFC 9110) but some servers send raw RFC 1951 data; sniff the zlib header.
    private static byte[] inflate(InputStream raw, long maxBytes, Reservation r) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try (InflaterInputStream inflating = new InflaterInputStream(in, inflater, 8192)) {
            return copyCapped(inflating, maxBytes, r);
        } finally {
            inflater.end();
        }
    }

    private static byte[] copyCapped(InputStream in, long maxBytes, Reservation r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException("body larger than " + maxBytes + " bytes");
            }
            r.hold(total);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
