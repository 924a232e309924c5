package uz.karvon.web.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.Archive;
import uz.karvon.publish.Listing;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.SiteUrls;
import uz.karvon.web.html.Html;

/**
 * The public site: {@code /} (the front page in the language the browser prefers), {@code /{lang}/} per published
 * language, {@code /{lang}/sections/{section}}, {@code /{lang}/articles/{slug}}, the feed list {@code /feeds},
 * {@code robots.txt}, {@code favicon.ico}, and the HTML 404 page in the reader's language. Server-rendered HTML
 * that needs no script; every page is read from the store by index (a page costs what it shows).
 */
public final class SiteRoutes {
    private static final Pattern SECTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int RELATED = 4;

    private final Supplier<KarvonConfig> config;
    private final Archive archive;
    private final Listing listing;
    private final Clock clock;

    public SiteRoutes(Supplier<KarvonConfig> config, Archive archive, Clock clock) {
        this.config = config;
        this.archive = archive;
        this.listing = new Listing(archive);
        this.clock = clock;
    }

    /** {@code /}: the front page in the published language the reader's browser prefers, else the site's default. */
    public void root(Context ctx) {
        SiteFrame frame = new SiteFrame(config.get());
        String lang = SiteLanguages.preferred(frame.languages(), ctx.header("Accept-Language")).orElse(frame.languages().get(0));
        ctx.header("Vary", "Accept-Language");
        listing(ctx, frame, lang, null, PageRequest.FIRST, true);
    }

    /** {@code /{lang}/}. */
    public void language(Context ctx) {
        SiteFrame frame = new SiteFrame(config.get());
        Optional<String> lang = SiteLanguages.find(frame.languages(), ctx.pathParam("lang"))
                .or(() -> SiteLanguages.shortFor(frame.languages(), ctx.pathParam("lang")));
        if (lang.isEmpty()) {
            notFound(ctx);
            return;
        }
        String canonical = "/" + lang.get() + "/";
        if (!ctx.path().equals(canonical)) { // /en and /EN/ lead to /en/
            redirect(ctx, canonical);
            return;
        }
        PageRequest.Parsed page = PageRequest.parse(ctx.queryParam("before"), ctx.queryParam("after"));
        if (page.error() != null) {
            notFound(ctx);
            return;
        }
        listing(ctx, frame, lang.get(), null, page.page(), false);
    }

    /** {@code /{lang}/sections/{section}}. */
    public void section(Context ctx) {
        SiteFrame frame = new SiteFrame(config.get());
        Optional<String> lang = SiteLanguages.find(frame.languages(), ctx.pathParam("lang"))
                .or(() -> SiteLanguages.shortFor(frame.languages(), ctx.pathParam("lang")));
        String section = ctx.pathParam("section");
        PageRequest.Parsed page = PageRequest.parse(ctx.queryParam("before"), ctx.queryParam("after"));
        if (lang.isEmpty() || !SECTION.matcher(section).matches() || page.error() != null) {
            notFound(ctx);
            return;
        }
        if (!lang.get().equals(ctx.pathParam("lang"))) {
            redirect(ctx, "/" + lang.get() + "/sections/" + section);
            return;
        }
        listing(ctx, frame, lang.get(), section, page.page(), false);
    }

    private void listing(Context ctx, SiteFrame frame, String lang, String section, PageRequest request, boolean chosen) {
        Listing.Page p = listing.page(frame.config(), lang, section, request, ListingPage.PAGE_SIZE, clock.instant());
        boolean known = section == null || frame.config().site().sections().contains(section);
        if (!known && p.articles().isEmpty() && request.isFirst()) {
            notFound(ctx);
            return;
        }
        Html.send(ctx, ListingPage.build(frame, p, lang, section, request, chosen).doc());
    }

