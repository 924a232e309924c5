package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KarvonConfig.PartnerSpec;

/**
 * Private feeds answer only to a partner's credential: {@code Authorization: Bearer KEY}, HTTP Basic with the
 * partner id as user, or {@code ?key=KEY} for readers that cannot send headers. Failures say nothing about
 * which part was wrong; keys are compared by digest in constant time and never logged.
 */
final class PartnerAccess {
    private final Supplier<KarvonConfig> config;
    private final RateLimiter limiter;

    PartnerAccess(Supplier<KarvonConfig> config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    /** Admits the request, or answers it (401, 403, 429) and returns false. */
    boolean admit(Context ctx, FeedSpec feed) {
        return admit(ctx, feed, null);
    }

    /** The same, with a key found elsewhere (a WebSub {@code hub.topic} carrying {@code ?key=}) used when the request has none. */
    boolean admit(Context ctx, FeedSpec feed, String fallbackKey) {
        Optional<PartnerSpec> partner = identify(ctx, fallbackKey);
        if (partner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Basic realm=\"karvon\", charset=\"UTF-8\"");
            ctx.status(HttpStatus.UNAUTHORIZED);
            return false;
        }
        PartnerSpec p = partner.get();
        if (!p.mayRead(feed)) {
            ctx.status(HttpStatus.FORBIDDEN);
            return false;
        }
        long wait = limiter.acquire("partner:" + p.id(), p.requestsPerMinute());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            return false;
        }
        ctx.attribute("partner", p.id());
        return true;
    }

    Optional<PartnerSpec> identify(Context ctx) {
        return identify(ctx, null);
    }

    private Optional<PartnerSpec> identify(Context ctx, String fallbackKey) {
        String auth = ctx.header("Authorization");
        String user = null;
        String key = null;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = auth.substring(7).trim();
        } else if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    user = decoded.substring(0, colon);
                    key = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        } else {
            key = ctx.queryParam("key");
            if (key == null) key = fallbackKey;
        }
        if (key == null || key.isEmpty()) return Optional.empty();
        PartnerSpec found = null;
        for (PartnerSpec p : config.get().partners()) {
            // check every partner, so timing does not reveal which one (or whether any) matched
            boolean ok = p.key().matches(key) && (user == null || user.equals(p.id()));
            if (ok && found == null) found = p;
        }
        return Optional.ofNullable(found);
    }
}
