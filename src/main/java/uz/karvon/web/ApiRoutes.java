package uz.karvon.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleIntake;
import uz.karvon.article.FieldError;
import uz.karvon.config.Secret;
import uz.karvon.publish.SiteUrls;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;
import uz.karvon.store.InstanceStore;
import uz.karvon.store.StoreException;

/** The CMS API ({@code POST /api/articles}, {@code DELETE /api/articles/{id}}) and {@code /health}. */
final class ApiRoutes {
    static final ObjectMapper JSON = new ObjectMapper();
    private final AppContext app;

    ApiRoutes(AppContext app) {
        this.app = app;
    }

    void postArticle(Context ctx) throws StoreException {
        if (!bearer(ctx, () -> app.publisher().config().security().cmsToken(), "security.cms_token")) return;
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            errors(ctx, List.of(new FieldError("(body)", "invalid JSON: " + e.getOriginalMessage() + where)));
            return;
        } catch (IOException e) {
            errors(ctx, List.of(new FieldError("(body)", "unreadable body")));
            return;
        }
        ArticleIntake.Outcome o = app.intake().submit(body);
        if (o instanceof ArticleIntake.Rejected r) {
            errors(ctx, r.errors());
            return;
        }
        ArticleIntake.Accepted a = (ArticleIntake.Accepted) o;
        ObjectNode out = articleSummary(a.article());
        out.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
        ctx.status(a.outcome() == ArticleStore.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK);
        json(ctx, out);
    }

    void deleteArticle(Context ctx) throws StoreException {
        if (!bearer(ctx, () -> app.publisher().config().security().cmsToken(), "security.cms_token")) return;
        String reason = ctx.queryParam("reason");
        if (reason == null && !ctx.body().isBlank()) {
            try {
                reason = JSON.readTree(ctx.body()).path("reason").asText(null);
            } catch (JsonProcessingException e) {
                errors(ctx, List.of(new FieldError("(body)", "invalid JSON: " + e.getOriginalMessage())));
                return;
            }
        }
        Optional<Article> killed = app.intake().withdraw(ctx.pathParam("id"), reason);
        if (killed.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            json(ctx, JSON.createObjectNode().put("error", "no article with id " + ctx.pathParam("id")));
            return;
        }
        ObjectNode out = articleSummary(killed.get());
        out.put("outcome", "withdrawn");
        json(ctx, out);
    }

    void health(Context ctx) {
        ObjectNode out = JSON.createObjectNode();
        boolean dbOk = app.database().ping();
        ObjectNode db = out.putObject("database");
        db.put("ok", dbOk);
        db.put("kind", app.database().dialect().label());
        db.put("location", app.database().description());
        if (dbOk) {
            try {
                db.put("articles", app.articles().count());
            } catch (StoreException e) {
                db.put("ok", false);
                dbOk = false;
            }
        }
        Database.PoolState pool = app.database().pool();
        db.putObject("pool").put("max", pool.max()).put("active", pool.active()).put("idle", pool.idle()).put("waiting", pool.waiting());
        List<String> warnings = new ArrayList<>();
        Boolean listening = app.cluster().notificationsListening();
        if (listening != null) {
            db.put("notifications", listening ? "listening" : "reconnecting");
            if (!listening) warnings.add("change notifications from the database are lost (reconnecting): other instances'"
                    + " changes are seen by the once-a-second check of the change log meanwhile");
        }
        ConfigStatus.State cs = app.configStatus().get();
        ObjectNode cfg = out.putObject("config");
        cfg.put("file", cs.file().toString());
        cfg.put("sha256", app.cluster().configSha256());
        cfg.put("applied_at", cs.appliedAt().toString());
        cfg.put("feeds", app.publisher().config().feeds().size());
        cfg.put("sources", app.publisher().config().sources().size());
        cfg.put("ok", cs.errors().isEmpty());
        ArrayNode errs = cfg.putArray("errors");
        cs.errors().forEach(errs::add);
        ArrayNode warns = cfg.putArray("warnings");
        cs.warnings().forEach(warns::add);
        if (dbOk) instances(out.putObject("cluster"), warnings);
        ArrayNode w = out.putArray("warnings");
        warnings.forEach(w::add);
        String status = !dbOk ? "down" : cs.errors().isEmpty() && warnings.isEmpty() ? "ok" : "degraded";
        out.put("status", status);
        // degraded (an edit of feeds.yml refused: what runs is not what the file says) is not healthy either, so
        // monitoring notices; the body says which
        ctx.status(status.equals("ok") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.header("Cache-Control", "no-store");
        json(ctx, out);
    }

    /** The instances on this database, and a warning when they do not all serve the same feeds.yml. */
    private void instances(ObjectNode out, List<String> warnings) {
        Cluster cluster = app.cluster();
        out.put("this", cluster.instanceId());
        ArrayNode arr = out.putArray("instances");
        try {
            List<InstanceStore.Instance> live = cluster.live();
            Map<String, List<String>> byConfig = new TreeMap<>();
            for (InstanceStore.Instance i : live) {
                arr.addObject().put("id", i.id()).put("host", i.host()).put("started_at", i.startedAt().toString())
                        .put("seen_at", i.seenAt().toString()).put("config_sha256", i.configSha256());
                byConfig.computeIfAbsent(i.configSha256(), k -> new ArrayList<>()).add(i.id());
            }
            if (byConfig.size() > 1) {
                StringBuilder sb = new StringBuilder("instances on this database serve different feeds.yml files:");
                byConfig.forEach((sha, ids) -> sb.append(' ').append(sha, 0, 12).append(" (").append(String.join(", ", ids)).append(')'));
                sb.append("; give every instance the same file");
                warnings.add(sb.toString());
            }
        } catch (StoreException e) {
            warnings.add("instances: " + e.getMessage());
        }
    }

    private ObjectNode articleSummary(Article a) {
        SiteUrls urls = new SiteUrls(app.publisher().config().site().baseUrl());
        ObjectNode out = JSON.createObjectNode();
        out.put("id", a.id());
        out.put("item_id", urls.itemId(a));
        out.put("url", urls.article(a.lang(), a.slug()));
        out.put("updated", a.updated().toString());
        out.put("status", a.status().name().toLowerCase(Locale.ROOT));
        return out;
    }

    /** Checks {@code Authorization: Bearer}; answers 401 or 503 itself and returns false when the request may not go on. */
    static boolean bearer(Context ctx, Supplier<Secret> secret, String setting) {
        Secret s = secret.get();
        if (!s.isSet()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            json(ctx, JSON.createObjectNode().put("error", "this API is disabled: " + setting + " is not configured"));
            return false;
        }
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (!s.matches(token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"karvon\"");
            ctx.status(HttpStatus.UNAUTHORIZED);
            json(ctx, JSON.createObjectNode().put("error", "unauthorized"));
            return false;
        }
        return true;
    }

    static void errors(Context ctx, List<FieldError> errors) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode arr = out.putArray("errors");
        for (FieldError e : errors) arr.addObject().put("field", e.field()).put("message", e.message());
        ctx.status(HttpStatus.BAD_REQUEST);
        json(ctx, out);
    }

    static void json(Context ctx, JsonNode node) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
