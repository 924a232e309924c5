package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.server.Xml;

/**
 * Issue 14, the public site, through the server: front pages per language, the language chosen for {@code /},
 * section pages paged through the archive, article pages with their metadata, the 404 page, robots.txt, the
 * favicon, feeds that link to their page and carry the logo, and the feeds' stylesheet. Every page is held to
 * {@link HtmlRules}; a hostile CMS article shows every field as text.
 */
class SitePagesTest {
    static final String CMS = "cms-site-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> LANGUAGES = List.of("uz-Latn", "uz-Cyrl", "ru", "en", "zh-Hans", "ar");
    static final int SPORT_STORIES = 25;

    static final String TITLE = "Tom & Jerry </script><script>alert(1)</script> <b>bold</b> &amp;";
    static final String SUMMARY = "\"Quoted\" <img src=x onerror=alert(2)> & 'single'";
    static final String AUTHOR = "<i>Ali</i> O'Neil";
    static final String DATELINE = "Toshkent & <u>Samarqand</u>";
    static final String CAPTION = "<svg onload=alert(3)> «caption»";

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    @BeforeAll
    static void start() throws Exception {
        String cfg = Files.readString(TestKarvon.bundledConfig(), StandardCharsets.UTF_8).replace("  - id: stories-ru\n",
                "  - id: en-sport\n    title: Karvon — Sport\n    language: en\n    sections: [sport]\n  - id: stories-ru\n");
        server = TestKarvon.start(TestKarvon.write(dir, "feeds.yml", cfg), dir.resolve("data"), Map.of("KARVON_CMS_TOKEN", CMS),
                clock, true);
        base = TestKarvon.base(server);
        for (int i = 0; i < SPORT_STORIES; i++) {
            ObjectNode a = article("sport-" + i, "sport-story-" + i, "Sport story " + i);
            a.put("published", TestKarvon.T0.minus(Duration.ofMinutes(30 + i)).toString());
            post(a);
        }
        ObjectNode hostile = article("hostile-en", "hostile-story", TITLE);
        hostile.put("summary", SUMMARY).put("author", AUTHOR).put("dateline", DATELINE)
                .put("published", TestKarvon.T0.minus(Duration.ofMinutes(10)).toString());
        hostile.putObject("image").put("url", "/media/metro-2026.svg").put("type", "image/svg+xml").put("caption", CAPTION);
        hostile.putArray("tags").add("<b>tag</b>");
        post(hostile);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static ObjectNode article(String id, String slug, String title) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("lang", "en").put("translation_key", id).put("slug", slug).put("title", title)
                .put("summary", "About " + title).put("body_html", "<p>" + "word ".repeat(450) + "</p>").put("section", "sport");
        return a;
    }

    static void post(ObjectNode a) throws Exception {
        HttpResponse<byte[]> r = http.post(base + "/api/articles", a.toString(), "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).as(Http.text(r)).isIn(200, 201);
    }

    static Document page(String path, String... headers) throws Exception {
        HttpResponse<byte[]> r = http.get(base + path, headers);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path).startsWith("default-src 'none'");
        return HtmlRules.check(path, Http.text(r));
    }

