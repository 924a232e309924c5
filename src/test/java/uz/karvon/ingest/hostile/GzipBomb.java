package uz.karvon.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A valid gzip member of a feed whose description is {@code mib} MiB of 'A', built without ever holding the inflated
 * bytes: each MiB is deflated once after a full flush, which resets the compressor, so every further MiB is the same
 * ~1 KB of compressed output and is simply written again. About 1,000:1, with an honest Content-Length and trailer.
 */
final class GzipBomb {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int MIB = 1 << 20;

    private final int mib;
    private final byte[] head;
    private final byte[] chunk;
    private final byte[] tail;
    private final byte[] trailer;

    GzipBomb(String headText, String tailText, int mib) {
        this.mib = mib;
        byte[] headBytes = headText.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tailText.getBytes(StandardCharsets.UTF_8);
        byte[] as = new byte[MIB];
        Arrays.fill(as, (byte) 'A');
        Deflater d = new Deflater(6, true);
        try {
            head = deflate(d, headBytes, Deflater.FULL_FLUSH);
            chunk = deflate(d, as, Deflater.FULL_FLUSH);
            if (!Arrays.equals(chunk, deflate(d, as, Deflater.FULL_FLUSH))) {
                throw new IllegalStateException("gzip bomb: deflate output after a full flush is not repeatable here");
            }
            d.setInput(tailBytes);
            d.finish();
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) t.write(buf, 0, d.deflate(buf));
            tail = t.toByteArray();
        } finally {
            d.end();
        }
        CRC32 crc = new CRC32();
        crc.update(headBytes);
        for (int i = 0; i < mib; i++) crc.update(as);
        crc.update(tailBytes);
        long size = headBytes.length + (long) mib * MIB + tailBytes.length;
        trailer = new byte[8];
        putIntLe(trailer, 0, crc.getValue());
        putIntLe(trailer, 4, size);   // ISIZE is the size modulo 2^32
    }

    /** Bytes on the wire. */
    long length() {
        return HEADER.length + head.length + (long) mib * chunk.length + tail.length + trailer.length;
    }

    /** Writes the member; stops early (leaving it short) when the deadline passes or the lab stops. */
    boolean writeTo(Exchange x, Instant deadline) throws IOException {
        x.write(HEADER);
        x.write(head);
        for (int i = 0; i < mib; i++) {
            if ((i & 15) == 0 && !x.alive(deadline)) return false;
            x.write(chunk);
        }
        x.write(tail);
        x.write(trailer);
        x.flush();
        return true;
    }

    private static byte[] deflate(Deflater d, byte[] input, int flush) {
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return out.toByteArray();
    }

    private static void putIntLe(byte[] b, int off, long v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
