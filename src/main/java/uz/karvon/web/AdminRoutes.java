package uz.karvon.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uz.karvon.config.EditCheck;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.config.ReloadResult;
import uz.karvon.config.Secret;
import uz.karvon.ingest.SourceState;
import uz.karvon.ingest.fetch.Redact;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;

/**
 * Admin side: {@code POST /api/reload}, source status as JSON ({@code /api/sources}) and HTML ({@code /sources}),
 * {@code POST /api/sources/{id}/refresh}. All behind the admin token (Bearer, or Basic with the token as password
 * so a browser can open the status page).
 */
final class AdminRoutes {
    private final AppContext app;
    private final Function<Set<EditCheck.Confirm>, ReloadResult> reload;

    AdminRoutes(AppContext app, Function<Set<EditCheck.Confirm>, ReloadResult> reload) {
        this.app = app;
        this.reload = reload;
    }

    void reload(Context ctx) {
        if (!admin(ctx)) return;
        // ?confirm=remove-all-feeds,weaken-security applies an edit EditCheck would refuse
        Set<EditCheck.Confirm> confirmed = EnumSet.noneOf(EditCheck.Confirm.class);
        for (String value : ctx.queryParams("confirm")) {
            for (String word : value.split(",")) {
                if (word.isBlank()) continue;
                Optional<EditCheck.Confirm> c = EditCheck.Confirm.byWord(word);
                if (c.isEmpty()) {
                    ctx.status(HttpStatus.BAD_REQUEST);
                    ApiRoutes.json(ctx, ApiRoutes.JSON.createObjectNode().put("error", "confirm: unknown value '" + word.trim()
                            + "'; expected " + EditCheck.Confirm.words()));
                    return;
                }
                confirmed.add(c.get());
            }
        }
        ReloadResult r = reload.apply(confirmed);
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        out.put("applied", r.applied());
        out.put("changed", r.outcome() == ReloadResult.Outcome.APPLIED);
        ArrayNode problems = out.putArray("problems");
        r.problems().forEach(problems::add);
        ctx.status(r.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        ApiRoutes.json(ctx, out);
    }

    void refreshSource(Context ctx) {
        if (!admin(ctx)) return;
        String id = ctx.pathParam("id");
        if (app.publisher().config().source(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            ApiRoutes.json(ctx, ApiRoutes.JSON.createObjectNode().put("error", "no source with id " + id));
            return;
        }
        app.poller().refreshNow(id);
        ctx.status(HttpStatus.ACCEPTED);
        ApiRoutes.json(ctx, ApiRoutes.JSON.createObjectNode().put("id", id).put("refresh", "queued"));
    }

    void sourcesJson(Context ctx) {
        if (!admin(ctx)) return;
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        ArrayNode arr = out.putArray("sources");
        for (Map.Entry<SourceSpec, SourceState> e : app.poller().snapshot()) {
            SourceSpec s = e.getKey();
            SourceState st = e.getValue();
            ObjectNode o = arr.addObject();
            o.put("id", s.id());
            o.put("title", s.title());
            o.put("url", Redact.url(s.url().toString()));
            o.put("interval", s.interval().toString());
            if (st == null) continue;
            o.put("status", statusWord(st));
            put(o, "last_attempt", st.lastAttempt());
            put(o, "last_success", st.lastSuccess());
            o.put("http_status", st.httpStatus());
            o.put("items_stored", count(s.id()));
            o.put("new_items_last_fetch", st.lastNewItems());
            o.put("consecutive_failures", st.failures());
            if (st.lastError() != null) o.put("last_error", st.lastError());
            if (st.errorReason() != null) o.put("error_reason", st.errorReason());
            put(o, "next_attempt", st.nextAttempt());
            if (st.permanentUrl() != null) o.put("moved_permanently_to", Redact.url(st.permanentUrl()));
            if (st.languageNote() != null) o.put("language_note", st.languageNote());
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }

    void sourcesPage(Context ctx) {
        if (!admin(ctx)) return;
        Document doc = Html.page("en", "ltr", "Sources — " + app.publisher().config().site().title());
        Element body = doc.body();
        body.appendElement("h1").text("Sources");
        ConfigStatus.State cs = app.configStatus().get();
        if (!cs.errors().isEmpty()) {
            Element div = body.appendElement("div").addClass("note");
            div.appendElement("p").addClass("err").text(cs.file() + " has errors; still serving the configuration applied at " + cs.appliedAt());
            Element ul = div.appendElement("ul");
            cs.errors().forEach(err -> ul.appendElement("li").appendElement("code").text(err));
        }
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (String h : List.of("source", "status", "HTTP", "items", "last attempt", "last success", "next attempt", "problem")) {
            head.appendElement("th").text(h);
        }
        for (Map.Entry<SourceSpec, SourceState> e : app.poller().snapshot()) {
            SourceSpec s = e.getKey();
            SourceState st = e.getValue();
            Element tr = table.appendElement("tr");
            Element name = tr.appendElement("td");
            name.appendElement("strong").text(s.title());
            name.appendElement("br");
            name.appendElement("small").text(Redact.url(s.url().toString()));
            tr.appendElement("td").text(st == null ? "pending" : statusWord(st));
            tr.appendElement("td").text(st == null || st.httpStatus() == 0 ? "" : Integer.toString(st.httpStatus()));
            tr.appendElement("td").text(Long.toString(count(s.id())));
            tr.appendElement("td").text(st == null || st.lastAttempt() == null ? "" : st.lastAttempt().toString());
            tr.appendElement("td").text(st == null || st.lastSuccess() == null ? "never" : st.lastSuccess().toString());
            tr.appendElement("td").text(st == null || st.nextAttempt() == null ? "stopped" : st.nextAttempt().toString());
            StringBuilder problem = new StringBuilder();
            if (st != null && st.lastError() != null) problem.append(st.lastError());
            if (st != null && st.permanentUrl() != null) problem.append(" Moved permanently to ").append(Redact.url(st.permanentUrl())).append(": update its url in feeds.yml.");
            if (st != null && st.languageNote() != null) problem.append(" ").append(st.languageNote());
            tr.appendElement("td").addClass(st != null && st.lastError() != null ? "err" : "").text(problem.toString().trim());
        }
        ctx.header("Cache-Control", "no-store");
        Pages.send(ctx, doc);
    }

    void statsJson(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        int days = days(ctx);
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        out.put("days", days);
        ArrayNode rows = out.putArray("rows");
        for (PullStatStore.Row r : app.stats().report(days)) {
            ObjectNode o = rows.addObject();
            o.put("day", r.day());
            o.put("feed", r.feedId());
            if (!r.partnerId().isEmpty()) o.put("partner", r.partnerId());
            o.put("requests", r.requests());
            o.put("ok", r.ok());
            o.put("not_modified", r.notModified());
            o.put("bytes", r.bytes());
            o.put("distinct_clients", r.distinctClients());
            o.put("reported_subscribers", r.reportedSubscribers());
            o.put("estimated_subscribers", r.distinctClients() + r.reportedSubscribers());
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }

    void statsPage(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        int days = days(ctx);
        Document doc = Html.page("en", "ltr", "Pull statistics — " + app.publisher().config().site().title());
        Element body = doc.body();
        body.appendElement("h1").text("Pull statistics, last " + days + " day(s)");
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (String h : List.of("day", "feed", "partner", "requests", "200", "304", "bytes", "est. subscribers")) head.appendElement("th").text(h);
        for (PullStatStore.Row r : app.stats().report(days)) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(r.day());
            tr.appendElement("td").text(r.feedId());
            tr.appendElement("td").text(r.partnerId().isEmpty() ? "(public)" : r.partnerId());
            tr.appendElement("td").text(Long.toString(r.requests()));
            tr.appendElement("td").text(Long.toString(r.ok()));
            tr.appendElement("td").text(Long.toString(r.notModified()));
            tr.appendElement("td").text(Long.toString(r.bytes()));
            tr.appendElement("td").text(Long.toString(r.distinctClients() + r.reportedSubscribers()));
        }
        ctx.header("Cache-Control", "no-store");
        Pages.send(ctx, doc);
    }

    private static int days(Context ctx) {
        try {
            int d = Integer.parseInt(ctx.queryParamAsClass("days", String.class).getOrDefault("7"));
            return Math.max(1, Math.min(d, 366));
        } catch (NumberFormatException e) {
            return 7;
        }
    }

    private long count(String sourceId) {
        return itemCounts().getOrDefault(sourceId, 0L);
    }

    private Map<String, Long> counts;
    private Instant countsAt = Instant.EPOCH;

    /** Item counts per source, recomputed at most every few seconds (one GROUP BY for the whole page). */
    private synchronized Map<String, Long> itemCounts() {
        Instant now = app.clock().instant();
        if (counts == null || now.isAfter(countsAt.plusSeconds(5))) {
            try {
                counts = new SourceItemStore(app.database()).countsBySource();
                countsAt = now;
            } catch (StoreException e) {
                return Map.of();
            }
        }
        return counts;
    }

    static String statusWord(SourceState st) {
        if (st.gone()) return "gone (410): polling stopped";
        if (st.lastAttempt() == null) return "pending";
        if (st.lastError() == null) return "ok";
        return "failing (" + st.failures() + " in a row), retrying";
    }

    private static void put(ObjectNode o, String key, Instant t) {
        if (t != null) o.put(key, t.toString());
    }

    /** Admin token as Bearer, or as the password of HTTP Basic (for browsers). */
    boolean admin(Context ctx) {
        Secret s = app.publisher().config().security().adminToken();
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6) && s.isSet()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0 && s.matches(decoded.substring(colon + 1))) return true;
            } catch (IllegalArgumentException ignored) {
                // falls through to 401
            }
            ctx.header("WWW-Authenticate", "Basic realm=\"karvon admin\"");
            ctx.status(HttpStatus.UNAUTHORIZED);
            return false;
        }
        boolean ok = ApiRoutes.bearer(ctx, () -> s, "security.admin_token");
        if (!ok && ctx.status() == HttpStatus.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Basic realm=\"karvon admin\"");
        return ok;
    }
}
