package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/** The bundled feeds.yml and sample, served over real HTTP and read back by independent parsers. */
class PublishingEndToEndTest {
    static final List<String> PUBLIC_FEEDS = List.of("uz", "uz-cyrl", "ru", "en", "zh", "ar", "en-economy", "stories-ru", "all",
            "yandex-ru", "dzen-ru", "google-news-en");
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "json", "application/feed+json; charset=utf-8");
    /** Single-language feeds of the bundled config and the article language they carry. */
    static final Map<String, String> LANGUAGE_FEEDS = Map.of("uz", "uz-Latn", "ru", "ru", "en", "en", "zh", "zh-Hans", "ar", "ar");

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);
    /** id → sample article JSON, as stored in src/main/resources/sample/articles.json. */
    static final Map<String, JsonNode> sample = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = PublishingEndToEndTest.class.getResourceAsStream("/sample/articles.json")) {
            for (JsonNode a : new ObjectMapper().readTree(in)) sample.put(a.get("id").asText(), a);
        }
        server = TestKarvon.start(TestKarvon.copyBundled(dir), dir.resolve("data"), Map.of(), clock, true);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void everyPublicFeedInEveryFormatIsValidSelfDescribingAndFaithfulToTheSample() throws Exception {
        Set<String> scriptsSeen = new HashSet<>();
        for (String id : PUBLIC_FEEDS) {
            for (String fmt : List.of("rss", "atom", "json")) {
                String url = base + "/feeds/" + id + "." + fmt;
                HttpResponse<byte[]> r = http.get(url);
                String where = url + " ";
                assertThat(r.statusCode()).as(where + "status").isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).as(where + "Content-Type").hasValue(CONTENT_TYPES.get(fmt));
                assertThat(r.headers().firstValue("ETag")).as(where + "ETag").hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]+\""));
                String lm = r.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError(where + "no Last-Modified"));
                assertThat(ZonedDateTime.parse(lm, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).as(where + "Last-Modified").isBeforeOrEqualTo(clock.instant());
                assertThat(r.headers().firstValue("Cache-Control")).as(where).hasValue("public, max-age=60");
                if (fmt.equals("json")) assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(where + "CORS").hasValue("*");

                FeedView feed = FeedView.parse(fmt, r.body());
                assertThat(feed.selfLink()).as(where + "self link").isEqualTo(url);
                assertThat(new HashSet<>(feed.ids())).as(where + "unique ids").hasSameSizeAs(feed.ids());
                for (FeedView.Item it : feed.items()) {
                    assertThat(URI.create(it.url()).isAbsolute()).as(where + "absolute link " + it.url()).isTrue();
                    assertThat(it.url()).as(where).startsWith(base + "/");
                    assertThat(it.published()).as(where + "published of " + it.id()).isNotNull().isBeforeOrEqualTo(clock.instant());
                    if (it.updated() != null) assertThat(it.updated()).as(where + "updated").isBeforeOrEqualTo(clock.instant());
                    String articleId = FeedView.articleId(it.id());
                    boolean generated = articleId.endsWith("~uz-Cyrl");
                    JsonNode src = sample.get(generated ? articleId.substring(0, articleId.length() - "~uz-Cyrl".length()) : articleId);
                    assertThat(src).as(where + "item " + it.id() + " comes from the sample").isNotNull();
                    String expectedTitle = src.get("title").asText();
                    String expectedLang = src.get("lang").asText();
                    if (generated) { // machine-transliterated Cyrillic version of a Latin-only Uzbek story
                        expectedTitle = uz.karvon.lang.UzbekTransliterator.standard().toCyrillic(expectedTitle);
                        expectedLang = "uz-Cyrl";
                    }
                    assertThat(it.title()).as(where + "title of " + it.id()).isEqualTo(expectedTitle);
                    assertThat(it.url()).as(where).isEqualTo(base + "/" + expectedLang + "/articles/" + src.get("slug").asText());
                    String t = it.title();
                    if (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) scriptsSeen.add("cyrillic");
                    if (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) scriptsSeen.add("han");
                    if (t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) scriptsSeen.add("arabic");
                    if (t.indexOf('\u02BB') >= 0) scriptsSeen.add("okina");
                }
                String lang = LANGUAGE_FEEDS.get(id);
                if (lang != null) {
                    Set<String> expected = new HashSet<>();
                    sample.values().stream().filter(a -> a.get("lang").asText().equals(lang)).forEach(a -> expected.add(a.get("id").asText()));
                    assertThat(feed.ids().stream().map(FeedView::articleId).toList()).as(where + "exactly the " + lang + " articles")
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
                if (id.equals("all")) assertThat(feed.items()).as(where).hasSize(sample.size());
                if (id.equals("stories-ru")) assertThat(feed.items()).as(where + "one item per story").hasSize(10);
            }
        }
        assertThat(scriptsSeen).containsExactlyInAnyOrder("cyrillic", "han", "arabic", "okina");
    }

    @Test
    void conditionalGzipAndHeadRequests() throws Exception {
        for (String fmt : List.of("rss", "atom", "json")) {
            String url = base + "/feeds/ru." + fmt;
            HttpResponse<byte[]> plain = http.get(url);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            String lm = plain.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<byte[]> inm = http.get(url, "If-None-Match", etag);
            assertThat(inm.statusCode()).as(url + " If-None-Match").isEqualTo(304);
            assertThat(inm.body()).isEmpty();
            assertThat(inm.headers().firstValue("ETag")).hasValue(etag);
            assertThat(http.get(url, "If-None-Match", "W/" + etag + ", \"other\"").statusCode()).isEqualTo(304);
            assertThat(http.get(url, "If-None-Match", "\"not-it\"").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> ims = http.get(url, "If-Modified-Since", lm);
            assertThat(ims.statusCode()).as(url + " If-Modified-Since").isEqualTo(304);
            assertThat(ims.body()).isEmpty();

            HttpResponse<byte[]> gz = http.get(url, "Accept-Encoding", "gzip");
            assertThat(gz.statusCode()).isEqualTo(200);
            assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gz.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
            assertThat(gz.body().length).isLessThan(plain.body().length);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                assertThat(in.readAllBytes()).as(url + " gzip inflates to the identity bytes").isEqualTo(plain.body());
            }
            assertThat(http.get(url, "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();

            HttpResponse<byte[]> head = http.head(url);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(plain.body().length));
        }
        assertThat(http.get(base + "/feeds/nope.rss").statusCode()).isEqualTo(404);
        assertThat(http.get(base + "/feeds/ru.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void feedListAdvertisesEveryPublicFeedAndHidesTheWire() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/feeds");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = Http.text(r);
        Document doc = Jsoup.parse(html, base + "/feeds");
        Set<String> alternates = new HashSet<>();
        for (Element l : doc.select("head link[rel=alternate]")) alternates.add(l.attr("type") + " " + l.attr("href"));
        Set<String> expected = new HashSet<>();
        for (String id : PUBLIC_FEEDS) {
            expected.add("application/rss+xml " + base + "/feeds/" + id + ".rss");
            expected.add("application/atom+xml " + base + "/feeds/" + id + ".atom");
            expected.add("application/feed+json " + base + "/feeds/" + id + ".json");
        }
        assertThat(alternates).isEqualTo(expected);
        assertThat(html).doesNotContain("/feeds/wire").doesNotContain("Karvon wire");

        HttpResponse<byte[]> o = http.get(base + "/opml");
        assertThat(o.statusCode()).isEqualTo(200);
        Xml opml = new Xml(o.body());
        assertThat(opml.string("/opml/@version")).isEqualTo("2.0");
        assertThat(opml.string("/opml/head/title")).isEqualTo("Karvon Axborot Agentligi");
        List<String> xmlUrls = opml.strings("//outline/@xmlUrl");
        assertThat(xmlUrls).containsExactlyInAnyOrderElementsOf(PUBLIC_FEEDS.stream().map(id -> base + "/feeds/" + id + ".rss").toList());
        assertThat(opml.string("//outline[@xmlUrl='" + base + "/feeds/zh.rss']/@title")).isEqualTo("卡尔冯通讯社 — 中文新闻");
        for (String u : xmlUrls) assertThat(http.get(u).statusCode()).as(u).isEqualTo(200);
    }

    @Test
    void articlePagesCarryLanguageDirectionAndTranslations() throws Exception {
        String arUrl = base + "/ar/articles/metro-tashqand-arbaa-mahattat-jadida";
        HttpResponse<byte[]> r = http.get(arUrl);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        Document ar = Jsoup.parse(Http.text(r), arUrl);
        assertThat(ar.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.selectFirst("h1").text()).isEqualTo(sample.get("kaa-2026-0001-ar").get("title").asText());
        Map<String, String> hreflang = new HashMap<>();
        for (Element l : ar.select("head link[rel=alternate][hreflang]")) hreflang.put(l.attr("hreflang"), l.attr("href"));
        Map<String, String> expected = new HashMap<>();
        for (JsonNode a : sample.values()) {
            if (a.get("translation_key").asText().equals("kaa-2026-0001")) {
                expected.put(a.get("lang").asText(), base + "/" + a.get("lang").asText() + "/articles/" + a.get("slug").asText());
            }
        }
        // the story has no uz-Cyrl version in the sample: the uz-cyrl feed transliterates, and the page links it
        String latnSlug = sample.get("kaa-2026-0001-uz-latn").get("slug").asText();
        expected.put("uz-Cyrl", base + "/uz-Cyrl/articles/" + latnSlug);
        assertThat(hreflang).isEqualTo(expected);
        for (String href : expected.values()) {
            HttpResponse<byte[]> t = http.get(href);
            assertThat(t.statusCode()).as(href).isEqualTo(200);
        }
        Document ru = Jsoup.parse(Http.text(http.get(expected.get("ru"))));
        assertThat(ru.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(ru.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(http.get(base + "/ar/articles/no-such-story").statusCode()).isEqualTo(404);
        // a slug exists only in its own language
        assertThat(http.get(base + "/en/articles/metro-tashqand-arbaa-mahattat-jadida").statusCode()).isEqualTo(404);
    }

    @Test
    void healthReportsTheDatabaseAndArticleCount() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = new ObjectMapper().readTree(r.body());
        assertThat(h.path("status").asText()).isEqualTo("ok");
        assertThat(h.path("database").path("ok").asBoolean()).isTrue();
        assertThat(h.path("database").path("articles").asLong()).isEqualTo(sample.size());
        assertThat(h.path("config").path("feeds").asInt()).isEqualTo(PUBLIC_FEEDS.size() + 1);
    }

    // Regression (found in review, fixed): feeds.yml documents `transliterate: true` for uz-cyrl ("publish stories that exist only in the other
    // script, transliterated"); expected the 10 Latin-only Uzbek stories in Cyrillic, marked machine-transliterated;
    // actual: the uz-cyrl feed is empty (FeedSelection ignores FeedSpec.transliterate()).
    @Test
    void uzCyrlFeedPublishesTransliteratedStories() throws Exception {
        FeedView f = FeedView.parse("json", http.get(base + "/feeds/uz-cyrl.json").body());
        assertThat(f.items()).as("uz-cyrl items").hasSize(10);
        assertThat(f.items()).allSatisfy(i -> assertThat(i.title().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)).isTrue());
    }
}
