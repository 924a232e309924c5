package uz.karvon.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import uz.karvon.config.FeedProfile;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KarvonConfig.PartnerSpec;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.Served;
import uz.karvon.publish.SiteUrls;
import uz.karvon.publish.profile.Exclusion;
import uz.karvon.publish.profile.ProfileReport;
import uz.karvon.store.PullStatStore;
import uz.karvon.web.html.TimeText;

/** The admin overview, feeds, partners, pull statistics and configuration pages (sources: {@link AdminSourcesPage}). */
final class AdminPages {
    private AdminPages() {}

    /** What the overview counts. */
    record Overview(boolean databaseOk, long articles, int sources, int failing, int pending, int feeds, int partners) {}

    static void overview(AdminFrame.Page page, Overview o, ConfigStatus.State cs, Instant now, ZoneId zone) {
        Element main = page.main();
        Element cards = main.appendElement("div").addClass("cards");
        card(cards, "/admin/sources", "Sources", o.sources() + " configured",
                o.failing() + " failing or stopped, " + o.pending() + " not fetched yet", o.failing() > 0);
        card(cards, "/admin/feeds", "Feeds", o.feeds() + " published", o.articles() + " stored article version(s)", false);
        card(cards, "/admin/partners", "Partners", o.partners() + " with keys", "their pulls per day on Pull statistics", false);
        Element c = card(cards, "/admin/config", "Configuration", cs.errors().isEmpty() ? "applied" : "edit refused",
                "", !cs.errors().isEmpty());
        Element p = c.selectFirst("p.detail");
        p.appendText(cs.file().getFileName() + " applied ");
        TimeText.append(p, cs.appliedAt(), now, zone, "");
        Element health = main.appendElement("p").addClass(o.databaseOk() ? "health ok" : "health err");
        health.appendText("Database: " + (o.databaseOk() ? "ok" : "unavailable") + ". ");
        health.appendElement("a").attr("href", "/health").text("/health");
        health.appendText(" answers 503 while the database is unavailable or an edit of feeds.yml is refused.");
    }

    private static Element card(Element parent, String href, String title, String figure, String detail, boolean alert) {
        Element c = parent.appendElement("section").addClass(alert ? "card alert" : "card");
        c.appendElement("h2").appendElement("a").attr("href", href).text(title);
        c.appendElement("p").addClass("figure").text(figure);
        c.appendElement("p").addClass("detail").text(detail);
        return c;
    }

