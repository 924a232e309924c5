package uz.karvon.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.EditCheck;
import uz.karvon.config.ReloadResult;
import uz.karvon.ingest.fetch.Redact;
import uz.karvon.store.StoreException;
import uz.karvon.web.html.Html;
import uz.karvon.web.site.SiteRoutes;

/** Builds the Javalin application; tests call this with their own {@link AppContext} and start it on port 0. */
public final class WebApp {
    static final String CSP = Html.CSP;
    /** Where RSS and Atom point browsers for their stylesheet ({@code <?xml-stylesheet?>}), relative to /feeds/ID.rss. */
    public static final String FEED_STYLESHEET = "../static/feed.xsl";
    private static final Logger ACCESS = LoggerFactory.getLogger("karvon.access");
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** What a client is told to wait after a database failure: a lock held by an import, a full disk being cleared. */
    static final long RETRY_AFTER_SECONDS = 30;

    private WebApp() {}

    /**
     * A 404 for a person gets the site's page in their language: any unmatched path, and a missing page, feed or
     * sitemap asked for by a browser. The APIs keep their JSON answers.
     */
    private static void htmlNotFound(Context ctx, SiteRoutes site) {
        String path = ctx.path();
        String body = ctx.result();
        if (path.startsWith("/api/") || path.equals("/health")) {
            String type = ctx.res().getContentType();
            if (body == null || body.isEmpty() || type == null || type.startsWith("text/html")) {
                ctx.contentType("application/json").result("{\"error\":\"not found\"}");
            }
            return;
        }
        String accept = ctx.header("Accept");
        boolean browser = accept != null && accept.contains("text/html");
        if (body == null || body.isEmpty() || browser) site.notFound(ctx);
    }

    public static Javalin create(AppContext app, Function<Set<EditCheck.Confirm>, ReloadResult> reload) {
        RateLimiter limiter = new RateLimiter(app.clock());
        PartnerAccess access = new PartnerAccess(() -> app.publisher().config(), limiter);
        FeedRoutes feeds = new FeedRoutes(app.publisher(), access, app.stats());
        SiteRoutes site = new SiteRoutes(() -> app.publisher().config(), app.publisher().archive(), app.clock());
        Sitemap sitemap = new Sitemap(app.sitemaps(), () -> app.publisher().config());
        ApiRoutes api = new ApiRoutes(app);
        AdminRoutes admin = new AdminRoutes(app, reload);
        NinjsRoutes ninjs = new NinjsRoutes(app.publisher(), access);
        FeedsApi feedsApi = new FeedsApi(app.publisher());
        ClusterRoutes clusters = new ClusterRoutes(app, admin);
        ClientLimit clientLimit = new ClientLimit(() -> app.publisher().config(), limiter);
        WebSubRoutes websub = new WebSubRoutes(app, access, admin);
        MetricsRoutes metrics = new MetricsRoutes(app);
        boolean accessLog = ACCESS.isDebugEnabled();
        return Javalin.create(config -> {
            config.http.maxRequestSize = 2L << 20;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/media";
                sf.directory = "/sample/media";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "public, max-age=86400");
            });
            config.requestLogger.http((ctx, ms) -> {
                metrics.record(ctx, ms);
                if (accessLog) { // the access log is off by default: the hot path pays nothing for it
                    ACCESS.debug("{} {} {} {}ms", ctx.method(),
                            Redact.url(ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString()), ctx.statusCode(), ms);
                }
            });
            for (String path : new String[] {"/", "/opml", "/sitemap.xml", "/sitemap-*", "/feeds", "/feeds/*", "/*/articles/*",
                    "/*/sections/*", "/api/ninjs/*", "/websub"}) {
                config.routes.before(path, clientLimit::check);
            }
            config.routes.before("/{lang}", clientLimit::checkFrontPage);
            config.routes.get("/", site::root);
            config.routes.get("/feeds", site::feeds);
            config.routes.get("/robots.txt", site::robots);
            config.routes.get("/favicon.ico", site::favicon);
            config.routes.get("/opml", ctx -> ctx.contentType("text/x-opml; charset=utf-8")
                    .result(Opml.render(app.publisher().config(), app.clock().instant())));
            config.routes.get("/sitemap.xml", sitemap::index);
            config.routes.get("/sitemap-{name}.xml", sitemap::file);
            config.routes.get("/feeds/{file}", feeds::serve);
            config.routes.head("/feeds/{file}", feeds::serve);
            config.routes.get("/{lang}/articles/{slug}", site::article);
            config.routes.get("/{lang}/sections/{section}", site::section);
            config.routes.get("/health", api::health);
            config.routes.get("/api/ninjs/{id}", ninjs::article);
            config.routes.get("/api/feeds", ctx -> {
                if (ApiRoutes.bearer(ctx, () -> app.publisher().config().security().adminToken(), "security.admin_token")) feedsApi.list(ctx);
            });
            config.routes.get("/metrics", metrics::scrape);
            config.routes.post("/api/articles", api::postArticle);
            config.routes.delete("/api/articles/{id}", api::deleteArticle);
            config.routes.post("/api/reload", admin::reload);
            config.routes.get("/api/sources", admin::sourcesJson);
            config.routes.get("/sources", admin::sourcesPage);
            config.routes.get("/admin/", admin::home);
            config.routes.get("/admin/sources", admin::sourcesPage);
            config.routes.get("/admin/sources/{id}", admin::sourcePage);
            config.routes.post("/admin/sources/{id}/refresh", admin::refreshForm);
            config.routes.get("/admin/feeds", admin::feedsPage);
            config.routes.get("/admin/partners", admin::partnersPage);
            config.routes.get("/admin/config", admin::configPage);
            config.routes.post("/admin/config/reload", admin::reloadForm);
            config.routes.post("/api/sources/{id}/refresh", admin::refreshSource);
            config.routes.get("/api/stats", admin::statsJson);
            config.routes.get("/admin/stats", admin::statsPage);
            config.routes.get("/admin/clusters", clusters::page);
            config.routes.get("/api/clusters", clusters::json);
            config.routes.get("/websub", websub::describe);
            config.routes.post("/websub", websub::subscribe);
            config.routes.get("/websub/callback/{token}", websub::verify);
            config.routes.post("/websub/callback/{token}", websub::push);
            config.routes.get("/api/websub", websub::list);
            // last: one path segment that no route above took is a language's front page (or a 404)
            config.routes.get("/{lang}", site::language);
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> htmlNotFound(ctx, site));
            // One path for every failure: the database failing (wherever it was wrapped) is an outage, 503 with
            // Retry-After, one log line; anything else is a bug, 500, logged once with its stack trace.
            config.routes.exception(Exception.class, (e, ctx) -> {
                Optional<Throwable> outage = StoreException.outage(e);
                if (outage.isPresent()) {
                    LOG.error("{} {}: database unavailable: {}", ctx.method(), ctx.path(), outage.get().getMessage());
                    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
                    ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                            .result("{\"error\":\"database unavailable" + (read ? "" : "; nothing was stored") + "\"}");
                    return;
                }
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8").result("internal error");
            });
        });
    }
}
