package uz.karvon.web;

import io.javalin.Javalin;
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

/** Builds the Javalin application; tests call this with their own {@link AppContext} and start it on port 0. */
public final class WebApp {
    static final String CSP = "default-src 'none'; img-src 'self' https: http:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Logger ACCESS = LoggerFactory.getLogger("karvon.access");
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** What a client is told to wait after a database failure: a lock held by an import, a full disk being cleared. */
    static final long RETRY_AFTER_SECONDS = 30;

    private WebApp() {}

    public static Javalin create(AppContext app, Function<Set<EditCheck.Confirm>, ReloadResult> reload) {
        RateLimiter limiter = new RateLimiter(app.clock());
        PartnerAccess access = new PartnerAccess(() -> app.publisher().config(), limiter);
        FeedRoutes feeds = new FeedRoutes(app.publisher(), access, app.stats());
        Pages pages = new Pages(app.publisher(), app.clock());
        Sitemap sitemap = new Sitemap(app.sitemaps(), () -> app.publisher().config());
        ApiRoutes api = new ApiRoutes(app);
        AdminRoutes admin = new AdminRoutes(app, reload);
        ClusterRoutes clusters = new ClusterRoutes(app, admin);
        ClientLimit clientLimit = new ClientLimit(() -> app.publisher().config(), limiter);
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
            if (ACCESS.isDebugEnabled()) { // off by default: the hot path pays nothing for it
                config.requestLogger.http((ctx, ms) -> ACCESS.debug("{} {} {} {}ms", ctx.method(),
                        Redact.url(ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString()), ctx.statusCode(), ms));
            }
            for (String path : new String[] {"/", "/opml", "/sitemap.xml", "/sitemap-*", "/feeds/*", "/*/articles/*"}) config.routes.before(path, clientLimit::check);
            config.routes.get("/", pages::home);
            config.routes.get("/opml", ctx -> ctx.contentType("text/x-opml; charset=utf-8")
                    .result(Opml.render(app.publisher().config(), app.clock().instant())));
            config.routes.get("/sitemap.xml", sitemap::index);
            config.routes.get("/sitemap-{name}.xml", sitemap::file);
            config.routes.get("/feeds/{file}", feeds::serve);
            config.routes.head("/feeds/{file}", feeds::serve);
            config.routes.get("/{lang}/articles/{slug}", pages::article);
            config.routes.get("/health", api::health);
            config.routes.post("/api/articles", api::postArticle);
            config.routes.delete("/api/articles/{id}", api::deleteArticle);
            config.routes.post("/api/reload", admin::reload);
            config.routes.get("/api/sources", admin::sourcesJson);
            config.routes.get("/sources", admin::sourcesPage);
            config.routes.post("/api/sources/{id}/refresh", admin::refreshSource);
            config.routes.get("/api/stats", admin::statsJson);
            config.routes.get("/admin/stats", admin::statsPage);
            config.routes.get("/admin/clusters", clusters::page);
            config.routes.get("/api/clusters", clusters::json);
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
