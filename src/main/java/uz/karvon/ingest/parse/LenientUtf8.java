package uz.karvon.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 as feeds write it: how valid a body is, and a decoder that reads stray bytes as windows-1252. */
final class LenientUtf8 {
    private LenientUtf8() {
    }

    private static final char[] WINDOWS_1252 = new String(allBytes(), Charset.forName("windows-1252")).toCharArray();

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) b[i] = (byte) i;
        return b;
    }

    /**
     * UTF-8, except that each byte that is not part of a valid sequence is read as windows-1252: a feed written in
     * UTF-8 with a curly quote or an accented letter pasted in from another program (Don\x92t, caf\xE9) then reads
     * as its publisher meant, while its real UTF-8 text is untouched. Bytes windows-1252 leaves undefined become
     * U+FFFD. {@code fallbacks[0]} receives the number of bytes read that way.
     */
    static String decode(byte[] b, int offset, int[] fallbacks) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
        CharBuffer out = CharBuffer.allocate(b.length - offset + 16);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                out = bigger.put(out);
            } else {
                for (int k = 0; k < r.length(); k++) {
                    if (!out.hasRemaining()) {
                        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                        out.flip();
                        out = bigger.put(out);
                    }
                    out.put(WINDOWS_1252[in.get() & 0xFF]);
                    fallbacks[0]++;
                }
            }
        }
        out.flip();
        return out.toString();
    }

    /** Counts well-formed multibyte UTF-8 sequences and invalid bytes in one pass. */
    record Check(int multibyte, int invalid) {
        boolean valid() {
            return invalid == 0;
        }

        /** A few broken sequences in otherwise UTF-8 text (not a wholly different charset). */
        boolean mostlyValid() {
            return multibyte > 0 && invalid * 4 <= multibyte;
        }

        static Check of(byte[] b) {
            int multi = 0;
            int bad = 0;
            int i = 0;
            int n = b.length;
            while (i < n) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int len;
                int min;
                if (c >= 0xC2 && c <= 0xDF) {
                    len = 2;
                    min = 0x80;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    len = 3;
                    min = 0x800;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    len = 4;
                    min = 0x10000;
                } else {
                    bad++;
                    i++;
                    continue;
                }
                if (i + len > n) {
                    bad++;
                    break;
                }
                int cp = c & (0xFF >> (len + 1));
                boolean ok = true;
                for (int k = 1; k < len; k++) {
                    int cc = b[i + k] & 0xFF;
                    if ((cc & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (cc & 0x3F);
                }
                if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    bad++;
                    i++;
                } else {
                    multi++;
                    i += len;
                }
            }
            return new Check(multi, bad);
        }
    }
}
