package uz.karvon.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.ingest.SourceRefresher;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.Topics;
import uz.karvon.publish.Topics.Topic;
import uz.karvon.websub.Callbacks;
import uz.karvon.websub.Hub;
import uz.karvon.websub.HubStats;
import uz.karvon.websub.HubSubscription;
import uz.karvon.websub.SourcePush;
import uz.karvon.websub.SourceSubscriptions;
import uz.karvon.websub.WebSub;

/**
 * WebSub over HTTP. {@code POST /websub}: the hub's subscribe/unsubscribe endpoint (a private feed needs the
 * partner's key, given as for pulling it: bearer, Basic, {@code ?key=} on the hub URL or inside {@code hub.topic}).
 * {@code GET|POST /websub/callback/{token}}: our subscriber's callback for a source's hub (verification, pushes).
 * {@code GET /api/websub}: subscriptions, deliveries and refusals (admin).
 */
final class WebSubRoutes {
    private static final String TEXT = "text/plain; charset=utf-8";

    private final AppContext app;
    private final PartnerAccess access;
    private final AdminRoutes admin;

    WebSubRoutes(AppContext app, PartnerAccess access, AdminRoutes admin) {
        this.app = app;
        this.access = access;
        this.admin = admin;
    }

    void describe(Context ctx) {
        ctx.contentType(TEXT).result("karvon's WebSub hub (https://www.w3.org/TR/websub/). POST hub.mode=subscribe,"
                + " hub.topic (a feed's self link, e.g. " + Topics.url(app.publisher().config(), example()) + "),"
                + " hub.callback, and optionally hub.lease_seconds and hub.secret, as application/x-www-form-urlencoded.\n");
    }

    private Topic example() {
        List<FeedSpec> feeds = app.publisher().config().feeds();
        return new Topic(feeds.isEmpty() ? "uz" : feeds.get(0).id(), FeedFormat.ATOM);
    }

    void subscribe(Context ctx) {
        WebSub w = app.websub();
        if (w == null) {
            ctx.status(HttpStatus.NOT_FOUND).contentType(TEXT).result("websub: this server runs no hub");
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(TEXT)
                    .result("websub: expected a form (Content-Type: application/x-www-form-urlencoded)");
            return;
        }
        String topic = ctx.formParam("hub.topic");
        KarvonConfig cfg = app.publisher().config();
        String partner = null;
        Optional<Topic> t = Topics.parse(cfg, topic);
        if (t.isPresent()) {
            FeedSpec feed = cfg.feed(t.get().feedId()).orElseThrow();
            if (Hub.needsPartner(feed)) {
                if (!access.admit(ctx, feed, Topics.keyIn(topic))) {
                    ctx.contentType(TEXT).result(switch (ctx.status().getCode()) {
                        case 401 -> "hub.topic: a private feed; subscribe with your partner key";
                        case 403 -> "hub.topic: your key may not read this feed";
                        default -> "too many requests";
                    });
                    return;
                }
                partner = ctx.attribute("partner");
            }
        }
        Hub.Answer a = w.hub().request(new Hub.Request(ctx.formParam("hub.mode"), topic, ctx.formParam("hub.callback"),
                ctx.formParam("hub.lease_seconds"), ctx.formParam("hub.secret"), partner));
        ctx.status(a.status()).contentType(TEXT).result(a.message() + "\n");
    }

    /** The hub verifies our intent (or tells us we were denied). */
    void verify(Context ctx) {
        WebSub w = app.websub();
        Optional<String> echo = w == null ? Optional.empty() : w.subscriber().verify(ctx.pathParam("token"),
                ctx.queryParam("hub.mode"), ctx.queryParam("hub.topic"), ctx.queryParam("hub.challenge"),
                ctx.queryParam("hub.lease_seconds"), ctx.queryParam("hub.reason"));
        // §9: a safe media type and nosniff, so the echoed challenge cannot be made to run as a page
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        if (echo.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType(TEXT).result("no pending request for this topic here");
            return;
        }
        ctx.status(HttpStatus.OK).contentType("application/octet-stream").result(echo.get());
    }

