package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.FeedView;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.server.Xml;

/**
 * Feeds shaped for Yandex, Dzen and Google News over real HTTP, the left-out report of {@code GET /api/feeds},
 * and what Apple News and Google News ask of every feed (channel language with region, description and
 * content:encoded per item; JSON Feed content on every item).
 */
class PlatformFeedsTest {
    static final String ADMIN = "platform-admin";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONFIG = """
            site:
              title: Karvon
              default_language: uz-Latn
            security:
              admin_token: {env: ADMIN}
            feeds:
              - {id: ru, title: Karvon RU, language: ru}
              - {id: en-brief, title: Briefs, language: en, full_text: false}
              - {id: all, title: All, language: all}
              - {id: yandex-ru, title: Yandex RU, language: ru, profile: yandex}
              - {id: dzen-ru, title: Dzen RU, language: ru, profile: dzen}
              - {id: google-news-en, title: Google News EN, language: en, profile: google-news}
            """;

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    @BeforeAll
    static void start() throws Exception {
        server = TestKarvon.start(TestKarvon.write(dir, "feeds.yml", CONFIG), dir.resolve("data"), Map.of("ADMIN", ADMIN), clock, true);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static byte[] feed(String file) throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/feeds/" + file);
        assertThat(r.statusCode()).as(file).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyRssFeedHasWhatAppleAndGoogleNewsRequire() throws Exception {
        for (String id : List.of("ru", "en-brief", "all", "yandex-ru", "dzen-ru", "google-news-en")) {
            Xml x = new Xml(feed(id + ".rss"));
            assertThat(x.string("/rss/channel/language")).as(id + " language with region").matches("[a-z]{2}(-[A-Z][a-z]{3})?-[A-Z]{2}");
            assertThat(x.string("/rss/channel/title")).as(id).isNotBlank();
            assertThat(x.string("/rss/channel/link")).as(id).isNotBlank();
            int items = x.count("/rss/channel/item");
            if (!id.equals("dzen-ru")) assertThat(items).as(id).isPositive(); // Dzen's window moves with the clock
            for (String part : List.of("title", "link", "description", "content:encoded")) {
                assertThat(x.count("/rss/channel/item[normalize-space(" + part + ")!='']")).as(id + " items with " + part).isEqualTo(items);
            }
        }
        assertThat(new Xml(feed("all.rss")).string("/rss/channel/language")).isEqualTo("uz-Latn-UZ");
        assertThat(new Xml(feed("ru.rss")).string("/rss/channel/language")).isEqualTo("ru-RU");
        Xml brief = new Xml(feed("en-brief.rss"));
        assertThat(brief.string("/rss/channel/item[1]/content:encoded")).startsWith("<p>").endsWith("</p>").doesNotContain("<blockquote>");
    }

    @Test
    void jsonFeedItemsAlwaysCarryContent() throws Exception {
        for (String id : List.of("ru", "en-brief", "all")) {
            for (JsonNode item : JSON.readTree(feed(id + ".json")).path("items")) {
                assertThat(item.has("content_html") || item.has("content_text")).as(id + " " + item.path("id")).isTrue();
            }
        }
        for (JsonNode item : JSON.readTree(feed("en-brief.json")).path("items")) {
            assertThat(item.has("content_html")).as("not full text").isFalse();
            assertThat(item.path("content_text").asText()).isEqualTo(item.path("summary").asText()).isNotBlank();
        }
    }

    @Test
    void yandexFeedCarriesFullTextAndGenre() throws Exception {
        Xml x = new Xml(feed("yandex-ru.rss"));
        int items = x.count("/rss/channel/item");
        assertThat(items).isEqualTo(10);
        String rss = new String(feed("yandex-ru.rss"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rss).contains("xmlns:yandex=\"http://news.yandex.ru\"");
        assertThat(rss.split("<yandex:full-text>", -1)).hasSize(items + 1);
        assertThat(rss.split("<yandex:genre>message</yandex:genre>", -1)).hasSize(items + 1);
        assertThat(x.count("/rss/channel/item/enclosure")).as("the image as enclosure").isPositive();
    }

    @Test
    void dzenLeavesOutOldItemsAndTheReportSaysWhyUntilTheyAgeOutByTheClock() throws Exception {
        List<String> dzen = FeedView.parse("rss", feed("dzen-ru.rss")).ids();
        assertThat(dzen).as("only the story of the last 3 days").containsExactly(FeedView.itemId("kaa-2026-0010-ru"));
        assertThat(new String(feed("dzen-ru.rss"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<media:rating scheme=\"urn:simple\">nonadult</media:rating>");

        assertThat(http.get(base + "/api/feeds").statusCode()).isEqualTo(401);
        JsonNode api = JSON.readTree(http.get(base + "/api/feeds", "Authorization", "Bearer " + ADMIN).body());
        JsonNode d = byId(api, "dzen-ru");
        assertThat(d.path("profile").asText()).isEqualTo("dzen");
        assertThat(d.path("urls").path("ninjs").asText()).isEqualTo(base + "/feeds/dzen-ru.ninjs");
        JsonNode left = d.path("left_out").path("rss").path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode i : left) {
            ids.add(i.path("id").asText());
            assertThat(i.path("code").asText()).isEqualTo("RECENT_ONLY");
            assertThat(i.path("reason").asText()).isEqualTo("published more than 3 days ago");
        }
        assertThat(ids).hasSize(9).doesNotContainAnyElementsOf(dzen);
        // the page Dzen fetches is cut short; its next link resumes at the first item cut, so a reader paging
        // back through the archive (where the 3-day window does not apply) misses nothing
        String next = new Xml(feed("dzen-ru.rss")).string("/rss/channel/a:link[@rel='next']/@href");
        assertThat(next).startsWith(base + "/feeds/dzen-ru.rss?before=");
        assertThat(FeedView.parse("rss", http.get(next).body()).ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byId(api, "yandex-ru").path("left_out").path("rss").path("items")).isEmpty();
        assertThat(byId(api, "ru").has("left_out")).as("no profile, no report").isFalse();
        // the admin's feeds page says the same, once per item whatever the format
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(new String(
                http.get(base + "/admin/feeds", "Authorization", "Bearer " + ADMIN).body(), java.nio.charset.StandardCharsets.UTF_8));
        org.jsoup.nodes.Element dzenLeft = page.select("section").stream()
                .filter(sec -> sec.select("h3").text().endsWith("(dzen)")).findFirst().orElseThrow();
        assertThat(dzenLeft.select("li")).hasSize(9)
                .allSatisfy(li -> assertThat(li.text()).contains("published more than 3 days ago"));

        clock.advance(Duration.ofDays(1)); // the last story ages out: the cached feed must not outlive it
        assertThat(FeedView.parse("rss", feed("dzen-ru.rss")).ids()).isEmpty();
        JsonNode later = JSON.readTree(http.get(base + "/api/feeds", "Authorization", "Bearer " + ADMIN).body());
        assertThat(byId(later, "dzen-ru").path("left_out").path("rss").path("items")).hasSize(10);
    }

    @Test
    void googleNewsFeedStaysWithinItsLimits() throws Exception {
        byte[] rss = feed("google-news-en.rss");
        assertThat(rss.length).isLessThanOrEqualTo(2_000_000);
        assertThat(new Xml(rss).count("/rss/channel/item")).isEqualTo(10).isLessThanOrEqualTo(60);
    }

    static JsonNode byId(JsonNode api, String id) {
        for (JsonNode f : api.path("feeds")) if (f.path("id").asText().equals(id)) return f;
        throw new AssertionError("no feed " + id + " in " + api);
    }
}
