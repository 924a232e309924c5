package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;

/**
 * Issue 14, the admin pages, through the server and a real upstream: the menu and the warnings, the sources
 * table (sorted by state on the server, long URLs and errors kept in the screen), "refresh now" as a CSRF-checked
 * POST, a source's fetch history and items, feeds, partners, the pull-statistics chart, the configuration state
 * and /health answering 503 while an edit of feeds.yml is refused.
 */
class AdminPagesTest {
    static final String ADMIN = "admin-pages-token";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8));
    static final String HOSTILE_SOURCE = "Partner <b onclick=alert(1)>wire</b> & co";
    static final String LONG_PATH = "/missing/" + "a-very-long-path-segment-".repeat(6) + "feed.rss?utm_source=karvon&utm_medium=rss";

    @TempDir
    static Path dir;
    static MockWebServer upstream;
    static KarvonServer server;
    static Path config;
    static String configText;
    static String base;
    static final Http http = new Http();
    /** Sends forms as a browser does; never follows redirects. */
    static final HttpClient forms = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!r.getTarget().equals("/feed.rss") && !r.getTarget().equals("/unused.rss")) {
                    return new MockResponse.Builder().code(404).build();
                }
                if ("\"v1\"".equals(r.getHeaders().get("If-None-Match"))) return new MockResponse.Builder().code(304).build();
                return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .addHeader("ETag", "\"v1\"").body(rss()).build();
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
        String up = "http://127.0.0.1:" + upstream.getPort();
        configText = "site:\n  title: Admin test\n  timezone: Asia/Tashkent\n"
                + "server:\n  public_requests_per_minute: 100000\n"
                + "security:\n  admin_token: {env: ADMIN}\n"
                + "sources:\n"
                + "  - id: up\n    title: \"" + HOSTILE_SOURCE.replace("\"", "\\\"") + "\"\n    url: " + up + "/feed.rss\n    language: en\n"
                + "  - id: broken\n    title: Broken wire\n    url: \"" + up + LONG_PATH + "\"\n"
                + "  - id: unused\n    title: Unused wire\n    url: " + up + "/unused.rss\n"
                + "feeds:\n  - id: mixed\n    title: Mixed\n    language: all\n    sources: [up, broken]\n"
                + "partners:\n  - id: p1\n    name: Partner One\n    key: {env: P1}\n    feeds: [mixed]\n";
        config = TestKarvon.write(dir, "feeds.yml", configText);
        server = KarvonServer.start(new KarvonServer.Options(config, dir.resolve("data"), 0, "127.0.0.1", Clock.systemUTC(),
                Map.of("ADMIN", ADMIN, "P1", "p1-key"), false, false));
        base = TestKarvon.base(server);
        await(() -> Http.text(http.get(base + "/api/sources", "Authorization", "Bearer " + ADMIN)),
                s -> s.contains("\"items_stored\" : 3") && s.contains("HTTP 404"), "both sources fetched");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (upstream != null) upstream.close();
    }

    static String rss() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Up</title>"
                + "<link>https://up.example/</link><description>d</description>");
        for (int i = 1; i <= 3; i++) {
            b.append("<item><guid>g").append(i).append("</guid><title>Upstream story ").append(i).append(" &amp; &lt;i&gt;x&lt;/i&gt;")
                    .append("</title><link>https://up.example/").append(i).append("</link><description>Text of story ")
                    .append(i).append("</description><pubDate>Fri, 27 Nov 2026 0").append(i).append(":30:00 +0500</pubDate></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    static Document admin(String path) throws Exception {
        HttpResponse<byte[]> r = http.get(base + path, "Authorization", BASIC);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("form-action 'self'");
        return HtmlRules.check(path, Http.text(r));
    }

    static HttpResponse<String> postForm(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", BASIC)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return forms.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static <T> T await(Callable<T> read, Predicate<T> ok, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.call();
            if (ok.test(last)) return last;
            Thread.sleep(50); // the poller runs on its own threads
        }
        throw new AssertionError(what + " did not happen; last: " + last);
    }

    @Test
    void theAdminPagesNeedTheTokenAndLinkEachOther() throws Exception {
        HttpResponse<byte[]> none = http.get(base + "/admin/");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(http.get(base + "/admin/sources", "Authorization", wrong).statusCode()).isEqualTo(401);
        for (String[] item : AdminFrame.MENU) {
            Document doc = admin(item[0]);
            assertThat(doc.select("header.admin-bar nav a").eachAttr("href"))
                    .containsExactlyElementsOf(AdminFrame.MENU.stream().map(m -> m[0]).toList());
            assertThat(doc.select("header.admin-bar a[aria-current=page]").attr("href")).isEqualTo(item[0]);
            List<String> warnings = doc.select("section.warnings li").eachText();
            assertThat(warnings).as(item[0]).anyMatch(w -> w.startsWith("site.base_url is not set"))
                    .anyMatch(w -> w.startsWith("source 'unused' is used by no feed"));
        }
        Document overview = admin("/admin/");
        assertThat(overview.select(".card.alert h2").text()).contains("Sources");
        assertThat(overview.select(".card").text()).contains("3 configured", "1 failing or stopped");
        // the old address of the sources page still answers
        assertThat(http.get(base + "/sources", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void theSourcesTableSortsByStateAndKeepsLongValuesInTheirColumns() throws Exception {
        Document doc = admin("/admin/sources?sort=state");
        Element table = doc.selectFirst("table.sources");
        assertThat(table.select("colgroup col")).hasSize(7);
        assertThat(table.select("th[aria-sort] a").text()).isEqualTo("State");
        List<Element> rows = table.select("tbody tr");
        assertThat(rows.stream().map(r -> r.selectFirst("span.id").text()).toList()).containsExactly("broken", "up", "unused");
        Element broken = rows.get(0);
        assertThat(broken.select(".badge").text()).startsWith("failing");
        assertThat(broken.select("span.http").text()).isEqualTo("HTTP 404");
        assertThat(broken.select("span.url").text()).endsWith("feed.rss?utm_source=karvon&utm_medium=rss");
        assertThat(broken.select("td.problem details summary").text()).isEqualTo("fetch http://127.0.0.1…: HTTP 404");
        assertThat(broken.select("td.problem details p").text()).contains("HTTP 404");
        Element up = rows.get(1);
        assertThat(up.select("td.source a").text()).isEqualTo(HOSTILE_SOURCE);
        assertThat(up.select("td.num").text()).isEqualTo("3");
        Element last = up.selectFirst("time");
        assertThat(last.attr("title")).matches("2\\d{3}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+05:00 \\(Asia/Tashkent\\)");
        assertThat(last.text()).matches("just now|\\d+ (s|min) ago");
        assertThat(Instant.parse(last.attr("datetime")).getNano()).as("no nanoseconds on the page").isZero();
        // other orders, all on the server
        assertThat(admin("/admin/sources?sort=name").select("tbody span.id").eachText()).containsExactly("broken", "up", "unused");
        assertThat(admin("/admin/sources?sort=items").select("tbody span.id").eachText().get(0)).isEqualTo("up");
        assertThat(admin("/admin/sources").select("tbody span.id").eachText()).containsExactly("up", "broken", "unused");
    }

    @Test
    void refreshNowIsAPostWithATokenAndTheFetchShowsOnTheSourcePage() throws Exception {
        Document list = admin("/admin/sources");
        String token = list.select("form[action=/admin/sources/up/refresh] input[name=csrf]").attr("value");
        String otherToken = list.select("form[action=/admin/sources/broken/refresh] input[name=csrf]").attr("value");
        int before = upstream.getRequestCount();
        assertThat(postForm("/admin/sources/up/refresh", "back=list").statusCode()).as("no token").isEqualTo(403);
        assertThat(postForm("/admin/sources/up/refresh", "csrf=" + otherToken).statusCode()).as("another form's token").isEqualTo(403);
        assertThat(postForm("/admin/sources/up/refresh", "csrf=" + token, "Sec-Fetch-Site", "cross-site").statusCode())
                .as("sent by another site").isEqualTo(403);
        assertThat(postForm("/admin/sources/up/refresh", "csrf=" + token, "Origin", "https://evil.example").statusCode())
                .as("from another origin").isEqualTo(403);
        assertThat(upstream.getRequestCount()).as("nothing refused was done").isEqualTo(before);

        HttpResponse<String> ok = postForm("/admin/sources/up/refresh", "csrf=" + token + "&back=source",
                "Sec-Fetch-Site", "same-origin", "Origin", base);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/sources/up?refreshed=1");
        Document page = await(() -> admin("/admin/sources/up?refreshed=1"),
                d -> d.select("table.fetches tbody tr").size() >= 2, "the refresh in the history");
        assertThat(page.select("p.notice").text()).startsWith("Refresh queued");
        List<Element> fetches = page.select("table.fetches tbody tr");
        Element newest = fetches.get(0);
        Element first = fetches.get(fetches.size() - 1);
        assertThat(newest.child(1).text()).isEqualTo("304 not modified");
        assertThat(first.child(1).text()).isEqualTo("200");
        assertThat(first.child(2).text()).matches("\\d+ B|\\d+\\.\\d KB");
        assertThat(first.child(3).text()).as("new items").isEqualTo("3");
        assertThat(page.select("table.items td a").eachText())
                .containsExactly("Upstream story 3 & x", "Upstream story 2 & x", "Upstream story 1 & x");
        assertThat(page.select("dl.facts dd").eachText()).contains("up", "mixed");
        // the failing source's page carries its error in the history
        Document broken = admin("/admin/sources/broken");
        assertThat(broken.select("table.fetches tbody tr").get(0).select("td.err").text()).contains("HTTP 404");
        assertThat(http.get(base + "/admin/sources/nope", "Authorization", BASIC).statusCode()).isEqualTo(404);
    }

    @Test
    void feedsPartnersAndThePullChart() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(http.get(base + "/feeds/mixed.rss").statusCode()).isEqualTo(200);
        Document feeds = admin("/admin/feeds");
        Element row = feeds.selectFirst("table.feeds-table tbody tr");
        assertThat(row.select("span.id").text()).isEqualTo("mixed");
        assertThat(row.select("td.num").text()).isEqualTo("3 of 50");
        assertThat(row.select("time").attr("title")).endsWith("(Asia/Tashkent)");

        Document partners = admin("/admin/partners");
        Element p1 = partners.selectFirst("tbody tr");
        assertThat(p1.select("strong").text()).isEqualTo("Partner One");
        assertThat(p1.select("span.id").text()).isEqualTo("p1");
        assertThat(p1.select("td").eachText()).contains("env P1", "mixed", "60/min");

        Document stats = admin("/admin/stats?days=7");
        Element svg = stats.selectFirst("figure.chart svg");
        assertThat(svg.attr("viewBox")).isNotEmpty();
        assertThat(svg.attr("aria-label")).startsWith("Requests per day");
        assertThat(svg.select("g.series-0 polyline")).hasSize(1);
        assertThat(svg.select("g.series-0 circle")).hasSize(7);
        assertThat(stats.select("figcaption .legend li").eachText()).anyMatch(t -> t.matches("mixed · public \\(\\d+\\)"));
        assertThat(stats.select("table.stats tbody tr td").eachText()).contains("mixed", "(public)");
    }

    @Test
    void theConfigurationPageAndHealthSayWhenAnEditWasRefused() throws Exception {
        Document page = admin("/admin/config");
        assertThat(page.select("dl.facts dd").first().text()).isEqualTo(config.toString());
        String token = page.select("form[action=/admin/config/reload] input[name=csrf]").attr("value");
        HttpResponse<String> applied = postForm("/admin/config/reload", "csrf=" + token);
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(applied.headers().firstValue("Location")).hasValue("/admin/config?reloaded=applied");
        assertThat(http.get(base + "/health").statusCode()).isEqualTo(200);
        try {
            Files.writeString(config, configText.replace("title: Mixed", "titel: Mixed"), StandardCharsets.UTF_8);
            HttpResponse<String> refused = postForm("/admin/config/reload", "csrf=" + token);
            assertThat(refused.headers().firstValue("Location")).hasValue("/admin/config?reloaded=refused");
            Document after = admin("/admin/config?reloaded=refused");
            assertThat(after.select("ul.problems code").text()).contains("unknown key 'feeds[0].titel'");
            assertThat(after.select("section.warnings li").first().text()).matches("feeds.yml has \\d+ error\\(s\\) and was not applied.*");
            HttpResponse<byte[]> health = http.get(base + "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(Http.text(health)).contains("\"status\" : \"degraded\"");
            assertThat(http.get(base + "/feeds/mixed.json").statusCode()).as("the last good configuration serves").isEqualTo(200);
        } finally {
            Files.writeString(config, configText, StandardCharsets.UTF_8);
            assertThat(server.reloader().reload().applied()).isTrue();
        }
        assertThat(http.get(base + "/health").statusCode()).isEqualTo(200);
    }
}
