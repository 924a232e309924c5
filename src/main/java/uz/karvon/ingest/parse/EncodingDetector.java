package uz.karvon.ingest.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of a feed body and decodes it. Order: BOM → UTF-16/32 without BOM (zero padding) → HTTP charset
 * and XML prolog (reconciled, see {@link #detect}) → ICU CharsetDetector. Malformed bytes become U+FFFD.
 * {@code text/xml} without a charset is NOT read as US-ASCII (RFC 3023); real feeds mean UTF-8 (RFC 7303).
 */
public final class EncodingDetector {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern PROLOG_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final int PROLOG_SCAN = 1024;
    private static final int ICU_SAMPLE = 64 * 1024;

    private EncodingDetector() {
    }

    /** Decoded text, the charset used, how it was chosen, and what the decoding had to repair. */
    record Decoded(String text, Charset charset, String how, List<String> repairs) {
        Decoded(String text, Charset charset, String how) {
            this(text, charset, how, List.of());
        }
    }

    static Decoded decode(byte[] body, String contentType) {
        Decoded fast = fastUtf8(body, contentType);
        if (fast != null) return fast;
        Detection d = detect(body, contentType);
        List<String> repairs = new ArrayList<>(2);
        String text;
        if (d.charset == StandardCharsets.UTF_8) {
            int[] fallbacks = new int[1];
            text = LenientUtf8.decode(body, d.offset, fallbacks);
            if (fallbacks[0] > 0) {
                repairs.add(fallbacks[0] + (fallbacks[0] == 1 ? " byte" : " bytes") + " invalid in UTF-8 read as windows-1252");
            }
        } else {
            text = new String(body, d.offset, body.length - d.offset, d.charset);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (d.how.equals("bom")) {
            Charset declared = charsetOrNull(prologEncoding(text));
            if (declared != null && !sameFamily(declared, d.charset)) {
                repairs.add("byte-order mark (" + d.charset.name() + ") read over the declared encoding " + declared.name());
            }
        }
        int replaced = count(text, '\uFFFD');
        if (replaced > 0) {
            repairs.add(replaced + (replaced == 1 ? " byte sequence" : " byte sequences") + " invalid in "
                    + d.charset.name() + " replaced with U+FFFD");
        }
        return new Decoded(text, d.charset, d.how, repairs);
    }

    /** UTF-16 and UTF-16LE, or UTF-8 and UTF-8: one encoding as far as a reader is concerned. */
    private static boolean sameFamily(Charset a, Charset b) {
        String x = a.name().toUpperCase(Locale.ROOT);
        String y = b.name().toUpperCase(Locale.ROOT);
        return x.startsWith(y) || y.startsWith(x) || (x.startsWith("UTF-16") && y.startsWith("UTF-16"))
                || (x.startsWith("UTF-32") && y.startsWith("UTF-32"));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
        return n;
    }

    private record Detection(Charset charset, int offset, String how) {
    }

    /**
     * The common case in one pass: no BOM, nothing or only UTF-8 declared, and the JDK's (intrinsified) UTF-8
     * decoder produced no U+FFFD, so the bytes were valid UTF-8. Null when the full detection must decide.
     */
    private static Decoded fastUtf8(byte[] b, String contentType) {
        if (b.length >= 2 && ((b[0] & 0xFF) >= 0xEF || b[0] == 0 || b[1] == 0)) return null;   // BOMs, UTF-16
        Charset header = charsetOrNull(headerCharset(contentType));
        if (header != null && header != StandardCharsets.UTF_8) return null;
        Charset prolog = charsetOrNull(prologEncoding(b));
        if (prolog != null && prolog != StandardCharsets.UTF_8) return null;
        String text = new String(b, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) return null;
        return new Decoded(text, StandardCharsets.UTF_8, "utf8-valid");
    }

    static Detection detect(byte[] b, String contentType) {
        // 1. BOM always wins (UTF-32 LE before UTF-16 LE: FF FE 00 00 starts both)
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return new Detection(StandardCharsets.UTF_8, 3, "bom");
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) return new Detection(Charset.forName("UTF-32BE"), 4, "bom");
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) return new Detection(Charset.forName("UTF-32LE"), 4, "bom");
        if (startsWith(b, 0xFF, 0xFE)) return new Detection(StandardCharsets.UTF_16LE, 2, "bom");
        if (startsWith(b, 0xFE, 0xFF)) return new Detection(StandardCharsets.UTF_16BE, 2, "bom");
        // 2. UTF-16/32 without BOM, from where the zero bytes of the first ASCII characters fall (XML 1.0 appendix F)
        Charset wide = wideWithoutBom(b);
        if (wide != null) return new Detection(wide, 0, "utf16-32-sniff");

        Charset header = charsetOrNull(headerCharset(contentType));
        Charset prolog = charsetOrNull(prologEncoding(b));
        if (prolog != null && (prolog.name().startsWith("UTF-16") || prolog.name().startsWith("UTF-32"))) {
            prolog = null;   // an ASCII-readable prolog cannot really be UTF-16
        }
        // only the body's own declaration, not UTF-8: trusted as such (rule 3 below needs UTF-8 or nothing declared)
        if (header == null && prolog != null && prolog != StandardCharsets.UTF_8) return new Detection(widen(prolog), 0, "prolog");
        LenientUtf8.Check utf8 = LenientUtf8.Check.of(b);
        boolean headerUtf8 = header == StandardCharsets.UTF_8;
        boolean prologUtf8 = prolog == StandardCharsets.UTF_8;

        // 3. valid UTF-8 with multibyte text is UTF-8 whenever anything declares UTF-8 or nothing declares anything
        if (utf8.valid() && (headerUtf8 || prologUtf8 || (header == null && prolog == null))) {
            return new Detection(StandardCharsets.UTF_8, 0, "utf8-valid");
        }
        if (header != null && !headerUtf8) {
            // servers default to ISO-8859-1 / US-ASCII; a specific prolog is more trustworthy then
            boolean generic = header == StandardCharsets.ISO_8859_1 || header == StandardCharsets.US_ASCII;
            if (generic && prolog != null) return new Detection(widen(prolog), 0, "prolog-over-generic-header");
            if (generic && utf8.valid()) return new Detection(StandardCharsets.UTF_8, 0, "utf8-valid");
            return new Detection(widen(header), 0, "header");
        }
        if (prolog != null && !prologUtf8) return new Detection(widen(prolog), 0, "prolog");
        // UTF-8 declared (or nothing declared) but bytes are not valid UTF-8: a few broken sequences stay UTF-8
        // (U+FFFD); a body that is really another charset (Cyrillic byte runs, or nothing declared) goes to ICU
        boolean declaredUtf8 = headerUtf8 || prologUtf8;
        if (utf8.mostlyValid() || (declaredUtf8 && !highByteRuns(b))) {
            return new Detection(StandardCharsets.UTF_8, 0, "utf8-lossy");
        }
        Charset guessed = icuGuess(b);
        return new Detection(guessed, 0, "icu");
    }

    /** UTF-16 or UTF-32 (either order) when the first four bytes are one or two ASCII characters padded with zeros. */
    private static Charset wideWithoutBom(byte[] b) {
        if (b.length < 4) return null;
        boolean z0 = b[0] == 0;
        boolean z1 = b[1] == 0;
        boolean z2 = b[2] == 0;
        boolean z3 = b[3] == 0;
        if (z0 && z1 && z2 && !z3) return Charset.forName("UTF-32BE");
        if (!z0 && z1 && z2 && z3) return Charset.forName("UTF-32LE");
        if (z0 && !z1 && z2 && !z3) return StandardCharsets.UTF_16BE;
        if (!z0 && z1 && !z2 && z3) return StandardCharsets.UTF_16LE;
        return null;
    }

    /** The charset label of a Content-Type header, or null. */
    public static String headerCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    static String prologEncoding(byte[] b) {
        int n = Math.min(b.length, PROLOG_SCAN);
        return prologEncoding(new String(b, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** The encoding an XML declaration (or an HTML meta tag) near the start of {@code text} names, or null. */
    static String prologEncoding(String text) {
        String head = text.length() > PROLOG_SCAN ? text.substring(0, PROLOG_SCAN) : text;
        int lt = head.indexOf("<?xml");
        if (lt > 0) head = head.substring(lt);
        Matcher m = PROLOG_ENCODING.matcher(head);
        if (m.find()) return m.group(1);
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }

    private static Charset charsetOrNull(String name) {
        if (name == null) return null;
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "utf8", "utf-8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "gb2312", "gbk", "gb_2312-80", "x-gbk", "euc-cn", "cp936" -> n = "GB18030";
            case "big5", "x-x-big5", "cn-big5" -> n = "Big5-HKSCS";
            case "latin1", "iso-8859-1", "iso8859-1", "l1" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii" -> {
                return StandardCharsets.US_ASCII;
            }
            case "cp1251", "win-1251" -> n = "windows-1251";
            // WHATWG Encoding: these labels mean the Microsoft supersets, which real feeds use
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j" -> n = "windows-31j";
            case "euc-kr", "ks_c_5601-1987", "ksc5601", "cp949", "windows-949" -> n = "x-windows-949";
            case "iso-8859-9", "iso8859-9", "latin5" -> n = "windows-1254";
            case "iso-8859-11", "tis-620", "tis620" -> n = "x-windows-874";
            case "iso-8859-8-i", "iso-8859-8-e" -> n = "ISO-8859-8";
            case "koi8r", "koi8" -> n = "KOI8-R";
            case "koi8u" -> n = "KOI8-U";
            default -> {
            }
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Decode with the common superset: ISO-8859-1 and US-ASCII labels mean windows-1252 in practice (WHATWG). */
    private static Charset widen(Charset c) {
        if (c == StandardCharsets.ISO_8859_1 || c == StandardCharsets.US_ASCII) return Charset.forName("windows-1252");
        return c;
    }

    private static Charset icuGuess(byte[] b) {
        CharsetDetector det = new CharsetDetector();
        byte[] sample = b.length > ICU_SAMPLE ? Arrays.copyOf(b, ICU_SAMPLE) : b;
        det.enableInputFilter(true);   // ignore markup, judge the text
        det.setText(sample);
        try {
            CharsetMatch[] all = det.detectAll();
            boolean cyrillicRuns = highByteRuns(sample);
            for (CharsetMatch m : all) {
                Charset c = charsetOrNull(m.getName());
                if (c == null || c == StandardCharsets.UTF_8) continue;
                if (cyrillicRuns && !isCyrillicCharset(c)) continue;
                return widen(c);
            }
            if (cyrillicRuns) return Charset.forName("windows-1251");
        } catch (RuntimeException ignored) {
            // fall through to UTF-8 with replacement characters
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean isCyrillicCharset(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("windows-1251") || n.startsWith("koi8") || n.equals("iso-8859-5") || n.equals("ibm866");
    }

    /**
     * True when bytes >= 0xC0 mostly come in runs of three or more: words of a non-Latin single-byte script
     * (Cyrillic). Latin-1 text has isolated accented letters between ASCII ones (café). ICU alone calls short
     * windows-1251 titles ISO-8859-1, which is the mojibake this prevents.
     */
    static boolean highByteRuns(byte[] b) {
        int inRuns = 0;
        int high = 0;
        int run = 0;
        for (int i = 0; i <= b.length; i++) {
            boolean isHigh = i < b.length && (b[i] & 0xFF) >= 0xC0;
            if (isHigh) {
                high++;
                run++;
            } else {
                if (run >= 3) inRuns += run;
                run = 0;
            }
        }
        return high >= 4 && inRuns * 10 >= high * 7;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
