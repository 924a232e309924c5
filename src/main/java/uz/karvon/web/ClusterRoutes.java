package uz.karvon.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import uz.karvon.config.KarvonConfig;
import uz.karvon.store.ClusterMember;
import uz.karvon.store.StoreException;
import uz.karvon.store.StoryClusterStore;
import uz.karvon.web.html.Html;

/**
 * {@code /admin/clusters} (HTML) and {@code /api/clusters} (JSON), behind the admin token: the day's events reported
 * by more than one story (issue 18), biggest first: who reported what, in which language, who was first and when.
 * {@code ?date=YYYY-MM-DD} picks another day (the site's time zone). Pages are jsoup trees: every text escaped.
 */
final class ClusterRoutes {
    /** Stories read for one day at most (10,000 a day is the design load). */
    static final int MAX_ROWS = 50_000;

    private final AppContext app;
    private final AdminRoutes admin;

    ClusterRoutes(AppContext app, AdminRoutes admin) {
        this.app = app;
        this.admin = admin;
    }

    private record Day(LocalDate date, List<List<ClusterMember>> clusters, int stories) {}

    void page(Context ctx) throws StoreException {
        if (!admin.admin(ctx)) return;
        Day day = day(ctx);
        if (day == null) return;
        KarvonConfig cfg = app.publisher().config();
        AdminFrame.Page page = AdminFrame.open(cfg, app.configStatus().get(), "Clusters", "/admin/clusters");
        Element body = page.main();
        body.appendElement("p").text("Events reported more than once, " + day.date() + " (" + cfg.site().timezone() + ")");
        body.appendElement("p").text(day.clusters().size() + " events, " + day.stories() + " stories that day.");
        for (List<ClusterMember> members : day.clusters()) {
            ClusterMember first = members.get(0);
            Element section = body.appendElement("section").attr("id", "c-" + first.clusterId());
            Element h = section.appendElement("h2").attr("dir", "auto");
            if (first.lang() != null) h.attr("lang", first.lang());
            h.text(first.title());
            section.appendElement("p").text("cluster " + first.clusterId() + " · first: " + source(cfg, first) + " at "
                    + first.published() + " · " + members.size() + " reports in " + members.stream().map(m -> String.valueOf(m.lang()))
                    .distinct().count() + " language(s)");
            Element table = section.appendElement("table");
            Element head = table.appendElement("tr");
            for (String col : List.of("published", "after first", "source", "language", "story")) head.appendElement("th").text(col);
            for (ClusterMember m : members) {
                Element tr = table.appendElement("tr");
                tr.appendElement("td").text(m.published().toString());
                tr.appendElement("td").text(after(first.published(), m.published()));
                tr.appendElement("td").text(source(cfg, m));
                tr.appendElement("td").text(m.lang() == null ? "" : m.lang());
                Element td = tr.appendElement("td").attr("dir", "auto");
                if (m.lang() != null) td.attr("lang", m.lang());
                String url = link(m);
                if (url != null) td.appendElement("a").attr("href", url).attr("rel", "noreferrer").text(m.title());
                else td.text(m.title());
                if (!m.isPublicAt(app.clock().instant())) td.appendElement("small").text(" (not public)");
            }
        }
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, page.doc(), Html.ADMIN_CSP);
    }

    void json(Context ctx) throws StoreException {
        if (!admin.admin(ctx)) return;
        Day day = day(ctx);
        if (day == null) return;
        KarvonConfig cfg = app.publisher().config();
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        out.put("date", day.date().toString());
        out.put("stories", day.stories());
        ArrayNode arr = out.putArray("clusters");
        for (List<ClusterMember> members : day.clusters()) {
            ObjectNode c = arr.addObject();
            c.put("id", members.get(0).clusterId());
            c.put("first_source", source(cfg, members.get(0)));
            c.put("first_published", members.get(0).published().toString());
            ArrayNode stories = c.putArray("stories");
            for (ClusterMember m : members) {
                ObjectNode s = stories.addObject();
                s.put("source", source(cfg, m));
                if (m.sourceId() != null) s.put("source_id", m.sourceId());
                if (m.lang() != null) s.put("language", m.lang());
                s.put("title", m.title());
                s.put("published", m.published().toString());
                String url = link(m);
                if (url != null) s.put("url", url);
                s.put("public", m.isPublicAt(app.clock().instant()));
            }
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }

    /** The day asked for (default: today), its clusters of two or more stories, biggest and then earliest first. */
    private Day day(Context ctx) throws StoreException {
        ZoneId zone = app.publisher().config().site().timezone();
        LocalDate date;
        String asked = ctx.queryParam("date");
        try {
            date = asked == null ? LocalDate.ofInstant(app.clock().instant(), zone) : LocalDate.parse(asked.strip());
        } catch (DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ApiRoutes.json(ctx, ApiRoutes.JSON.createObjectNode().put("error", "date: expected YYYY-MM-DD, got '" + asked + "'"));
            return null;
        }
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<ClusterMember> rows = new StoryClusterStore(app.database()).clustersPublishedSince(from.toEpochMilli(), MAX_ROWS);
        Map<String, List<ClusterMember>> byCluster = new LinkedHashMap<>();
        int stories = 0;
        for (ClusterMember m : rows) {
            byCluster.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(m);
            if (!m.published().isBefore(from) && m.published().isBefore(to)) stories++;
        }
        List<List<ClusterMember>> clusters = new ArrayList<>();
        for (List<ClusterMember> members : byCluster.values()) {
            boolean thatDay = members.stream().anyMatch(m -> !m.published().isBefore(from) && m.published().isBefore(to));
            if (members.size() >= 2 && thatDay) clusters.add(members);
        }
        clusters.sort(Comparator.comparingInt((List<ClusterMember> c) -> -c.size()).thenComparing(c -> c.get(0).published()));
        return new Day(date, clusters, stories);
    }

    private static String source(KarvonConfig cfg, ClusterMember m) {
        if (m.sourceId() == null) return cfg.site().agency();
        return cfg.source(m.sourceId()).map(KarvonConfig.SourceSpec::title).orElse(m.sourceId());
    }

    /** A link an admin may click: http(s) only, whatever a remote feed wrote. */
    private String link(ClusterMember m) {
        String url = m.isArticle() ? (m.slug() == null ? null
                : new uz.karvon.publish.SiteUrls(app.publisher().config().site().baseUrl()).article(m.lang(), m.slug())) : m.url();
        if (url == null) return null;
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String after(Instant first, Instant t) {
        long minutes = java.time.Duration.between(first, t).toMinutes();
        return minutes == 0 ? "first" : "+" + (minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min");
    }
}
