package uz.karvon.ingest.normalize;

import com.ibm.icu.text.IDNA;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The WHATWG URL Standard's basic URL parser and serializer (https://url.spec.whatwg.org/), for absolute
 * http(s) URLs: what a browser would make of the text, written back with every component percent-encoded by the
 * standard's percent-encode sets. Package-private: {@link Urls#serialize} is the door.
 *
 * <p>Stricter than the standard in two places:
 * <ul>
 * <li>a host must come out as a DNS name ({@code [a-z0-9._-]}), an IPv4 or an IPv6 address. The standard lets
 * {@code "}, {@code '}, {@code `}, {@code {} and the like through in hosts ({@code http://a"b/} is "valid"); such
 * a host names nothing, and we will not publish it;</li>
 * <li>the few characters the standard leaves raw but RFC 3986 does not allow ({@code [ ] \ ^ ` { | }}, a
 * {@code #} inside the fragment, a {@code %} that starts no escape) are percent-encoded too, so the result is also
 * a valid URI for {@code java.net.URI}, ROME and the W3C Feed Validator. A browser parses it back to itself.</li>
 * </ul>
 */
final class WebUrl {
    private WebUrl() {}

    /** UTS 46 as the standard's "domain to ASCII" asks: non-transitional, CheckBidi, CheckJoiners. */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
    /** Errors the standard does not check (CheckHyphens=false, VerifyDnsLength=false). */
    private static final Set<IDNA.Error> IGNORED = EnumSet.of(IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG,
            IDNA.Error.DOMAIN_NAME_TOO_LONG, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4);

    // Percent-encode sets (URL Standard §1.3). Each adds to the C0 control set: U+0000–U+001F and above U+007E.
    private static final String WHATWG_FRAGMENT = " \"<>`";
    private static final String WHATWG_SPECIAL_QUERY = " \"#<>'";
    private static final String WHATWG_PATH = " \"#<>?^`{}";
    private static final String WHATWG_USERINFO = WHATWG_PATH + "/:;=@[\\]|";
    /** Left raw by the standard, not allowed raw by RFC 3986 outside an IP literal. */
    private static final String NOT_RFC3986 = "[\\]^`{|}";
    private static final String FRAGMENT = WHATWG_FRAGMENT + NOT_RFC3986 + "#";
    private static final String SPECIAL_QUERY = WHATWG_SPECIAL_QUERY + NOT_RFC3986;
    private static final String PATH = WHATWG_PATH + NOT_RFC3986;
    private static final String USERINFO = WHATWG_USERINFO + NOT_RFC3986;

    static String serialize(String input) {
        if (input == null) return null;
        String s = trimAndStripTabsAndNewlines(input);
        int colon = schemeEnd(s);
        if (colon < 0) return null;
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        int defaultPort;
        switch (scheme) {
            case "http" -> defaultPort = 80;
            case "https" -> defaultPort = 443;
            default -> {
                return null; // we publish web links only
            }
        }
        int i = colon + 1;
        while (i < s.length() && isSlash(s.charAt(i))) i++; // "special authority ignore slashes"
        int authEnd = i;
        while (authEnd < s.length() && !isSlash(s.charAt(authEnd)) && s.charAt(authEnd) != '?' && s.charAt(authEnd) != '#') authEnd++;
        String authority = s.substring(i, authEnd);

        StringBuilder out = new StringBuilder(s.length() + 16).append(scheme).append("://");
        int at = authority.lastIndexOf('@');
        String hostPort = authority;
        if (at >= 0) {
            // every "@" but the last belongs to the credentials (and is encoded there)
            String userinfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int sep = userinfo.indexOf(':');
            String user = sep < 0 ? userinfo : userinfo.substring(0, sep);
            String password = sep < 0 ? "" : userinfo.substring(sep + 1);
            if (!user.isEmpty() || !password.isEmpty()) {
                encode(out, user, USERINFO);
                if (!password.isEmpty()) encode(out.append(':'), password, USERINFO);
                out.append('@');
            }
        }
        int portSep = portSeparator(hostPort);
        String host = host(portSep < 0 ? hostPort : hostPort.substring(0, portSep));
        if (host == null) return null;
        out.append(host);
        if (portSep >= 0) {
            Integer port = port(hostPort.substring(portSep + 1));
            if (port == null) return null;
            if (port >= 0 && port != defaultPort) out.append(':').append(port);
        }

        int queryAt = s.indexOf('?', authEnd);
        int fragmentAt = s.indexOf('#', authEnd);
        if (fragmentAt >= 0 && queryAt > fragmentAt) queryAt = -1; // a "?" inside the fragment
        int pathEnd = queryAt >= 0 ? queryAt : fragmentAt >= 0 ? fragmentAt : s.length();
        path(out, s.substring(authEnd, pathEnd));
        if (queryAt >= 0) encode(out.append('?'), s.substring(queryAt + 1, fragmentAt >= 0 ? fragmentAt : s.length()), SPECIAL_QUERY);
        if (fragmentAt >= 0) encode(out.append('#'), s.substring(fragmentAt + 1), FRAGMENT);
        return out.toString();
    }

    private static String trimAndStripTabsAndNewlines(String in) {
        int start = 0;
        int end = in.length();
        while (start < end && in.charAt(start) <= ' ') start++;
        while (end > start && in.charAt(end - 1) <= ' ') end--;
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') b.append(c);
        }
        return b.toString();
    }

    /** Index of the ":" ending a scheme (ASCII alpha, then alphanumerics, "+", "-", "."), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiAlpha(s.charAt(0))) return -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i;
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return -1;
        }
        return -1;
    }

    /** The ":" before a port: the last one outside an IPv6 literal's brackets. */
    private static int portSeparator(String hostPort) {
        boolean inBrackets = false;
        for (int i = 0; i < hostPort.length(); i++) {
            char c = hostPort.charAt(i);
            if (c == '[') inBrackets = true;
            else if (c == ']') inBrackets = false;
            else if (c == ':' && !inBrackets) return i;
        }
        return -1;
    }

    /** -1 for an empty port, null when it is not a port. */
    private static Integer port(String p) {
        if (p.isEmpty()) return -1;
        long v = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') return null;
            v = v * 10 + (c - '0');
            if (v > 65535) return null;
        }
        return (int) v;
    }

    /** Path segments percent-encoded; "." and ".." (also as %2e) resolved as the standard does. */
    private static void path(StringBuilder out, String raw) {
        List<String> segments = new ArrayList<>();
        int start = !raw.isEmpty() && isSlash(raw.charAt(0)) ? 1 : 0;
        while (true) {
            int end = start;
            while (end < raw.length() && !isSlash(raw.charAt(end))) end++;
            String seg = raw.substring(start, end);
            boolean last = end >= raw.length();
            if (isDoubleDot(seg)) {
                if (!segments.isEmpty()) segments.remove(segments.size() - 1);
                if (last) segments.add("");
            } else if (isSingleDot(seg)) {
                if (last) segments.add("");
            } else {
                StringBuilder b = new StringBuilder(seg.length());
                encode(b, seg, PATH);
                segments.add(b.toString());
            }
            if (last) break;
            start = end + 1;
        }
        for (String seg : segments) out.append('/').append(seg);
        if (segments.isEmpty()) out.append('/');
    }

    private static boolean isSingleDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("..") || l.equals(".%2e") || l.equals("%2e.") || l.equals("%2e%2e");
    }

    /** Host parser for special schemes: IPv6 literal, IPv4 (decimal, octal, hex parts), or a domain to ASCII. */
    private static String host(String raw) {
        if (raw.isEmpty()) return null;
        if (raw.startsWith("[")) {
            if (!raw.endsWith("]") || raw.length() < 3) return null;
            String v6 = ipv6(raw.substring(1, raw.length() - 1));
            return v6 == null ? null : "[" + v6 + "]";
        }
        String domain = new String(percentDecode(raw), StandardCharsets.UTF_8);
        String ascii = domainToAscii(domain);
        if (ascii == null || ascii.isEmpty()) return null;
        if (endsInNumber(ascii)) return ipv4(ascii);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean dnsChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            if (!dnsChar) return null; // includes the standard's forbidden domain code points
        }
        return ascii;
    }

    private static String domainToAscii(String domain) {
        boolean plain = true;
        for (int i = 0; i < domain.length() && plain; i++) plain = domain.charAt(i) < 0x80;
        String lower = domain.toLowerCase(Locale.ROOT);
        if (plain && !lower.startsWith("xn--") && !lower.contains(".xn--")) return lower;
        IDNA.Info info = new IDNA.Info();
        StringBuilder b = new StringBuilder(domain.length() + 8);
        UTS46.nameToASCII(domain, b, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(IGNORED);
        return errors.isEmpty() ? b.toString() : null;
    }

    private static boolean endsInNumber(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        if (last.isEmpty()) return false;
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
        return (last.startsWith("0x") || last.startsWith("0X"))
                && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static String ipv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) return null;
        long[] n = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = ipv4Number(parts[i]);
            if (v == null) return null;
            n[i] = v;
        }
        for (int i = 0; i < n.length - 1; i++) if (n[i] > 255) return null;
        long lastPart = n[n.length - 1];
        if (lastPart >= 1L << (8 * (5 - n.length))) return null;
        long address = lastPart;
        for (int i = 0; i < n.length - 1; i++) address += n[i] << (8 * (3 - i));
        return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
    }

    private static Long ipv4Number(String part) {
        if (part.isEmpty()) return null;
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) return 0L;
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 0x7F) return null;
            v = v * radix + d;
            if (v > 0xFFFF_FFFFL) return Long.MAX_VALUE >> 8; // too large for any part; refused by the caller
        }
        return v;
    }

    /** IPv6 literal through the JDK's literal parser (no DNS: only hex digits, ":" and "." reach it), compressed as the standard serializes it. */
    private static String ipv6(String literal) {
        if (!literal.contains(":") || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80 || c == ':' || c == '.')) {
            return null;
        }
        byte[] bytes;
        try {
            InetAddress a = InetAddress.getByName("[" + literal + "]");
            bytes = a.getAddress();
            if (a instanceof Inet4Address) { // the JDK turns ::ffff:a.b.c.d into an IPv4 address
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        int[] pieces = new int[8];
        for (int i = 0; i < 8; i++) pieces[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        int bestStart = -1;
        int bestLen = 1; // only runs of two or more zero pieces are compressed
        for (int i = 0; i < 8; ) {
            if (pieces[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && pieces[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(Integer.toHexString(pieces[i]));
            if (i < 7) b.append(':');
        }
        return b.toString();
    }

    private static byte[] percentDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[n++] = (byte) (hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int hex(byte b) {
        return b < 0 ? -1 : Character.digit(b, 16);
    }

    /**
     * UTF-8 percent-encode every code point in the C0 control set or in {@code set}. A "%" that starts an escape is
     * left as it is (the standard keeps every "%"; one that starts none is encoded for RFC 3986).
     */
    private static void encode(StringBuilder out, String s, String set) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean strayPercent = cp == '%' && !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)));
            if (cp < 0x20 || cp > 0x7E || set.indexOf(cp) >= 0 || strayPercent) {
                // a lone surrogate is not a scalar value: it is encoded as U+FFFD, as UTF-8 encode does
                String ch = Character.isSurrogate((char) cp) ? "\uFFFD" : s.substring(i, i + len);
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                out.append((char) cp);
            }
            i += len;
        }
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
