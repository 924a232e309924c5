package uz.karvon.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hub-Signature: method=hex} (WebSub §8.1): an HMAC of the request body keyed with {@code hub.secret}.
 * We sign with sha256; we accept the four recognized methods, since the spec has the subscriber use whichever the
 * hub stated (most hubs still sign with sha1).
 */
public final class Signature {
    public static final String HEADER = "X-Hub-Signature";
    private static final Map<String, String> METHODS = Map.of(
            "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private Signature() {}

    /** The header value for {@code body} signed with {@code secret}: {@code sha256=<hex>}. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
    }

    /** Whether {@code header} is a valid signature of {@code body} under {@code secret}; constant time in the digest. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (secret == null || header == null) return false;
        int eq = header.indexOf('=');
        if (eq <= 0) return false;
        String algorithm = METHODS.get(header.substring(0, eq).trim().toLowerCase(Locale.ROOT));
        if (algorithm == null) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(algorithm, secret, body), given);
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
