package uz.karvon.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.OutboundHttp;

/**
 * Verification of intent (WebSub §5.3): a GET to the callback with {@code hub.mode}, {@code hub.topic}, a fresh
 * random single-use {@code hub.challenge} and (for subscribe) {@code hub.lease_seconds}, appended to the callback's
 * own query. Verified only by a 2xx whose body is exactly the challenge; anything else (3xx, 4xx, 5xx, another body,
 * no answer within the deadline, more than {@value #MAX_ANSWER} bytes) is a refusal.
 */
final class IntentVerifier {
    static final int MAX_ANSWER = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutboundHttp http;

    IntentVerifier(OutboundHttp http) {
        this.http = http;
    }

    /** @return null when verified, else why not (one line, for the admin listing) */
    String verify(String callback, String mode, String topic, Long leaseSeconds, boolean allowPrivate, Duration timeout) {
        String challenge = challenge();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("hub.mode", mode);
        q.put("hub.topic", topic);
        q.put("hub.challenge", challenge);
        if (leaseSeconds != null) q.put("hub.lease_seconds", Long.toString(leaseSeconds));
        try {
            OutboundHttp.Reply r = http.get(withQuery(callback, q), allowPrivate, timeout, MAX_ANSWER);
            if (!r.ok()) return "verification answered HTTP " + r.status() + (r.status() == 404 ? " (the subscriber does not agree)" : "");
            if (r.truncated() || !challenge.equals(new String(r.body(), StandardCharsets.UTF_8))) {
                return "verification answer did not echo hub.challenge";
            }
            return null;
        } catch (FetchException e) {
            return "verification request failed: " + e.getMessage();
        }
    }

    static String challenge() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The callback with these parameters appended to its query (§5.1: existing parameters are kept). */
    static URI withQuery(String callback, Map<String, String> params) {
        int hash = callback.indexOf('#');
        String base = hash >= 0 ? callback.substring(0, hash) : callback;
        StringBuilder sb = new StringBuilder(base);
        char sep = base.indexOf('?') >= 0 ? (base.endsWith("?") || base.endsWith("&") ? 0 : '&') : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sep != 0) sb.append(sep);
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(sb.toString());
    }
}