    @Test
    void everyLanguageHasAFrontPageWithStoriesSectionsSwitcherAndFeeds() throws Exception {
        for (String lang : LANGUAGES) {
            String path = "/" + lang + "/";
            Document doc = page(path);
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo(lang);
            assertThat(doc.selectFirst("html").attr("dir")).as(path).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(base + path);
            assertThat(doc.select("a.brand").attr("href")).isEqualTo(base + path);
            assertThat(doc.select("a.brand img.logo").attr("src")).isEqualTo(base + "/static/logo.png");
            assertThat(doc.select("link[rel=icon]").attr("href")).isEqualTo(base + "/static/favicon.png");
            // stories: headline linking to an article of this language, summary, time, (some) image
            List<Element> stories = doc.select("main article.story");
            assertThat(stories).as(path).isNotEmpty();
            for (Element s : stories) {
                String href = s.selectFirst("h2 a").attr("href");
                assertThat(href).as(path).startsWith(base + "/" + lang + "/articles/");
                assertThat(s.select("time[datetime]")).as(href).hasSize(1);
                assertThat(s.select(".summary").text()).as(href).isNotBlank();
            }
            assertThat(doc.select("main article.story img")).as(path + " images").isNotEmpty();
            // the switcher leads to the same page in every other language, each link in its own language
            Map<String, String> switcher = new HashMap<>();
            for (Element a : doc.select("nav.languages a[hreflang]")) {
                assertThat(a.attr("lang")).isEqualTo(a.attr("hreflang"));
                switcher.put(a.attr("hreflang"), a.attr("href"));
            }
            Map<String, String> expected = new HashMap<>();
            for (String other : LANGUAGES) if (!other.equals(lang)) expected.put(other, base + "/" + other + "/");
            assertThat(switcher).isEqualTo(expected);
            assertThat(doc.select("nav.languages a[aria-current]").attr("lang")).isEqualTo(lang);
            // sections in this language, and the language's feeds (footer and autodiscovery)
            assertThat(doc.select("nav.sections a").eachAttr("href")).contains(base + "/" + lang + "/sections/economy");
            List<String> feedLinks = doc.select("footer .feed-list a[type=application/rss+xml]").eachAttr("href");
            assertThat(feedLinks).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith(base + "/feeds/"));
            assertThat(doc.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href")).containsAll(feedLinks);
            assertThat(doc.select("footer a[href=" + base + "/feeds]")).isNotEmpty();
        }
        // Uzbek Cyrillic has no stored version in the sample: its front page shows the transliterated stories
        Document cyrl = page("/uz-Cyrl/");
        assertThat(cyrl.select("main article.story h2").first().text()).matches(".*[А-Яа-яЎўҚқҒғҲҳ].*");
        assertThat(http.get(base + "/en").headers().firstValue("Location")).hasValue("/en/");
        assertThat(http.get(base + "/uz-latn/").headers().firstValue("Location")).hasValue("/uz-Latn/");
        // the short form of a published tag leads to it; a tag that is not published stays a 404
        assertThat(http.get(base + "/zh/").headers().firstValue("Location")).hasValue("/zh-Hans/");
        assertThat(http.get(base + "/zh/sections/economy").headers().firstValue("Location")).hasValue("/zh-Hans/sections/economy");
        assertThat(http.get(base + "/uz/").headers().firstValue("Location")).hasValue("/uz-Latn/");
        assertThat(http.get(base + "/zh-Hant/").statusCode()).isEqualTo(404);
    }

    @Test
    void rootPicksTheReadersLanguageAndKeepsTheFeedListOneClickAway() throws Exception {
        Map<String, String> cases = Map.of("ru-RU,ru;q=0.9,en;q=0.8", "ru", "zh-CN,zh;q=0.9", "zh-Hans",
                "de-DE, ar;q=0.5", "ar", "uz", "uz-Latn", "de", "uz-Latn", "", "uz-Latn");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<byte[]> r = c.getKey().isEmpty() ? http.get(base + "/") : http.get(base + "/", "Accept-Language", c.getKey());
            assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
            Document doc = HtmlRules.check("/ " + c.getKey(), Http.text(r));
            assertThat(doc.selectFirst("html").attr("lang")).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(base + "/" + c.getValue() + "/");
            assertThat(doc.select("a[href=" + base + "/feeds]")).as("link to the feed list").isNotEmpty();
            // links to the other languages, and hreflang alternates including x-default
            assertThat(doc.select("p.chosen a[hreflang]")).hasSize(LANGUAGES.size() - 1);
            assertThat(doc.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(base + "/");
        }
        // the feed list: every public feed autodiscoverable, the partners' wire not even named
        Document feeds = page("/feeds");
        Set<String> alternates = new LinkedHashSet<>(feeds.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href"));
        assertThat(alternates).contains(base + "/feeds/uz.rss", base + "/feeds/ar.rss", base + "/feeds/all.rss", base + "/feeds/en-sport.rss");
        assertThat(Jsoup.parse(Http.text(http.get(base + "/feeds"))).outerHtml()).doesNotContain("/feeds/wire");
    }

    @Test
    void sectionPagesPageThroughTheWholeSection() throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        String path = "/en/sections/sport";
        Document first = page(path);
        assertThat(first.selectFirst("h1").text()).isEqualTo("Sport");
        assertThat(first.select("nav.sections a[aria-current=page]").attr("href")).isEqualTo(base + path);
        List<String> firstPage = first.select("main article.story h2 a").eachAttr("href");
        assertThat(firstPage).hasSize(20);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        seen.addAll(firstPage);
        Document doc = first;
        int pages = 1;
        while (!doc.select("nav.pager a[rel=next]").isEmpty()) {
            String next = doc.selectFirst("nav.pager a[rel=next]").attr("href");
            assertThat(next).startsWith(base + path + "?before=");
            doc = page(next.substring(base.length()));
            pages++;
            for (String href : doc.select("main article.story h2 a").eachAttr("href")) {
                assertThat(seen.add(href)).as("each story on one page only: " + href).isTrue();
            }
        }
        // the sample's one sport story, the 25 posted and the hostile one: all of them, newest first, in two pages
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(SPORT_STORIES + 2).allSatisfy(h -> assertThat(h).startsWith(base + "/en/articles/"));
        String back = doc.selectFirst("nav.pager a[rel=prev]").attr("href");
        assertThat(page(back.substring(base.length())).select("main article.story h2 a").eachAttr("href")).isEqualTo(firstPage);
        // the same section in Chinese, and a section no story and no menu has
        assertThat(page("/zh-Hans/sections/economy").select("main article.story")).isNotEmpty();
        assertThat(http.get(base + "/en/sections/no-such-section").statusCode()).isEqualTo(404);
        assertThat(http.get(base + "/en/sections/sport?before=garbage").statusCode()).isEqualTo(404);
    }

