package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
import java.util.function.Supplier;
import uz.karvon.config.KarvonConfig;

/**
 * The per-address limit on public reading ({@code server.public_requests_per_minute}). Private feeds count too,
 * before authentication, so keys cannot be guessed at full speed. Behind a proxy set
 * {@code server.trust_forwarded_for}: the client is then the right-most {@code X-Forwarded-For} address (the one
 * our own proxy appended; entries left of it are client-controlled and could be forged).
 */
final class ClientLimit {
    private final Supplier<KarvonConfig> config;
    private final RateLimiter limiter;

    ClientLimit(Supplier<KarvonConfig> config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    void check(Context ctx) {
        KarvonConfig cfg = config.get();
        long wait = limiter.acquire("ip:" + client(ctx, cfg.server().trustForwardedFor()), cfg.server().publicRequestsPerMinute());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).contentType("text/plain; charset=utf-8").result("too many requests");
            ctx.skipRemainingHandlers();
        }
    }

    /** Paths of one segment that are not a language's front page (limited by their own route, or not at all). */
    private static final Set<String> NOT_FRONT_PAGES = Set.of("feeds", "opml", "sitemap.xml", "health",
            "sources", "admin", "robots.txt", "favicon.ico", "metrics", "websub");

    /** {@code /{lang}/}: the front pages read the store as feeds do, so they count as public reading too. */
    void checkFrontPage(Context ctx) {
        String segment = ctx.path().replaceAll("^/+|/+$", "");
        if (!NOT_FRONT_PAGES.contains(segment) && !segment.startsWith("sitemap-")) check(ctx);
    }

    static String client(Context ctx, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String[] hops = xff.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty()) return last;
            }
        }
        return ctx.ip();
    }
}