    /** A hub pushes a source's feed to us. */
    void push(Context ctx) throws IOException {
        WebSub w = app.websub();
        String token = ctx.pathParam("token");
        if (w == null || !w.subscriber().knows(token)) {   // checked before reading anything
            ctx.status(HttpStatus.GONE).contentType(TEXT).result("no subscription here");
            return;
        }
        long max = app.publisher().config().ingest().maxBodyBytes();
        if (ctx.req().getContentLengthLong() > max) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).contentType(TEXT).result("larger than ingest.max_body_size");
            return;
        }
        byte[] body = readCapped(ctx.req().getInputStream(), max);
        if (body == null) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).contentType(TEXT).result("larger than ingest.max_body_size");
            return;
        }
        SourceSubscriptions.Push p = w.subscriber().receive(token, body, ctx.header("X-Hub-Signature"));
        if (p instanceof SourceSubscriptions.Unknown) {
            ctx.status(HttpStatus.GONE).contentType(TEXT).result("no subscription here");
            return;
        }
        if (p instanceof SourceSubscriptions.Rejected) {
            // §8: ignored; a 2xx all the same, so a forger learns nothing (the hub does not retry a genuine one)
            ctx.status(HttpStatus.ACCEPTED).contentType(TEXT).result("received");
            return;
        }
        SourceSubscriptions.Accepted ok = (SourceSubscriptions.Accepted) p;
        CompletableFuture<SourceRefresher.Pushed> stored = app.poller().push(ok.sourceId(), body, ctx.header("Content-Type"), ok.topic());
        if (stored.isCompletedExceptionally()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").contentType(TEXT).result("busy; retry later");
            return;
        }
        stored.whenComplete((r, e) -> {
            if (e == null) w.subscriber().pushStored(ok.sourceId());
            else w.subscriber().pushFailed(ok.sourceId(), cause(e).getMessage());
        });
        ctx.status(HttpStatus.ACCEPTED).contentType(TEXT).result("received");
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readCapped(InputStream in, long max) throws IOException {
        byte[] buf = new byte[8192];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length > max) return null;
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, max + 1));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
            if (n > max) return null;
        }
        return Arrays.copyOf(buf, n);
    }

    void list(Context ctx) {
        if (!admin.admin(ctx)) return;
        KarvonConfig cfg = app.publisher().config();
        Instant now = app.clock().instant();
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        out.put("hub", Topics.builtinHub(cfg));
        if (cfg.websub().externalHub() != null) out.put("public_feeds_hub", cfg.websub().externalHub().toString());
        WebSub w = app.websub();
        if (w == null) {
            ApiRoutes.json(ctx, out);
            return;
        }
        out.put("delivering", w.hub().delivering());   // several instances: exactly one delivers
        HubStats.Snapshot s = w.hub().stats();
        ObjectNode counts = out.putObject("counts");
        ObjectNode byState = counts.putObject("subscriptions");
        s.subscriptions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byState.put(e.getKey().word(), e.getValue()));
        ObjectNode deliveries = counts.putObject("deliveries");
        s.deliveries().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> deliveries.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
        ObjectNode latency = counts.putObject("delivery_latency");
        for (int i = 0; i < s.latencyCounts().size(); i++) {
            String le = i < HubStats.BOUNDS.size() ? "le_" + HubStats.BOUNDS.get(i).toMillis() + "ms" : "more";
            latency.put(le, s.latencyCounts().get(i));
        }
        latency.put("total_ms", s.latencyTotal().toMillis());
        ArrayNode subs = out.putArray("subscriptions");
        Map<Topic, String> topicUrls = new HashMap<>();
        for (HubSubscription h : w.hub().subscriptions()) {
            subs.add(subscriptionJson(topicUrls.computeIfAbsent(h.topic(), t -> Topics.url(cfg, t)), h));
        }
        ArrayNode refused = out.putArray("refused");
        for (Hub.Refusal r : w.hub().refusals()) {
            refused.addObject().put("at", r.at().toString()).put("mode", r.mode()).put("topic", r.topic())
                    .put("callback", r.callback()).put("reason", r.reason());
        }
        ArrayNode sources = out.putArray("sources");
        for (Map.Entry<String, SourcePush> e : w.subscriber().statuses().entrySet()) {
            sources.addObject().put("source", e.getKey()).setAll(pushJson(e.getValue(), now));
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }

    private static ObjectNode subscriptionJson(String topicUrl, HubSubscription h) {
        ObjectNode o = ApiRoutes.JSON.createObjectNode();
        o.put("id", h.id());
        o.put("topic", topicUrl);
        o.put("feed", h.topic().feedId());
        o.put("format", h.topic().format().extension());
        o.put("callback", Callbacks.shown(h.callback()));
        if (h.partnerId() != null) o.put("partner", h.partnerId());
        o.put("state", h.state().word());
        o.put("signed", h.secret() != null);
        o.put("lease_seconds", h.leaseSeconds());
        o.put("subscribed", h.createdAt().toString());
        o.put("verified", h.verifiedAt().toString());
        o.put("expires", h.expiresAt().toString());
        if (h.lastDeliveryAt() != null) o.put("last_delivery", h.lastDeliveryAt().toString());
        if (h.lastStatus() != 0) o.put("last_status", h.lastStatus());
        o.put("failures", h.failures());
        if (h.lastError() != null) o.put("last_error", h.lastError());
        if (h.nextAttempt() != null) o.put("next_attempt", h.nextAttempt().toString());
        return o;
    }

    /** A source's push state, for /api/sources and /api/websub. */
    static ObjectNode pushJson(SourcePush p, Instant now) {
        ObjectNode o = ApiRoutes.JSON.createObjectNode();
        o.put("state", p.state().word());
        o.put("hub", p.hub().toString());
        o.put("topic", p.topic().toString());
        if (p.leaseExpires() != null) o.put("lease_expires", p.leaseExpires().toString());
        if (p.lastPush() != null) o.put("last_push", p.lastPush().toString());
        o.put("pushes", p.pushes());
        o.put("rejected_pushes", p.rejected());
        o.put("polling", p.live(now) && !p.missed() ? "safety net (websub.push_poll_interval)"
                : p.live(now) ? "normal interval: a poll found items no push brought" : "normal interval");
        if (p.lastError() != null) o.put("last_error", p.lastError());
        return o;
    }
}