    @Test
    void articlePagesCarryTheFrameLinksAndMetadata() throws Exception {
        String url = base + "/ar/articles/metro-tashqand-arbaa-mahattat-jadida";
        Document doc = page("/ar/articles/metro-tashqand-arbaa-mahattat-jadida");
        assertThat(doc.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(doc.select("a.brand").attr("href")).isEqualTo(base + "/ar/");
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(doc.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
                .containsExactlyInAnyOrder("ar", "uz-Latn", "ru", "en", "zh-Hans", "uz-Cyrl");
        assertThat(doc.select("article .kicker a").attr("href")).isEqualTo(base + "/ar/sections/economy");
        assertThat(doc.select("article .meta .dateline").text()).isEqualTo("طشقند");
        assertThat(doc.select("article .meta bdi.byline").text()).isNotBlank();
        assertThat(doc.select("article .meta time[datetime]").attr("datetime")).isEqualTo("2026-11-13T05:38:00Z");
        assertThat(doc.select("article .meta .reading").text()).contains("دقيقة");
        assertThat(doc.select("article figure img").attr("src")).isEqualTo(base + "/media/metro-2026.svg");
        assertThat(doc.select("article figure figcaption").text()).isEqualTo(doc.select("article figure img").attr("alt")).isNotBlank();
        // the other versions where readers see them, each in its own language; and the switcher leads to them too
        Map<String, String> versions = new HashMap<>();
        for (Element a : doc.select("aside.versions a")) versions.put(a.attr("lang"), a.attr("href"));
        assertThat(versions.keySet()).containsExactlyInAnyOrder("uz-Latn", "ru", "en", "zh-Hans", "uz-Cyrl");
        assertThat(doc.select("nav.languages a[hreflang=en]").attr("href")).isEqualTo(versions.get("en"));
        // read also: other stories of the same section and language
        List<String> related = doc.select("aside.read-also a").eachAttr("href");
        assertThat(related).isNotEmpty().doesNotContain(url).allSatisfy(h -> assertThat(h).startsWith(base + "/ar/articles/"));
        assertThat(doc.select("p.subscribe a[type=application/rss+xml]").attr("href")).isEqualTo(base + "/feeds/ar.rss");
        // link previews and search engines
        String summary = doc.select("article .standfirst").text();
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo(summary);
        assertThat(og(doc, "og:type")).isEqualTo("article");
        assertThat(og(doc, "og:title")).isEqualTo(doc.selectFirst("h1").text());
        assertThat(og(doc, "og:url")).isEqualTo(url);
        assertThat(og(doc, "og:image")).isEqualTo(base + "/media/metro-2026.svg");
        assertThat(og(doc, "og:locale")).isEqualTo("ar_AR");
        assertThat(og(doc, "article:published_time")).isEqualTo("2026-11-13T05:38:00Z");
        JsonNode ld = JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asText()).isEqualTo(doc.selectFirst("h1").text());
        assertThat(ld.path("inLanguage").asText()).isEqualTo("ar");
        assertThat(ld.path("datePublished").asText()).isEqualTo("2026-11-13T10:38+05:00");
        assertThat(ld.path("author").get(0).path("name").asText()).isEqualTo(doc.select("article .byline").text());
        assertThat(ld.path("publisher").path("name").asText()).isEqualTo("Karvon Axborot Agentligi");
        assertThat(ld.path("publisher").path("logo").path("url").asText()).isEqualTo(base + "/static/logo.png");
        assertThat(ld.path("mainEntityOfPage").path("@id").asText()).isEqualTo(url);
        // a story of a one-section feed points to that feed
        assertThat(page("/en/articles/sport-story-3").select("p.subscribe a[type=application/rss+xml]").attr("href"))
                .isEqualTo(base + "/feeds/en-sport.rss");
    }

    @Test
    void everyFieldOfAHostileArticleIsShownAsText() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/en/articles/hostile-story");
        String html = Http.text(r);
        Document doc = HtmlRules.check("hostile article", html);
        assertThat(doc.selectFirst("h1").text()).isEqualTo(TITLE);
        assertThat(doc.select("head title").text()).startsWith(TITLE);
        assertThat(doc.select("article .standfirst").text()).isEqualTo(SUMMARY);
        assertThat(doc.select("article .byline").text()).isEqualTo(AUTHOR);
        assertThat(doc.select("article .dateline").text()).isEqualTo(DATELINE);
        assertThat(doc.select("article figcaption").text()).isEqualTo(CAPTION);
        assertThat(doc.select("article figure img").attr("alt")).isEqualTo(CAPTION);
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo(SUMMARY);
        assertThat(og(doc, "og:title")).isEqualTo(TITLE);
        assertThat(doc.select("meta[property=article:tag]").attr("content")).isEqualTo("<b>tag</b>");
        // nothing became markup: the only script is the JSON-LD block, and it reads back as the same text
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("header b, main b, main i, main u, main svg, img[onerror]")).isEmpty();
        assertThat(html.toLowerCase()).containsOnlyOnce("<script");
        JsonNode ld = JSON.readTree(doc.selectFirst("script").data());
        assertThat(ld.path("headline").asText()).isEqualTo(TITLE);
        assertThat(ld.path("description").asText()).isEqualTo(SUMMARY);
        // and on the pages that list it
        for (String path : List.of("/en/", "/en/sections/sport")) {
            Document list = page(path);
            assertThat(list.select("main article.story h2 a").eachText()).as(path).contains(TITLE);
            assertThat(list.select("main b, main img[onerror]")).as(path).isEmpty();
        }
    }

    @Test
    void missingPagesAreHtmlInTheReadersLanguage() throws Exception {
        record Case(String path, String acceptLanguage, String lang, String heading) {}
        for (Case c : List.of(new Case("/ar/articles/no-such-story", null, "ar", "الصفحة غير موجودة"),
                new Case("/ru/sections/nothing-here", null, "ru", "Страница не найдена"),
                new Case("/no/such/page", "zh-CN", "zh-Hans", "页面未找到"),
                new Case("/xx/", null, "uz-Latn", "Sahifa topilmadi"),
                new Case("/feeds/nope.rss", "en", "en", "Page not found"))) {
            HttpResponse<byte[]> r = c.acceptLanguage() == null ? http.get(base + c.path(), "Accept", "text/html")
                    : http.get(base + c.path(), "Accept", "text/html", "Accept-Language", c.acceptLanguage());
            assertThat(r.statusCode()).as(c.path()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c.path()).startsWith("text/html");
            Document doc = HtmlRules.check(c.path(), Http.text(r));
            assertThat(doc.selectFirst("html").attr("lang")).as(c.path()).isEqualTo(c.lang());
            assertThat(doc.selectFirst("h1").text()).as(c.path()).isEqualTo(c.heading());
            assertThat(doc.select("main a").attr("href")).isEqualTo(base + "/" + c.lang() + "/");
        }
        // a feed reader asking for a missing feed still gets the short text answer; the API its JSON
        HttpResponse<byte[]> feed = http.get(base + "/feeds/nope.rss");
        assertThat(feed.statusCode()).isEqualTo(404);
        assertThat(Http.text(feed)).isEqualTo("no such feed; see / for the list of feeds");
        assertThat(http.get(base + "/api/nothing", "Accept", "text/html").headers().firstValue("Content-Type").orElse(""))
                .doesNotStartWith("text/html");
    }

    @Test
    void robotsFaviconAndLogo() throws Exception {
        String robots = Http.text(http.get(base + "/robots.txt"));
        assertThat(robots).contains("User-agent: *", "Disallow: /admin/", "Disallow: /api/", "Sitemap: " + base + "/sitemap.xml");
        HttpResponse<byte[]> fav = http.get(base + "/favicon.ico");
        assertThat(fav.statusCode()).isEqualTo(302);
        assertThat(fav.headers().firstValue("Location")).hasValue("/static/favicon.png");
        for (String img : List.of("/static/favicon.png", "/static/logo.png")) {
            HttpResponse<byte[]> r = http.get(base + img);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
    }

    @Test
    void feedsLinkToTheirPageAndCarryLogoAndIcon() throws Exception {
        Map<String, String> pages = Map.of("ar", base + "/ar/", "uz-cyrl", base + "/uz-Cyrl/", "en-sport", base + "/en/sections/sport",
                "en-economy", base + "/en/", "all", base + "/");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Xml rss = new Xml(http.get(base + "/feeds/" + p.getKey() + ".rss").body());
            assertThat(rss.string("/rss/channel/link")).as(p.getKey()).isEqualTo(p.getValue());
            assertThat(rss.string("/rss/channel/image/url")).isEqualTo(base + "/static/logo.png");
            assertThat(rss.string("/rss/channel/image/link")).isEqualTo(p.getValue());
            Xml atom = new Xml(http.get(base + "/feeds/" + p.getKey() + ".atom").body());
            assertThat(atom.string("/a:feed/a:link[@rel='alternate']/@href")).isEqualTo(p.getValue());
            assertThat(atom.string("/a:feed/a:icon")).isEqualTo(base + "/static/favicon.png");
            assertThat(atom.string("/a:feed/a:logo")).isEqualTo(base + "/static/logo.png");
            JsonNode json = JSON.readTree(http.get(base + "/feeds/" + p.getKey() + ".json").body());
            assertThat(json.path("home_page_url").asText()).isEqualTo(p.getValue());
            assertThat(json.path("icon").asText()).isEqualTo(base + "/static/favicon.png");
            assertThat(json.path("favicon").asText()).isEqualTo(base + "/static/favicon.png");
            assertThat(http.get(p.getValue()).statusCode()).as(p.getValue()).isEqualTo(200);
        }
    }

    @Test
    void aFeedOpenedInABrowserIsAPageOfTheSameItemsWhileReadersGetTheFeed() throws Exception {
        for (String fmt : List.of("rss", "atom")) {
            String url = base + "/feeds/ru." + fmt;
            HttpResponse<byte[]> reader = http.get(url);
            assertThat(reader.headers().firstValue("Content-Type")).hasValue("application/" + fmt + "+xml; charset=utf-8");
            assertThat(reader.headers().firstValue("Vary").orElse("")).contains("Sec-Fetch-Dest");
            assertThat(Http.text(reader)).contains("<?xml-stylesheet type=\"text/xsl\" href=\"../static/feed.xsl\"?>");
            assertThat(http.get(url, "Accept", "text/html,application/xml;q=0.9").body()).as("readers that accept HTML too")
                    .isEqualTo(reader.body());

            HttpResponse<byte[]> browser = http.get(url, "Sec-Fetch-Dest", "document", "Accept", "text/html,application/xhtml+xml");
            assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(browser.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
            Document shown = HtmlRules.check(url, Http.text(browser));
            // RSS names the channel's language with its region (Apple News asks for it), Atom as configured
            assertThat(shown.selectFirst("html").attr("lang")).isEqualTo(fmt.equals("rss") ? "ru-RU" : "ru");
            assertThat(shown.select(".subscribe-box h1").text()).isEqualTo("Это лента новостей");
            assertThat(shown.select(".feed-address code").text()).isEqualTo(url);
            assertThat(shown.select("a.brand").attr("href")).isEqualTo(base + "/ru/");
            Xml parsed = new Xml(reader.body());
            List<String> titles = new ArrayList<>(fmt.equals("rss") ? parsed.strings("//item/title") : parsed.strings("//a:entry/a:title"));
            assertThat(shown.select(".feed-items h2 a").eachText()).isEqualTo(titles).hasSize(10);
        }
        // what reads as text in the feed reads as the same text on the page: RSS carries the summary HTML-escaped
        // (its <description> is HTML), Atom as text; titles are HTML-inert (invisible joiners, dropped here)
        for (String fmt : List.of("rss", "atom")) {
            Document shown = Jsoup.parse(Http.text(http.get(base + "/feeds/en." + fmt, "Sec-Fetch-Dest", "document")));
            Element item = shown.select(".feed-items > li").stream()
                    .filter(li -> li.select("h2").text().replace("\u2060", "").equals(TITLE)).findFirst().orElseThrow();
            assertThat(item.select("p.summary").text().replace("\u2060", "")).as(fmt).isEqualTo(SUMMARY);
            assertThat(item.select("p.summary *, h2 b, script, img[onerror]")).as(fmt).isEmpty();
        }
        // the stylesheet the feeds name is there for clients that apply it themselves, with an XML type
        HttpResponse<byte[]> xsl = http.get(base + "/static/feed.xsl");
        assertThat(xsl.statusCode()).isEqualTo(200);
        assertThat(xsl.headers().firstValue("Content-Type").orElse("")).contains("xml");
        // JSON Feed has no stylesheet and stays as it is
        assertThat(http.get(base + "/feeds/ru.json", "Sec-Fetch-Dest", "document").headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/feed+json");
    }

    private static String og(Document doc, String property) {
        return doc.select("meta[property=" + property + "]").attr("content");
    }
}
