package uz.karvon.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether an address may be fetched from without an explicit opt-in (SSRF guard).
 * Non-public: unspecified, "this network" 0/8, loopback, RFC 1918, CGNAT 100.64/10, link-local
 * (incl. the 169.254.169.254 cloud metadata service), IETF/test/benchmark ranges, multicast,
 * reserved 240/4 and broadcast; IPv6 loopback, link-/site-local, unique-local fc00::/7,
 * multicast, documentation, Teredo; and IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6
 * addresses whose embedded IPv4 address is non-public.
 */
public final class AddressGuard {
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.%a-z]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]*");

    private AddressGuard() {
    }

    public static boolean isPublic(InetAddress a) {
        if (a == null) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address || b.length == 4) {
            return isPublicV4(b, 0);
        }
        if (a instanceof Inet6Address || b.length == 16) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b, int off) {
        int o1 = b[off] & 0xff;
        int o2 = b[off + 1] & 0xff;
        int o3 = b[off + 2] & 0xff;
        if (o1 == 0 || o1 == 10 || o1 == 127) {
            return false;                                  // this-network, private, loopback
        }
        if (o1 == 100 && (o2 & 0xc0) == 64) {
            return false;                                  // CGNAT 100.64/10
        }
        if (o1 == 169 && o2 == 254) {
            return false;                                  // link-local, cloud metadata
        }
        if (o1 == 172 && (o2 & 0xf0) == 16) {
            return false;                                  // 172.16/12
        }
        if (o1 == 192 && o2 == 168) {
            return false;                                  // 192.168/16
        }
        if (o1 == 192 && o2 == 0 && (o3 == 0 || o3 == 2)) {
            return false;                                  // IETF protocol assignments, TEST-NET-1
        }
        if (o1 == 198 && (o2 == 18 || o2 == 19)) {
            return false;                                  // benchmarking 198.18/15
        }
        if (o1 == 198 && o2 == 51 && o3 == 100 || o1 == 203 && o2 == 0 && o3 == 113) {
            return false;                                  // TEST-NET-2, TEST-NET-3
        }
        return o1 < 224;                                   // multicast 224/4, reserved 240/4, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            first10Zero &= b[i] == 0;
        }
        if (first10Zero) {
            int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
            if (w5 == 0xffff) {
                return isPublicV4(b, 12);                  // IPv4-mapped ::ffff:a.b.c.d
            }
            if (w5 == 0) {
                return isPublicV4(b, 12);                  // ::, ::1 (0.0.0.x) and IPv4-compatible ::a.b.c.d
            }
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return isPublicV4(b, 12);                      // NAT64 64:ff9b::/96
        }
        if (w0 == 0x2002) {
            return isPublicV4(b, 2);                       // 6to4 2002:a.b.c.d::/48
        }
        if (w0 == 0x2001 && w1 == 0) {
            return false;                                  // Teredo: tunnels to arbitrary IPv4
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return false;                                  // documentation
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return false;                                  // unique-local fc00::/7
        }
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return false;                                  // link-local, deprecated site-local
        }
        if ((w0 & 0xff00) == 0xff00) {
            return false;                                  // multicast
        }
        if (w0 == 0 && w1 == 0) {
            return false;                                  // rest of ::/32: unassigned/deprecated forms
        }
        return !(w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0); // discard 100::/64
    }

    /**
     * The address a URL host denotes when it is an IP literal in any spelling a resolver or
     * browser might accept: IPv6 (bracketed or not), dotted quads and the WHATWG numeric forms
     * ({@code 2852039166}, {@code 0xA9FEA9FE}, {@code 0251.0376.0251.0376}, {@code 169.254.43518}).
     * Returns null for a host name.
     *
     * @throws UnknownHostException when the host ends in a number but is not a valid address;
     *                              such hosts are refused rather than handed to a resolver
     */
    /**
     * Whether a configured URL names a private network by itself, without a DNS lookup: {@code localhost} or an
     * address literal outside the public internet. A name is never trusted on what DNS answers today (whoever runs
     * the partner's DNS could point it at our network); intranet names need the source's {@code private_network}.
     */
    public static boolean namesPrivateAddress(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        try {
            InetAddress a = literal(h);
            return a != null && !isPublic(a);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static InetAddress literal(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            if (!IPV6_CHARS.matcher(h).matches()) {
                throw new UnknownHostException("invalid ipv6 literal");
            }
            return InetAddress.getByName(h);               // literal only: no lookup for strings with ':'
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        String last = parts[parts.length - 1];
        if (!looksNumeric(last)) {
            return null;
        }
        if (parts.length > 4) {
            throw new UnknownHostException("invalid numeric host");
        }
        long[] nums = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            nums[i] = parseIpv4Number(parts[i]);
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (nums[i] > 255) {
                throw new UnknownHostException("invalid numeric host");
            }
        }
        long lastMax = 1L << (8 * (5 - parts.length));
        if (nums[parts.length - 1] >= lastMax) {
            throw new UnknownHostException("invalid numeric host");
        }
        long value = nums[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            value += nums[i] << (8 * (3 - i));
        }
        byte[] addr = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return InetAddress.getByAddress(addr);
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (DECIMAL.matcher(s).matches()) {
            return true;
        }
        return HEX.matcher(s).matches();
    }

    private static long parseIpv4Number(String s) throws UnknownHostException {
        if (s.isEmpty() || s.length() > 20) {
            throw new UnknownHostException("invalid numeric host");
        }
        int radix = 10;
        String digits = s;
        if (s.startsWith("0x")) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(digits, radix);
            if (v < 0 || v > 0xffffffffL) {
                throw new UnknownHostException("invalid numeric host");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UnknownHostException("invalid numeric host");
        }
    }
}
