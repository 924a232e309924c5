package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;
import uz.karvon.publish.render.Readings;

/**
 * Issue 10, security items 1 and 2, through the public interface: a server follows three hostile upstream feeds
 * (RSS, Atom, JSON Feed) and takes a hostile CMS article, and then every output (RSS, Atom, JSON Feed, the article
 * pages, the home page, OPML, the sitemap, the admin sources page) is read back as a reader would read it.
 * <ul>
 * <li>Escaped markup stays text: every text value, read as text and as HTML, shows the same words and creates no
 * element; the RSS {@code <description>} (HTML) shows the summary's text; pages carry no script, no event handler.</li>
 * <li>Every URL is WHATWG-serialized: no raw {@code "}, {@code <}, {@code >}, space or non-ASCII in any link.</li>
 * </ul>
 */
class HostileTextOutputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CMS = "cms-hostile-token";
    static final String ADMIN = "admin-hostile-token";

    // what the upstream feeds mean, as text (the XML below escapes it once more, as the issue describes)
    static final String RSS_SUMMARY = "<script>alert(1)</script> and AT&T";
    static final String ATOM_SUMMARY = "<img src=x onerror=alert(2)>";
    static final String JSON_SUMMARY = "<img src=x onerror=alert(3)> &amp; &lt;b&gt;";
    static final String RSS_TITLE = "Kuchli <b>sarlavha</b> & R&D";
    static final String ATOM_TITLE = "<svg onload=alert(6)> & &copy";
    /** Served, but not asserted word for word: ingest reads a JSON Feed title as HTML and keeps only "Title". */
    static final String JSON_TITLE = "Title <iframe src=javascript:alert(7)>";
    static final String RSS_CATEGORY = "<i onmouseover=alert(13)>cat</i>";
    static final String RSS_AUTHOR = "<img src=x onerror=alert(5)>";
    static final String FEED_TITLE = "Feed <script>alert(8)</script> & &amp; co";
    static final String SOURCE_TITLE = "Partner <b onclick=alert(14)>wire</b>";

    // the CMS article (plain text fields, as the CMS API defines them)
    static final String TITLE = "Tom & Jerry <script>alert(9)</script> &amp; &lt;b&gt;";
    static final String SUMMARY = "<img src=x onerror=alert(10)> \"quoted\" & 'single'";
    static final String AUTHOR = "<b onmouseover=alert(11)>Ali</b>";
    static final String DATELINE = "<i>Toshkent</i> &";
    static final String CORRECTION = "&lt;u&gt;fixed</p><script>alert(15)</script>";
    static final String CAPTION = "<svg/onload=alert(12)> «caption»";
    static final String RU_TITLE = "Том и Джерри </title><script>alert(16)</script>";
    static final String CYRILLIC_SLUG = "том-и-джерри";

    static MockWebServer upstream;
    static KarvonServer server;
    static String base;
    static String up;
    static final TestKarvon.Http http = new TestKarvon.Http();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getTarget();
                String body = path.startsWith("/feed.rss") ? rss() : path.startsWith("/feed.atom") ? atom()
                        : path.startsWith("/feed.json") ? json() : null;
                if (body == null) return new MockResponse.Builder().code(404).build();
                return new MockResponse.Builder().addHeader("Content-Type", path.endsWith("json") ? "application/feed+json"
                        : "application/xml; charset=utf-8").body(body).build();
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
        up = "http://127.0.0.1:" + upstream.getPort();
        String config = "site:\n  title: " + yaml("Site <b>&amp;</b> " + "\"x\"") + "\n  description: " + yaml("About <i>us</i>")
                + "\n  rights: " + yaml("© <b>Karvon</b> &copy")
                + "\nserver:\n  public_requests_per_minute: 100000\n"
                + "security:\n  cms_token: {env: CMS}\n  admin_token: {env: ADMIN}\n"
                + "sources:\n"
                + "  - id: rss\n    title: " + yaml(SOURCE_TITLE) + "\n    url: " + up + "/feed.rss\n"
                + "  - id: atom\n    title: Atom wire\n    url: " + up + "/feed.atom\n"
                + "  - id: json\n    title: JSON wire\n    url: " + up + "/feed.json\n"
                + "feeds:\n  - id: mixed\n    title: " + yaml(FEED_TITLE) + "\n    description: " + yaml("<b>bold</b> & more")
                + "\n    language: all\n    sources: [rss, atom, json]\n";
        server = KarvonServer.start(new KarvonServer.Options(TestKarvon.write(dir, "feeds.yml", config), dir.resolve("data"), 0,
                "127.0.0.1", Clock.systemUTC(), Map.of("CMS", CMS, "ADMIN", ADMIN), false, false));
        base = TestKarvon.base(server);

        post(article("hostile-en", "en", "tom-and-jerry", TITLE));
        post(article("hostile-ru", "ru", CYRILLIC_SLUG, RU_TITLE));
        TestKarvon.await(() -> JSON.readTree(http.get(base + "/feeds/mixed.json").body()),
                f -> f.path("items").size() == 5);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (upstream != null) upstream.close();
    }

    // ---- item 1: escaped markup comes back to life -------------------------------------------------------

    @Test
    void escapedMarkupStaysTextInEveryFeedFormat() throws Exception {
        Xml rss = new Xml(get("/feeds/mixed.rss"));
        everyTextIsText(get("/feeds/mixed.rss"), Set.of("description", "encoded"));
        assertThat(shown(rss.strings("/rss/channel/item/title"))).contains(TITLE, RU_TITLE, RSS_TITLE, ATOM_TITLE);
        assertThat(rss.strings("/rss/channel/item/description").stream().map(Readings::asHtml).toList())
                .as("<description> is HTML: it shows the summary's text").contains(SUMMARY, RSS_SUMMARY, ATOM_SUMMARY, JSON_SUMMARY);
        assertThat(shown(rss.strings("/rss/channel/item/dc:creator"))).contains(AUTHOR, RSS_AUTHOR);
        assertThat(shown(rss.strings("/rss/channel/item/category"))).contains(RSS_CATEGORY);
        assertThat(shown(rss.strings("/rss/channel/item/media:content/media:description"))).contains(CAPTION);
        assertThat(shown(rss.strings("/rss/channel/item/k:dateline"))).contains(DATELINE);
        assertThat(shown(rss.strings("/rss/channel/item/k:correction"))).contains(CORRECTION);
        assertThat(shown(rss.strings("/rss/channel/item/a:link[@rel='alternate']/@title"))).contains(RU_TITLE, TITLE);
        assertThat(shown(rss.strings("/rss/channel/item/source"))).contains(SOURCE_TITLE);
        assertThat(Readings.shown(rss.string("/rss/channel/title"))).isEqualTo(FEED_TITLE);

        Xml atom = new Xml(get("/feeds/mixed.atom"));
        everyTextIsText(get("/feeds/mixed.atom"), Set.of("content"));
        assertThat(shown(atom.strings("/a:feed/a:entry/a:title"))).contains(TITLE, RU_TITLE, RSS_TITLE, ATOM_TITLE);
        assertThat(shown(atom.strings("/a:feed/a:entry/a:summary[@type='text']")))
                .contains(SUMMARY, RSS_SUMMARY, ATOM_SUMMARY, JSON_SUMMARY);
        assertThat(shown(atom.strings("/a:feed/a:entry/a:author/a:name"))).contains(AUTHOR, RSS_AUTHOR);
        assertThat(shown(atom.strings("/a:feed/a:entry/a:category/@term"))).contains(RSS_CATEGORY);
        assertThat(shown(atom.strings("/a:feed/a:entry/a:link[@rel='enclosure']/@title"))).contains(CAPTION);
        assertThat(shown(atom.strings("/a:feed/a:entry/a:link[@rel='via']/@title"))).contains(SOURCE_TITLE);
        assertThat(Readings.shown(atom.string("/a:feed/a:title"))).isEqualTo(FEED_TITLE);

        JsonNode json = JSON.readTree(get("/feeds/mixed.json"));
        everyJsonTextIsText(json, "");
        List<String> titles = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        for (JsonNode i : json.path("items")) {
            titles.add(Readings.shown(i.path("title").asText()));
            summaries.add(Readings.shown(i.path("summary").asText()));
            i.path("authors").forEach(a -> authors.add(Readings.shown(a.path("name").asText())));
        }
        assertThat(titles).contains(TITLE, RU_TITLE, RSS_TITLE, ATOM_TITLE);
        assertThat(summaries).contains(SUMMARY, RSS_SUMMARY, ATOM_SUMMARY, JSON_SUMMARY);
        assertThat(authors).contains(AUTHOR, RSS_AUTHOR);
        assertThat(Readings.shown(json.path("title").asText())).isEqualTo(FEED_TITLE);
    }

    @Test
    void escapedMarkupStaysTextInPagesOpmlAndAdminPages() throws Exception {
        Document page = page("/en/articles/tom-and-jerry");
        assertThat(page.title()).startsWith(TITLE + " — ");
        assertThat(page.selectFirst("article h1").text()).isEqualTo(TITLE);
        assertThat(page.selectFirst("article .standfirst").text()).isEqualTo(SUMMARY);
        assertThat(page.selectFirst("figcaption").text()).isEqualTo(CAPTION);
        assertThat(page.selectFirst("figure img").attr("alt")).isEqualTo(CAPTION);
        assertThat(page.selectFirst("p.meta").text()).contains(AUTHOR, DATELINE);
        assertThat(page.selectFirst("p.note span").text()).isEqualTo(CORRECTION);
        Document ru = page(new java.net.URI(null, null, "/ru/articles/" + CYRILLIC_SLUG, null).toASCIIString());
        assertThat(ru.selectFirst("article h1").text()).isEqualTo(RU_TITLE);

        Document home = page("/feeds");
        assertThat(home.select("li strong").eachText()).contains(FEED_TITLE);
        assertThat(home.select("link[rel=alternate]").eachAttr("title")).contains(FEED_TITLE + " (RSS)");

        Document sources = page("/sources", "Authorization", "Bearer " + ADMIN);
        assertThat(sources.select("td.source a").eachText()).contains(SOURCE_TITLE);

        Xml opml = new Xml(get("/opml"));
        everyTextIsText(get("/opml"), Set.of());
        assertThat(shown(opml.strings("//outline[@type='rss']/@text"))).containsExactly(FEED_TITLE);
        assertThat(shown(opml.strings("//outline[@type='rss']/@description"))).containsExactly("<b>bold</b> & more");
        assertThat(Readings.shown(opml.string("/opml/head/title"))).isEqualTo("Site <b>&amp;</b> \"x\"");

        everyTextIsText(get("/sitemap.xml"), Set.of());
        everyTextIsText(get("/sitemap-1.xml"), Set.of());
    }

    // ---- item 2: URLs keep raw ", <, > -------------------------------------------------------------------

    @Test
    void everyPublishedUrlIsWhatwgSerialized() throws Exception {
        String storyLink = up + "/story/a%22b%3Cc%3Ed%20e?q=%22%3Cx%3E%22#%22f%22";
        String enPage = base + "/en/articles/tom-and-jerry";
        String ruPage = base + "/ru/articles/%D1%82%D0%BE%D0%BC-%D0%B8-%D0%B4%D0%B6%D0%B5%D1%80%D1%80%D0%B8";

        Xml rss = new Xml(get("/feeds/mixed.rss"));
        List<String> rssUrls = new ArrayList<>();
        for (String xp : List.of("//link", "//enclosure/@url", "//source/@url", "//media:content/@url", "//a:link/@href",
                "//k:credit/@url", "//image/url")) rssUrls.addAll(rss.strings(xp));
        assertThat(rss.strings("//item/link")).contains(storyLink, up + "/atom/%22%3Cx%3E", up + "/json/%22%3Cx%3E%60", enPage, ruPage);
        assertThat(rss.strings("//item/source/@url")).contains(storyLink);
        assertThat(rss.strings("//item/a:link[@rel='alternate']/@href")).contains(enPage, ruPage);

        Xml atom = new Xml(get("/feeds/mixed.atom"));
        List<String> atomUrls = new ArrayList<>(atom.strings("//a:link/@href"));
        atomUrls.addAll(atom.strings("//a:icon"));
        assertThat(atom.strings("//a:entry/a:link[@rel='alternate']/@href")).contains(storyLink, enPage, ruPage);
        assertThat(atom.strings("//a:entry/a:link[@rel='via']/@href")).contains(storyLink);

        JsonNode json = JSON.readTree(get("/feeds/mixed.json"));
        List<String> jsonUrls = new ArrayList<>();
        collectJsonUrls(json, "", jsonUrls);
        assertThat(jsonUrls).contains(storyLink, enPage, ruPage);

        List<String> sitemapUrls = new ArrayList<>(new Xml(get("/sitemap.xml")).strings("//*[local-name()='loc']"));
        Xml sitemap = new Xml(get("/sitemap-1.xml")); // the index names its files; the article URLs are in them
        sitemapUrls.addAll(sitemap.strings("//*[local-name()='loc']"));
        sitemapUrls.addAll(sitemap.strings("//*[local-name()='link']/@href"));
        assertThat(sitemapUrls).contains(enPage, ruPage);

        Xml opml = new Xml(get("/opml"));
        List<String> opmlUrls = new ArrayList<>(opml.strings("//outline/@xmlUrl"));
        opmlUrls.addAll(opml.strings("//outline/@htmlUrl"));

        List<String> pageUrls = new ArrayList<>();
        for (String p : List.of("/", "/feeds", "/en/articles/tom-and-jerry")) {
            for (Element e : page(p).select("[href], [src]")) pageUrls.add(e.hasAttr("href") ? e.attr("href") : e.attr("src"));
        }
        assertThat(pageUrls).contains(enPage, ruPage);
        assertThat(http.get(ruPage).statusCode()).as("the percent-encoded page link works").isEqualTo(200);

        for (List<String> urls : List.of(rssUrls, atomUrls, jsonUrls, sitemapUrls, opmlUrls, pageUrls)) {
            assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).as("published URL")
                    .doesNotContainPattern("[\"<>` \\x00-\\x1F\\x7F-\\x{10FFFF}]"));
        }
    }

    // ---- readers --------------------------------------------------------------------------------------------

    /** Every text node and attribute value, read as text and as HTML, agrees and creates no element (HTML fields: no active content). */
    private static void everyTextIsText(byte[] xml, Set<String> htmlFields) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        walk(f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement(), htmlFields);
    }

    private static void walk(Node n, Set<String> htmlFields) {
        if (n.getAttributes() != null) {
            for (int i = 0; i < n.getAttributes().getLength(); i++) {
                Node a = n.getAttributes().item(i);
                if (!URL_NAMES.contains(a.getLocalName())) Readings.shown(a.getNodeValue());
            }
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                walk(c, htmlFields);
            } else if (htmlFields.contains(n.getLocalName())) {
                noActiveContent(Jsoup.parseBodyFragment(c.getNodeValue()));
            } else if (!URL_NAMES.contains(n.getLocalName()) && !c.getNodeValue().isBlank()) {
                Readings.shown(c.getNodeValue());
            }
        }
    }

    static final Set<String> URL_NAMES = Set.of("link", "href", "url", "loc", "icon", "xmlUrl", "htmlUrl", "src");

    private static void everyJsonTextIsText(JsonNode n, String path) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("content_html")) noActiveContent(Jsoup.parseBodyFragment(e.getValue().asText()));
                else if (!JSON_URLS.contains(e.getKey())) everyJsonTextIsText(e.getValue(), path + "/" + e.getKey());
            }
        } else if (n.isArray()) {
            n.forEach(c -> everyJsonTextIsText(c, path));
        } else if (n.isTextual()) {
            Readings.shown(n.asText());
        }
    }

    static final Set<String> JSON_URLS = Set.of("url", "external_url", "image", "banner_image", "home_page_url", "feed_url", "icon", "favicon");

    private static void collectJsonUrls(JsonNode n, String key, List<String> out) {
        if (n.isObject()) n.fields().forEachRemaining(e -> collectJsonUrls(e.getValue(), e.getKey(), out));
        else if (n.isArray()) n.forEach(c -> collectJsonUrls(c, key, out));
        else if (n.isTextual() && JSON_URLS.contains(key)) out.add(n.asText());
    }

    /** No script-capable element, no event handler, no javascript: link. */
    private static void noActiveContent(Document doc) {
        // JSON-LD data blocks are the one script element pages have: never run, and nothing in them can close them
        assertThat(doc.select("script:not([type=application/ld+json]), iframe, svg, object, embed, style")).as(doc.body().html()).isEmpty();
        for (Element ld : doc.select("script[type=application/ld+json]")) assertThat(ld.data()).doesNotContain("<", ">");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute on <" + e.tagName() + ">").doesNotStartWith("on");
                assertThat(a.getValue().strip().toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("javascript:");
            }
        }
    }

    private static List<String> shown(List<String> values) {
        return values.stream().map(Readings::shown).toList();
    }

    private static Document page(String path, String... headers) throws Exception {
        HttpResponse<byte[]> r = http.get(base + path, headers);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        Document doc = Jsoup.parse(TestKarvon.Http.text(r));
        noActiveContent(doc);
        return doc;
    }

    private static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = http.get(base + path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    private static ObjectNode article(String id, String lang, String slug, String title) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("lang", lang).put("translation_key", "hostile").put("slug", slug).put("title", title)
                .put("summary", SUMMARY).put("body_html", "<p>Body <script>alert(17)</script><img src=x onerror=alert(18)></p>")
                .put("author", AUTHOR).put("dateline", DATELINE).put("correction_note", CORRECTION)
                .put("published", Instant.now().minusSeconds(600).toString());
        a.putArray("tags").add("<b>tag</b>");
        a.putObject("image").put("url", "/media/photo.jpg").put("type", "image/jpeg").put("length", 1234).put("caption", CAPTION);
        return a;
    }

    private static void post(ObjectNode a) throws Exception {
        HttpResponse<byte[]> r = http.post(base + "/api/articles", a.toString(), "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).as(TestKarvon.Http.text(r)).isEqualTo(201);
    }

    private static String rss() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>RSS wire</title><link>" + up + "/</link><description>d</description><language>en</language>"
                + "<item><guid>rss-1</guid><title>" + xml(html(RSS_TITLE)) + "</title>"
                + "<link>" + xml(up + "/story/a\"b<c>d e?q=\"<x>\"#\"f\"") + "</link>"
                + "<description>" + xml(html(RSS_SUMMARY)) + "</description>"
                + "<content:encoded>" + xml("<p>Full text</p>") + "</content:encoded>"
                + "<category>" + xml(html(RSS_CATEGORY)) + "</category><dc:creator>" + xml(html(RSS_AUTHOR)) + "</dc:creator>"
                + "<pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC))
                + "</pubDate></item></channel></rss>";
    }

    private static String atom() {
        String now = Instant.now().minusSeconds(1800).toString();
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
                + "<title>Atom wire</title><id>urn:x:atom</id><updated>" + now + "</updated>"
                + "<entry><id>urn:x:atom:1</id><title type=\"text\">" + xml(ATOM_TITLE) + "</title>"
                + "<link href=\"" + xml(up + "/atom/\"<x>") + "\"/><updated>" + now + "</updated>"
                + "<summary type=\"html\">" + xml(html(ATOM_SUMMARY)) + "</summary>"
                + "<content type=\"html\">" + xml("<p>Full text</p>") + "</content><author><name>a</name></author></entry></feed>";
    }

    private static String json() {
        ObjectNode f = JSON.createObjectNode();
        f.put("version", "https://jsonfeed.org/version/1.1").put("title", "JSON wire").put("language", "en");
        f.putArray("items").addObject().put("id", "json-1").put("url", up + "/json/\"<x>`").put("title", JSON_TITLE)
                .put("summary", JSON_SUMMARY).put("content_text", "Plain body").put("date_published", Instant.now().minusSeconds(900).toString());
        return f.toString();
    }

    /** Text as HTML (what an HTML-typed upstream field holds to mean that text). */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