    /** Every feed: what it selects, its items on the first page, whether older pages exist, when it last changed. */
    static void feeds(AdminFrame.Page page, KarvonConfig cfg, FeedPublisher publisher, Instant now, ZoneId zone) throws IOException {
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        Element table = page.main().appendElement("table").addClass("feeds-table");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Feed", "Selects", "Access", "Items", "Last change", "Formats")) {
            head.appendElement("th").attr("scope", "col").text(h);
        }
        Element body = table.appendElement("tbody");
        for (FeedSpec f : cfg.feeds()) {
            Element tr = body.appendElement("tr");
            Element name = tr.appendElement("td");
            name.appendElement("strong").attr("dir", "auto").text(f.title());
            name.appendElement("span").addClass("id").text(f.id());
            tr.appendElement("td").text(selects(f));
            tr.appendElement("td").text(f.isPublic() ? "public" : "partners" + (f.includeEmbargoed() ? ", embargoed too" : ""));
            Optional<Served> served = publisher.render(f.id(), FeedFormat.JSON, PageRequest.FIRST);
            if (served.isEmpty()) {
                tr.appendElement("td");
                tr.appendElement("td");
            } else {
                JsonNode json = ApiRoutes.JSON.readTree(served.get().rendered().raw());
                int n = json.path("items").size();
                tr.appendElement("td").addClass("num").text(n + " of " + f.limit() + (json.has("next_url") ? ", older pages" : ""));
                TimeText.append(tr.appendElement("td"), n == 0 ? null : served.get().rendered().lastModified(), now, zone, "empty");
            }
            Element formats = tr.appendElement("td");
            for (FeedFormat fmt : FeedFormat.SERVED) {
                formats.appendElement("a").attr("href", urls.feed(f.id(), fmt.extension())).text(fmt.extension());
                formats.appendText(" ");
            }
        }
        leftOut(page.main(), cfg, publisher);
    }

    /** What each platform profile left out of its feed's first page, and why (the rule and its source). */
    private static void leftOut(Element main, KarvonConfig cfg, FeedPublisher publisher) {
        List<FeedSpec> profiled = cfg.feeds().stream().filter(f -> f.profile() != FeedProfile.NONE).toList();
        if (profiled.isEmpty()) return;
        main.appendElement("h2").text("Left out by platform profiles");
        for (FeedSpec f : profiled) {
            for (FeedFormat fmt : FeedFormat.FOR_READERS) publisher.render(f.id(), fmt, PageRequest.FIRST); // the report follows the feed
            Element section = main.appendElement("section");
            section.appendElement("h3").attr("dir", "auto").text(f.title() + " (" + f.profile().key() + ")");
            Map<String, ProfileReport.Entry> report = publisher.profileReport().of(f.id());
            List<Exclusion> all = report.values().stream().flatMap(e -> e.excluded().stream()).distinct().toList();
            if (all.isEmpty()) {
                section.appendElement("p").text("Nothing left out: every item meets the platform's rules.");
                continue;
            }
            Element ul = section.appendElement("ul");
            for (Exclusion x : all) {
                Element li = ul.appendElement("li");
                li.appendElement("span").attr("dir", "auto").text(x.title() == null ? x.itemId() : x.title());
                li.appendText(": " + x.rule().reason() + " (" + x.rule().rule() + ")");
            }
        }
    }

    private static String selects(FeedSpec f) {
        StringBuilder b = new StringBuilder(f.allLanguages() ? "every language" : f.everyStory() ? "every story, " + f.language() + " first"
                : String.join(", ", f.languages()));
        if (!f.sections().isEmpty()) b.append("; sections ").append(String.join(", ", f.sections()));
        if (!f.tags().isEmpty()) b.append("; tags ").append(String.join(", ", f.tags()));
        if (!f.sources().isEmpty()) b.append("; sources ").append(String.join(", ", f.sources()));
        if (!f.includeArticles()) b.append("; no agency articles");
        if (f.transliterate()) b.append("; transliterated");
        return b.toString();
    }

    /** Partners, what they may read, and their pulls over the period. */
    static void partners(AdminFrame.Page page, KarvonConfig cfg, List<PullStatStore.Row> rows, int days) {
        Map<String, long[]> totals = new HashMap<>(); // partner → requests, bytes
        for (PullStatStore.Row r : rows) {
            if (r.partnerId().isEmpty()) continue;
            long[] t = totals.computeIfAbsent(r.partnerId(), k -> new long[2]);
            t[0] += r.requests();
            t[1] += r.bytes();
        }
        Element main = page.main();
        if (cfg.partners().isEmpty()) {
            main.appendElement("p").text("No partners are configured (partners: in feeds.yml).");
            return;
        }
        Element table = main.appendElement("table");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Partner", "Key", "May read", "Limit", "Requests, last " + days + " days", "Bytes")) {
            head.appendElement("th").attr("scope", "col").text(h);
        }
        Element body = table.appendElement("tbody");
        for (PartnerSpec p : cfg.partners()) {
            long[] t = totals.getOrDefault(p.id(), new long[2]);
            Element tr = body.appendElement("tr");
            Element name = tr.appendElement("td");
            name.appendElement("strong").attr("dir", "auto").text(p.name());
            name.appendElement("span").addClass("id").text(p.id());
            tr.appendElement("td").text(p.key().isSet() ? p.key().source() : "not set: cannot authenticate");
            tr.appendElement("td").text(String.join(", ", p.feeds()) + (p.embargoed() ? " (embargoed stories too)" : ""));
            tr.appendElement("td").addClass("num").text(p.requestsPerMinute() + "/min");
            tr.appendElement("td").addClass("num").text(Long.toString(t[0]));
            tr.appendElement("td").addClass("num").text(TimeText.bytes(t[1]));
        }
        main.appendElement("p").appendElement("a").attr("href", "/admin/stats?days=" + days).text("Pull statistics per day");
    }

    /** The chart of requests per day, and the table it is drawn from. */
    static void stats(AdminFrame.Page page, List<PullStatStore.Row> rows, int days, Instant now) {
        Element main = page.main();
        Element periods = main.appendElement("p").text("Period: ");
        for (int d : new int[] {7, 30, 90}) {
            Element a = periods.appendElement("a").attr("href", "/admin/stats?days=" + d).text(d + " days");
            if (d == days) a.attr("aria-current", "true");
            periods.appendText(" ");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (rows.isEmpty()) {
            main.appendElement("p").text("No feed was pulled in this period.");
            return;
        }
        StatsChart.draw(main, StatsChart.series(rows, today, days), today, days);
        Element table = main.appendElement("table").addClass("stats");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Day (UTC)", "Feed", "Partner", "Requests", "200", "304", "Bytes", "Est. subscribers")) {
            head.appendElement("th").attr("scope", "col").text(h);
        }
        Element body = table.appendElement("tbody");
        for (PullStatStore.Row r : rows) {
            Element tr = body.appendElement("tr");
            tr.appendElement("td").text(r.day());
            tr.appendElement("td").text(r.feedId());
            tr.appendElement("td").text(r.partnerId().isEmpty() ? "(public)" : r.partnerId());
            tr.appendElement("td").addClass("num").text(Long.toString(r.requests()));
            tr.appendElement("td").addClass("num").text(Long.toString(r.ok()));
            tr.appendElement("td").addClass("num").text(Long.toString(r.notModified()));
            tr.appendElement("td").addClass("num").text(TimeText.bytes(r.bytes()));
            tr.appendElement("td").addClass("num").text(Long.toString(r.distinctClients() + r.reportedSubscribers()));
        }
    }

    /** Which file, when it was applied, what was refused and why, the warnings; a button to re-read it now. */
    static void config(AdminFrame.Page page, KarvonConfig cfg, ConfigStatus.State cs, Instant now, ZoneId zone,
                       Csrf.Tokens csrf, String outcome) {
        Element main = page.main();
        if (outcome != null) main.appendElement("p").addClass("notice").text(outcome);
        Element dl = main.appendElement("dl").addClass("facts");
        dl.appendElement("dt").text("File");
        dl.appendElement("dd").text(cs.file().toString());
        dl.appendElement("dt").text("Applied");
        TimeText.append(dl.appendElement("dd"), cs.appliedAt(), now, zone, "");
        dl.appendElement("dt").text("Contents");
        dl.appendElement("dd").text(cfg.feeds().size() + " feed(s), " + cfg.sources().size() + " source(s), "
                + cfg.partners().size() + " partner(s)");
        dl.appendElement("dt").text("Site");
        dl.appendElement("dd").text((cfg.site().baseUrl() == null ? "(site.base_url unset)" : cfg.site().baseUrl())
                + ", zone " + cfg.site().timezone().getId() + ", default language " + cfg.site().defaultLanguage());
        main.appendElement("h2").text("Errors of the last edit");
        if (cs.errors().isEmpty()) {
            main.appendElement("p").text("None: the file on disk is the configuration that runs.");
        } else {
            main.appendElement("p").addClass("err").text("The file on disk was refused; the configuration applied before keeps serving.");
            Element ul = main.appendElement("ul").addClass("problems");
            cs.errors().forEach(e -> ul.appendElement("li").appendElement("code").text(e));
        }
        main.appendElement("h2").text("Warnings");
        if (cs.warnings().isEmpty()) main.appendElement("p").text("None.");
        else {
            Element ul = main.appendElement("ul").addClass("problems");
            cs.warnings().forEach(w -> ul.appendElement("li").text(w));
        }
        Element form = main.appendElement("form").attr("method", "post").attr("action", "/admin/config/reload");
        form.appendElement("input").attr("type", "hidden").attr("name", Csrf.FIELD).attr("value", csrf.token("reload"));
        form.appendElement("button").attr("type", "submit").text("Re-read " + cs.file().getFileName() + " now");
        main.appendElement("p").addClass("hint").text("The server also re-reads the file by itself when it changes.");
    }

    /** {@code ?days=N}, 1 to 366, default 7. */
    static int days(String value) {
        try {
            return value == null ? 7 : Math.max(1, Math.min(Integer.parseInt(value.trim()), 366));
        } catch (NumberFormatException e) {
            return 7;
        }
    }
}