    /** {@code /{lang}/articles/{slug}}: one indexed lookup, its versions, and a few stories of the same section. */
    public void article(Context ctx) {
        KarvonConfig cfg = config.get();
        Instant now = clock.instant();
        Set<String> targets = Archive.targets(cfg);
        Optional<Article> found = archive.page(ctx.pathParam("lang"), ctx.pathParam("slug"), targets, now);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Article a = found.get();
        List<Article> versions = new ArrayList<>();
        for (Article v : archive.versions(List.of(a.translationKey()), targets).getOrDefault(a.translationKey(), List.of())) {
            if (!v.id().equals(a.id()) && v.isPublicAt(now)) versions.add(v);
        }
        Html.send(ctx, ArticlePage.build(new SiteFrame(cfg), a, versions, related(cfg, a, now)).doc());
    }

    /** Stories of the same language and section published just before this one (newer ones when it is the oldest). */
    private List<Article> related(KarvonConfig cfg, Article a, Instant now) {
        Map<String, Article> out = new LinkedHashMap<>();
        for (PageRequest r : List.of(PageRequest.before(Listing.key(a)), PageRequest.FIRST)) {
            for (Article x : listing.page(cfg, a.lang(), a.section(), r, RELATED + 1, now).articles()) {
                if (out.size() < RELATED && !x.translationKey().equals(a.translationKey())) out.putIfAbsent(x.id(), x);
            }
            if (out.size() >= RELATED) break;
        }
        return List.copyOf(out.values());
    }

    /** {@code /feeds}: every public feed, grouped by language, with autodiscovery links (the old home page). */
    public void feeds(Context ctx) {
        SiteFrame frame = new SiteFrame(config.get());
        String lang = SiteLanguages.preferred(frame.languages(), ctx.header("Accept-Language")).orElse(frame.languages().get(0));
        ctx.header("Vary", "Accept-Language");
        Html.send(ctx, FeedsPage.build(frame, lang).doc());
    }

    /**
     * The HTML 404 page, in the language of the path ({@code /ar/…}), else the one the browser prefers, else the
     * site's default.
     */
    public void notFound(Context ctx) {
        SiteFrame frame = new SiteFrame(config.get());
        String first = ctx.path().length() > 1 ? ctx.path().substring(1).split("/")[0] : "";
        String lang = SiteLanguages.find(frame.languages(), first)
                .or(() -> SiteLanguages.preferred(frame.languages(), ctx.header("Accept-Language")))
                .orElse(frame.languages().get(0));
        UiText ui = frame.ui();
        SiteFrame.Page page = frame.open(lang, ui.text(lang, "notFound"), Map.of(), null);
        page.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        Element main = page.main();
        main.appendElement("h1").text(ui.text(lang, "notFound"));
        main.appendElement("p").text(ui.text(lang, "notFoundText"));
        main.appendElement("p").appendElement("a").attr("href", frame.urls().language(lang)).text(ui.text(lang, "backHome"));
        ctx.status(HttpStatus.NOT_FOUND);
        Html.send(ctx, page.doc());
    }

    /** {@code /robots.txt}: everything public may be crawled, the admin side not; where the sitemap is. */
    public void robots(Context ctx) {
        SiteUrls urls = new SiteUrls(config.get().site().baseUrl());
        ctx.contentType("text/plain; charset=utf-8").result("User-agent: *\nDisallow: /admin/\nDisallow: /api/\n"
                + "Disallow: /sources\n\nSitemap: " + urls.base() + "/sitemap.xml\n");
    }

    /** {@code /favicon.ico}, which browsers ask for by themselves: the configured icon. */
    public void favicon(Context ctx) {
        String icon = config.get().site().favicon();
        if (icon == null || icon.equals("/favicon.ico")) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.redirect(icon, HttpStatus.FOUND);
    }

    private static void redirect(Context ctx, String path) {
        String q = ctx.queryString();
        ctx.redirect(q == null ? path : path + "?" + q, HttpStatus.MOVED_PERMANENTLY);
    }

    /** The public feeds of a configuration (for the feed list and OPML). */
    static List<FeedSpec> publicFeeds(KarvonConfig cfg) {
        return cfg.feeds().stream().filter(FeedSpec::isPublic).toList();
    }
}
