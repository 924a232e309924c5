package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.LangTags;
import uz.karvon.publish.Archive;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.SiteUrls;

/** The human side: the feed directory at {@code /} and each article's own page. */
final class Pages {
    private final FeedPublisher publisher;
    private final Clock clock;

    Pages(FeedPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void home(Context ctx) {
        KarvonConfig cfg = publisher.config();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        String siteLang = cfg.site().defaultLanguage();
        Document doc = Html.page(siteLang, LangTags.dir(siteLang), cfg.site().title());
        Element head = doc.head();
        Element body = doc.body();
        body.appendElement("h1").text(cfg.site().title());
        body.appendElement("p").text(cfg.site().description());
        Map<String, List<FeedSpec>> byLanguage = new LinkedHashMap<>();
        for (FeedSpec f : cfg.feeds()) {
            if (!f.isPublic()) continue;
            byLanguage.computeIfAbsent(f.language() == null ? "mul" : f.language(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<FeedSpec>> group : byLanguage.entrySet()) {
            String lang = group.getKey();
            Element section = body.appendElement("section").attr("lang", lang).attr("dir", LangTags.dir(lang));
            section.appendElement("h2").text(lang.equals("mul") ? "All languages · Barcha tillar · Все языки" : LangTags.displayName(lang));
            Element ul = section.appendElement("ul").addClass("feeds");
            for (FeedSpec f : group.getValue()) {
                Element li = ul.appendElement("li");
                li.appendElement("strong").attr("dir", "auto").text(f.title());
                Element formats = li.appendElement("span").addClass("formats");
                for (FeedFormat fmt : FeedFormat.values()) {
                    String href = urls.feed(f.id(), fmt.extension());
                    formats.appendElement("a").attr("href", href).attr("type", mediaType(fmt)).text(fmt.name());
                    head.appendElement("link").attr("rel", "alternate").attr("type", mediaType(fmt))
                            .attr("title", f.title() + " (" + fmt.name() + ")").attr("href", href);
                }
            }
        }
        body.appendElement("p").appendElement("a").attr("href", "/opml").text("OPML");
        send(ctx, doc);
    }

    void article(Context ctx) {
        String lang = ctx.pathParam("lang");
        String slug = ctx.pathParam("slug");
        Instant now = clock.instant();
        KarvonConfig cfg = publisher.config();
        Set<String> targets = Archive.targets(cfg);
        Optional<Article> found = publisher.archive().page(lang, slug, targets, now); // one indexed lookup
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Article a = found.get();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        Document doc = Html.page(a.lang(), LangTags.dir(a.lang()), a.title());
        Element head = doc.head();
        head.appendElement("link").attr("rel", "canonical").attr("href", urls.article(a.lang(), a.slug()));
        head.appendElement("link").attr("rel", "alternate").attr("hreflang", a.lang()).attr("href", urls.article(a.lang(), a.slug()));
        List<Article> others = new ArrayList<>();
        List<Article> versions = publisher.archive().versions(List.of(a.translationKey()), targets)
                .getOrDefault(a.translationKey(), List.of());
        for (Article t : versions) {
            if (t.id().equals(a.id()) || !t.isPublicAt(now)) continue;
            others.add(t);
            head.appendElement("link").attr("rel", "alternate").attr("hreflang", t.lang()).attr("href", urls.article(t.lang(), t.slug()));
        }
        Element art = doc.body().appendElement("article");
        art.appendElement("h1").text(a.title());
        ZoneId zone = cfg.site().timezone();
        Locale locale = Locale.forLanguageTag(a.lang());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(a.published());
        Element meta = art.appendElement("p").addClass("meta");
        if (a.dateline() != null) meta.appendElement("span").text(a.dateline() + " · ");
        meta.appendElement("time").attr("datetime", a.published().toString()).text(when);
        if (a.author() != null) meta.appendElement("span").text(" · " + a.author());
        if (a.correctionNote() != null) art.appendElement("p").addClass("note").text(a.correctionNote());
        if (a.generated()) {
            art.appendElement("p").addClass("note").text(a.lang().equals("uz-Cyrl")
                    ? "Ушбу матн лотин ёзувидан автоматик равишда ўгирилган."
                    : "Ushbu matn kirill yozuvidan avtomatik ravishda oʻgirilgan.");
        }
        if (a.summary() != null) art.appendElement("p").appendElement("strong").text(a.summary());
        if (a.image() != null) {
            Element fig = art.appendElement("figure");
            fig.appendElement("img").attr("src", urls.absolute(a.image().url())).attr("alt", a.image().caption() == null ? "" : a.image().caption());
            if (a.image().caption() != null) fig.appendElement("figcaption").text(a.image().caption());
        }
        // body_html was sanitised by an allowlist when it was stored
        if (a.bodyHtml() != null) art.appendElement("div").addClass("body").append(a.bodyHtml());
        if (!others.isEmpty()) {
            Element nav = doc.body().appendElement("nav").addClass("translations");
            for (Article t : others) {
                nav.appendElement("a").attr("href", urls.article(t.lang(), t.slug())).attr("hreflang", t.lang())
                        .attr("lang", t.lang()).attr("dir", LangTags.dir(t.lang())).text(LangTags.displayName(t.lang()));
            }
        }
        send(ctx, doc);
    }

    static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("not found");
    }

    static String mediaType(FeedFormat f) {
        String ct = f.contentType();
        return ct.substring(0, ct.indexOf(';'));
    }

    static void send(Context ctx, Document doc) {
        ctx.header("Content-Security-Policy", WebApp.CSP);
        ctx.contentType("text/html; charset=utf-8").result(Html.render(doc));
    }
}
