package uz.karvon.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uz.karvon.config.EditCheck;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.config.ReloadResult;
import uz.karvon.config.Secret;
import uz.karvon.ingest.SourceState;
import uz.karvon.ingest.fetch.Redact;
import uz.karvon.store.FetchLogStore;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.SourceItem;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;
import uz.karvon.web.html.Html;
import uz.karvon.websub.SourcePush;

/**
 * Admin side. Pages: {@code /admin/} (overview), {@code /admin/sources} and {@code /admin/sources/{id}},
 * {@code /admin/feeds}, {@code /admin/partners}, {@code /admin/stats}, {@code /admin/config}, and their forms
 * (refresh a source, re-read feeds.yml: POST with a CSRF token). JSON: {@code POST /api/reload},
 * {@code /api/sources}, {@code POST /api/sources/{id}/refresh}, {@code /api/stats}. All behind the admin token
 * (Bearer, or Basic with the token as password so that a browser can open the pages).
 */
final class AdminRoutes {
    /** Items listed on a source's page. */
    private static final int LATEST_ITEMS = 20;
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

    void refreshSource(Context ctx) throws StoreException {
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

    void sourcesJson(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        ArrayNode arr = out.putArray("sources");
        Map<String, SourcePush> pushes = app.websub() == null ? Map.of() : app.websub().subscriber().statuses();
        for (Map.Entry<SourceSpec, SourceState> e : app.poller().snapshot()) {
            SourceSpec s = e.getKey();
            SourceState st = e.getValue();
            ObjectNode o = arr.addObject();
            o.put("id", s.id());
            o.put("title", s.title());
            o.put("url", Redact.url(s.url().toString()));
            o.put("interval", s.interval().toString());
            SourcePush push = pushes.get(s.id());
            if (push != null) o.set("push", WebSubRoutes.pushJson(push, app.clock().instant()));
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
            if (st.parseNote() != null) o.put("parse_note", st.parseNote());
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }

    /** {@code /admin/}: the overview. */
    void home(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        KarvonConfig cfg = app.publisher().config();
        List<AdminSourcesPage.Row> rows = AdminSourcesPage.rows(app.poller().snapshot(), itemCounts(), pushWords());
        int failing = (int) rows.stream().map(r -> AdminSourcesPage.stateClass(r.state()))
                .filter(c -> c.equals("failing") || c.equals("gone")).count();
        int pending = (int) rows.stream().filter(r -> AdminSourcesPage.stateClass(r.state()).equals("pending")).count();
        boolean dbOk = app.database().ping();
        AdminPages.Overview o = new AdminPages.Overview(dbOk, dbOk ? app.articles().count() : 0, rows.size(), failing, pending,
                cfg.feeds().size(), cfg.partners().size());
        AdminFrame.Page page = frame("Overview", "/admin/");
        AdminPages.overview(page, o, app.configStatus().get(), app.clock().instant(), zone());
        send(ctx, page);
    }

    /** {@code /admin/sources} (also {@code /sources}): the table, {@code ?sort=state|name|items|fetched}. */
    void sourcesPage(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        AdminFrame.Page page = frame("Sources", "/admin/sources");
        AdminSourcesPage.list(page, AdminSourcesPage.rows(app.poller().snapshot(), itemCounts(), pushWords()),
                AdminSourcesPage.Sort.of(ctx.queryParam("sort")), app.clock().instant(), zone(), tokens(),
                known(ctx.queryParam("refreshed")));
        send(ctx, page);
    }

    /** {@code /admin/sources/{id}}: one source, its last fetches and latest items. */
    void sourcePage(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        String id = ctx.pathParam("id");
        Optional<Map.Entry<SourceSpec, SourceState>> entry = app.poller().snapshot().stream()
                .filter(e -> e.getKey().id().equals(id)).findFirst();
        if (entry.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            AdminFrame.Page page = frame("No such source", "/admin/sources");
            page.main().appendElement("p").text("feeds.yml has no source with id " + id + ".");
            send(ctx, page);
            return;
        }
        SourceSpec s = entry.get().getKey();
        AdminSourcesPage.Row row = new AdminSourcesPage.Row(s, entry.get().getValue(), itemCounts().getOrDefault(id, 0L), push(id));
        List<FetchLogStore.Row> fetches = app.fetchHistory() == null ? List.of() : app.fetchHistory().recent(id, FetchLogStore.KEPT);
        List<SourceItem> items = new SourceItemStore(app.database()).recent(List.of(id), LATEST_ITEMS);
        AdminFrame.Page page = frame(s.title(), "/admin/sources");
        AdminSourcesPage.one(page, app.publisher().config(), row, fetches, items, app.clock().instant(), zone(), tokens(),
                ctx.queryParam("refreshed") != null);
        send(ctx, page);
    }

    /** The source's WebSub subscription as a word ("push active"), or null when it has none. */
    private String push(String sourceId) {
        return app.websub() == null ? null
                : app.websub().subscriber().status(sourceId).map(p -> "push " + p.state().word()).orElse(null);
    }

    /** {@link #push} for every source at once (one read of the subscriptions, not one per source). */
    private Function<String, String> pushWords() {
        Map<String, SourcePush> pushes = app.websub() == null ? Map.of() : app.websub().subscriber().statuses();
        return id -> {
            SourcePush p = pushes.get(id);
            return p == null ? null : "push " + p.state().word();
        };
    }

    /** {@code POST /admin/sources/{id}/refresh} from the pages' buttons: CSRF-checked, then back where it came from. */
    void refreshForm(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        String id = ctx.pathParam("id");
        if (!Csrf.valid(ctx, adminSecret(), "refresh:" + id, app.clock().instant())) {
            refused(ctx);
            return;
        }
        if (app.publisher().config().source(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no source with id " + id);
            return;
        }
        app.poller().refreshNow(id);
        String back = "source".equals(ctx.formParam("back")) ? "/admin/sources/" + id + "?refreshed=1"
                : "/admin/sources?refreshed=" + id;
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** {@code /admin/feeds}. */
    void feedsPage(Context ctx) throws IOException {
        if (!admin(ctx)) return;
        AdminFrame.Page page = frame("Feeds", "/admin/feeds");
        AdminPages.feeds(page, app.publisher().config(), app.publisher(), app.clock().instant(), zone());
        send(ctx, page);
    }

    /** {@code /admin/partners}: partners and their pulls ({@code ?days=N}). */
    void partnersPage(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        int days = AdminPages.days(ctx.queryParam("days"));
        AdminFrame.Page page = frame("Partners", "/admin/partners");
        AdminPages.partners(page, app.publisher().config(), app.stats().report(days), days);
        send(ctx, page);
    }

    /** {@code /admin/stats?days=N}: requests per day per feed and partner, as a chart and a table. */
    void statsPage(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        int days = AdminPages.days(ctx.queryParam("days"));
        AdminFrame.Page page = frame("Pull statistics, last " + days + " day(s)", "/admin/stats");
        AdminPages.stats(page, app.stats().report(days), days, app.clock().instant());
        send(ctx, page);
    }

    /** {@code /admin/config}: the configuration state. */
    void configPage(Context ctx) {
        if (!admin(ctx)) return;
        AdminFrame.Page page = frame("Configuration", "/admin/config");
        String outcome = switch (String.valueOf(ctx.queryParam("reloaded"))) {
            case "applied" -> "Re-read: the file is valid and now runs.";
            case "refused" -> "Re-read: the file was refused (see the errors below); the configuration before keeps serving.";
            default -> null;
        };
        AdminPages.config(page, app.publisher().config(), app.configStatus().get(), app.clock().instant(), zone(), tokens(), outcome);
        send(ctx, page);
    }

    /** {@code POST /admin/config/reload} from the configuration page. */
    void reloadForm(Context ctx) {
        if (!admin(ctx)) return;
        if (!Csrf.valid(ctx, adminSecret(), "reload", app.clock().instant())) {
            refused(ctx);
            return;
        }
        ReloadResult r = reload.apply(EnumSet.noneOf(EditCheck.Confirm.class));
        ctx.redirect("/admin/config?reloaded=" + (r.applied() ? "applied" : "refused"), HttpStatus.SEE_OTHER);
    }

    private static void refused(Context ctx) {
        ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                .result("admin: this form is out of date or was not sent from karvon's own page; reload the page and try again");
    }

    private AdminFrame.Page frame(String title, String current) {
        return AdminFrame.open(app.publisher().config(), app.configStatus().get(), title, current);
    }

    private static void send(Context ctx, AdminFrame.Page page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, page.doc(), Html.ADMIN_CSP);
    }

    private ZoneId zone() {
        return app.publisher().config().site().timezone();
    }

    private Csrf.Tokens tokens() {
        return new Csrf.Tokens(adminSecret(), app.clock().instant());
    }

    private Secret adminSecret() {
        return app.publisher().config().security().adminToken();
    }

    /** A source id from a query parameter, only if it names a configured source (it is echoed on the page). */
    private String known(String id) {
        return id != null && app.publisher().config().source(id).isPresent() ? id : null;
    }

    void statsJson(Context ctx) throws StoreException {
        if (!admin(ctx)) return;
        int days = AdminPages.days(ctx.queryParam("days"));
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
