package uz.karvon.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uz.karvon.config.Secret;

/**
 * Tokens for the admin pages' forms. A browser sends the admin's Basic credentials with any request to this
 * site, including one a hostile page makes it send, so every state-changing form carries a token only our own
 * pages can have written: an HMAC, keyed by the admin token's digest (the same on every instance), of the
 * form's purpose and the day. Tokens last one to two days. Cross-site requests are refused before that, by the
 * browser's own {@code Sec-Fetch-Site} and {@code Origin}.
 */
final class Csrf {
    static final String FIELD = "csrf";
    private static final long DAY_SECONDS = 86_400;

    private Csrf() {}

    /** Tokens for the forms of one page. */
    record Tokens(Secret admin, Instant now) {
        String token(String purpose) {
            return Csrf.token(admin, purpose, now);
        }
    }

    static String token(Secret admin, String purpose, Instant now) {
        return mac(admin, purpose, now.getEpochSecond() / DAY_SECONDS);
    }

    /** Whether the request came from one of our own pages: same site, and a token for this purpose from today or yesterday. */
    static boolean valid(Context ctx, Secret admin, String purpose, Instant now) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return false;
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) return false;
        String presented = ctx.formParam(FIELD);
        if (presented == null || !admin.isSet()) return false;
        long day = now.getEpochSecond() / DAY_SECONDS;
        byte[] p = presented.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(p, mac(admin, purpose, day).getBytes(StandardCharsets.US_ASCII))
                | MessageDigest.isEqual(p, mac(admin, purpose, day - 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean sameHost(String origin, String host) {
        int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private static String mac(Secret admin, String purpose, long day) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = MessageDigest.getInstance("SHA-256").digest(concat("karvon csrf\0".getBytes(StandardCharsets.US_ASCII),
                    admin.sha256() == null ? new byte[0] : admin.sha256()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal((purpose + "\0" + day).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
