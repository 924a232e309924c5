package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import uz.karvon.config.KarvonConfig;

/**
 * {@code GET /metrics} (Prometheus text format) for a scraper holding {@code security.metrics_token} or the admin
 * token, as a Bearer token or the password of HTTP Basic; and the count of every answered request by route template.
 */
final class MetricsRoutes {
    private final AppContext app;

    MetricsRoutes(AppContext app) {
        this.app = app;
    }

    void scrape(Context ctx) {
        Optional<String> text = app.metrics().scrape();
        if (text.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("metrics are off");
            return;
        }
        KarvonConfig.Security s = app.publisher().config().security();
        if (!s.metricsToken().isSet() && !s.adminToken().isSet()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/plain; charset=utf-8")
                    .result("metrics: disabled: neither security.metrics_token nor security.admin_token is configured");
            return;
        }
        String token = presented(ctx);
        if (!s.metricsToken().matches(token) && !s.adminToken().matches(token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"karvon metrics\"");
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8")
                    .result("metrics: unauthorized: send security.metrics_token (or the admin token) as a Bearer token");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text.get());
    }

    /** The Bearer token, or the password of HTTP Basic (Prometheus' basic_auth), or null. */
    private static String presented(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null) return null;
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).trim();
        if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Counts an answered request under its route template: the path a client sent never becomes a label. */
    void record(Context ctx, float ms) {
        app.metrics().request(ctx.method().name(), route(ctx), ctx.statusCode(), (long) (ms * 1_000_000L));
    }

    static String route(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        if (e != null) return e.path;
        String p = ctx.path();
        if (ctx.statusCode() != HttpStatus.NOT_FOUND.getCode()) {
            if (p.startsWith("/static/")) return "/static/*";
            if (p.startsWith("/media/")) return "/media/*";
        }
        return "unmatched";
    }
}
