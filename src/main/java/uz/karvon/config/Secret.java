package uz.karvon.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A credential that never sits in feeds.yml in plain text: either the name of an environment variable
 * (read once at load time) or the SHA-256 of the token. Only the digest is kept in memory.
 *
 * @param source where it came from, for messages: {@code env KARVON_CMS_TOKEN} or {@code sha256} — never the value
 */
public record Secret(String source, byte[] sha256) {
    public static final Secret NONE = new Secret("unset", null);

    public static Secret ofDigestHex(String hex) {
        return new Secret("sha256", HexFormat.of().parseHex(hex));
    }

    public static Secret ofValue(String source, String value) {
        return new Secret(source, digest(value));
    }

    public boolean isSet() {
        return sha256 != null;
    }

    /** Constant-time check of a presented token. */
    public boolean matches(String presented) {
        if (sha256 == null || presented == null || presented.isEmpty()) return false;
        return MessageDigest.isEqual(sha256, digest(presented));
    }

    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Secret[" + source + "]";
    }
}
