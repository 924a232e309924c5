package uz.karvon.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uz.karvon.ingest.parse.FeedParserFixturesTest.BASE;
import static uz.karvon.ingest.parse.FeedParserFixturesTest.NOW;
import static uz.karvon.ingest.parse.FeedParserFixturesTest.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-level checks on fixtures and generated hostile inputs (hostile/README.md xml/json/encoding/data rows). */
class FeedParserTest {
    private final FeedParser parser = new FeedParser();
    private final ParseOptions opts = ParseOptions.defaults(NOW);

    private ParsedFeed parseString(String body) throws FeedParseException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml", BASE, opts);
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://x.uz/</link><description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void htmlPageListsAdvertisedFeedsResolvedAgainstThePageUrl() {
        byte[] page = FeedParserFixturesTest.fixture("html-page.html");
        assertThatThrownBy(() -> parser.parse(page, "text/html", "https://kun.uz/news/", opts))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo("html-page");
                    assertThat(e.advertisedFeeds()).containsExactly(
                            "https://kun.uz/rss", "https://kun.uz/atom.xml", "https://kun.uz/news/feed.json");
                    assertThat(e.getMessage()).isEqualTo("parse: html page, not a feed (advertises: https://kun.uz/rss, "
                            + "https://kun.uz/atom.xml, https://kun.uz/news/feed.json)");
                });
    }

    @Test
    void emptyAndNonFeedBodiesAreCleanErrors() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, BASE, opts))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("empty"));
        assertThatThrownBy(() -> parser.parse("  \n ".getBytes(StandardCharsets.UTF_8), null, BASE, opts))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("empty"));
        assertThatThrownBy(() -> parser.parse("just text".getBytes(StandardCharsets.UTF_8), null, BASE, opts))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("not-a-feed"));
        assertThatThrownBy(() -> parseString("<?xml version=\"1.0\"?><!-- nothing but a comment -->"))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isIn("malformed-xml", "not-a-feed"));
    }

    @Test
    void bytesInvalidInUtf8AreReadAsWindows1252AndReported() throws Exception {
        ParsedFeed f = parse("invalid-utf8.xml", "text/xml; charset=utf-8");
        // C3 28, C0 AF, ED A0 80 (an encoded surrogate) and FF are no UTF-8: each byte as windows-1252 reads it
        assertThat(f.items().get(0).title()).isEqualTo("Bad Ã( À¯ í € ÿ bytes");
        assertThat(f.repairs()).containsExactly("7 bytes invalid in UTF-8 read as windows-1252");
        byte[] body = rss("<item><title>x#y</title></item>").getBytes(StandardCharsets.UTF_8);
        body[new String(body, StandardCharsets.ISO_8859_1).indexOf('#')] = (byte) 0x81;   // undefined in windows-1252 too
        assertThat(parser.parse(body, "text/xml; charset=utf-8", BASE, opts).items().get(0).title()).isEqualTo("x\uFFFDy");
    }

    @Test
    void mediaRssGivesAuthorsTagsAttachmentsImageAndSafeContent() throws Exception {
        ParsedFeed f = parse("media-rss.xml", null);
        assertThat(f.language()).isEqualTo("uz-UZ");
        ParsedItem it = f.items().get(0);
        assertThat(it.authors()).containsExactly(new Author("Gʻayrat Oʻrinov", null));
        assertThat(it.tags()).containsExactly("Sport", "Jahon");
        assertThat(it.attachments()).containsExactly(
                new Attachment("https://m.example.uz/a.mp3", "audio/mpeg", 999L),
                new Attachment("https://m.example.uz/v.mp4", "video/mp4", 5000L));
        assertThat(it.image()).isEqualTo("https://m.example.uz/t.jpg");
        assertThat(it.language()).isEqualTo("uz-UZ");
        assertThat(it.contentHtml())
                .contains("<img src=\"https://feeds.example/i/1.png\">")   // the item's page, itself relative to the feed URL
                .doesNotContain("script", "evil", "iframe", "javascript", "onclick", "data:", "style");
        assertThat(it.contentText()).isEqualTo("Toʻliq matn badd");
        assertThat(it.summary()).isEqualTo("Qisqa <b>tavsif</b>");
    }

    @Test
    void xmlBaseResolvesLinksImagesAndFeedUrls() throws Exception {
        ParsedFeed f = parse("xml-base-relative.atom", null);
        assertThat(f.title()).isEqualTo("Blog uz");
        assertThat(f.homePageUrl()).isEqualTo("https://blog.example.uz/uz/");
        assertThat(f.feedUrl()).isEqualTo("https://blog.example.uz/uz/feed.atom");
        ParsedItem it = f.items().get(0);
        assertThat(it.contentHtml()).isEqualTo("<p><img src=\"https://blog.example.uz/uz/img/a.jpg\" alt=\"a\"> "
                + "<a href=\"https://blog.example.uz/uz/posts/2.html\">keyingi</a></p>");
        assertThat(it.language()).isEqualTo("uz-Latn");
        assertThat(it.modified()).isEqualTo(Instant.parse("2025-06-21T06:00:00Z"));
        assertThat(it.id()).isEqualTo("urn:x:1");
    }

    @Test
    void jsonFeedFieldsAreNormalised() throws Exception {
        ParsedItem v10 = parse("jsonfeed-10.json", null).items().get(0);
        assertThat(v10.id()).isEqualTo("42");
        assertThat(v10.contentHtml()).isEqualTo("<p>Birinchi qator<br>Ikkinchi</p>");
        assertThat(v10.contentText()).isEqualTo("Birinchi qator Ikkinchi");
        assertThat(v10.tags()).containsExactly("sport", "iqtisod");
        assertThat(v10.authors()).containsExactly(new Author("Aziz", "https://j.example.uz/aziz"));
        assertThat(v10.image()).isEqualTo("https://j.example.uz/img/42.jpg");

        ParsedFeed f11 = parse("jsonfeed-11.json", null);
        assertThat(f11.language()).isEqualTo("ar");
        ParsedItem v11 = f11.items().get(0);
        assertThat(v11.language()).isEqualTo("ar-EG");
        assertThat(v11.externalUrl()).isEqualTo("https://elsewhere.example/x");
        assertThat(v11.contentHtml()).isEqualTo("<p>نص <a>رابط</a></p>");
        assertThat(v11.summary()).isEqualTo("<p>ملخص</p>");
        assertThat(v11.modified()).isEqualTo(Instant.parse("2025-06-22T08:00:00Z"));
        assertThat(v11.attachments()).containsExactly(new Attachment("https://j.example.ar/a1.mp3", "audio/mpeg", 12345L));
    }

    @Test
    void atomXhtmlContentIsSanitisedAndTextTitlesKeepBrackets() throws Exception {
        ParsedFeed f = parse("atom10-xhtml-text-title.atom", null);
        assertThat(f.title()).isEqualTo("Sarlavha qalin");
        ParsedItem it = f.items().get(0);
        // relative links resolve against the feed URL (there is no xml:base), content links against the item page
        assertThat(it.contentHtml()).isEqualTo("<p>Salom <a href=\"https://feeds.example/x\">havola</a></p>");
        assertThat(it.authors()).containsExactly(new Author("Ali", "https://a.uz/ali"));
        assertThat(it.image()).isEqualTo("https://a.uz/p.jpg");
        assertThat(it.modified()).isEqualTo(it.published());
    }

    @Test
    void feedLevelFieldsAndLanguageFallbacks() throws Exception {
        ParsedFeed rdf = parse("rss10-rdf.xml", null);
        assertThat(rdf.title()).isEqualTo("RDF 频道");
        assertThat(rdf.language()).isEqualTo("zh-CN");
        assertThat(rdf.items().get(0).authors()).containsExactly(new Author("王伟", null));
        assertThat(rdf.items().get(0).tags()).containsExactly("经济");   // dc:subject
        assertThat(rdf.items().get(0).summary()).isNull();
        assertThat(rdf.items().get(0).contentHtml()).isEqualTo("<b>正文</b>");

        ParsedFeed atom03 = parse("atom03.xml", null);
        assertThat(atom03.language()).isEqualTo("ru-RU");
        assertThat(atom03.items().get(0).authors()).containsExactly(new Author("Иван Петров", null));

        ParsedFeed dcEmail = parseString(rss("<item xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><title>x</title>"
                + "<dc:creator>editor@example.com (Editor)</dc:creator></item>"));
        assertThat(dcEmail.items().get(0).authors()).containsExactly(new Author("Editor", null, "editor@example.com"));

        ParsedFeed noLang = parser.parse(rss("<item><title>x</title></item>").getBytes(StandardCharsets.UTF_8), null, BASE,
                new ParseOptions(null, "uz_latn", NOW, 10));
        assertThat(noLang.language()).isEqualTo("uz-Latn");
        assertThat(noLang.items().get(0).language()).isEqualTo("uz-Latn");
        ParsedFeed none = parseString(rss("<item><title>x</title></item>"));
        assertThat(none.language()).isNull();
        assertThat(none.feedUrl()).isEqualTo(BASE);
    }

    @Test
    void badDatesFallBackPerItem() throws Exception {
        List<ParsedItem> items = parse("dates-localized.xml", null).items();
        assertThat(items).extracting(ParsedItem::published).containsExactly(
                Instant.parse("2025-06-21T07:22:00Z"),   // 21 июня 2025 12:22, Asia/Tashkent
                Instant.parse("2025-06-20T19:00:00Z"),   // 21-iyun, 2025
                Instant.parse("2025-06-21T07:22:00Z"),   // 2025-06-21 12:22:00
                null, null, null, null, null, null, null);   // never the time of parsing: absent, and flagged
        assertThat(items).extracting(ParsedItem::flags).containsExactly(
                List.of(), List.of(), List.of(),
                List.of("date-invalid"), List.of("date-invalid"), List.of("date-invalid"), List.of("date-invalid"),
                List.of("date-invalid"), List.of("date-missing"), List.of("date-missing"));
    }

    @Test
    void zoneLessDatesUseTheSourceZone() throws Exception {
        ParsedFeed f = parser.parse(rss("<item><title>x</title><pubDate>2025-06-21 12:22</pubDate></item>")
                .getBytes(StandardCharsets.UTF_8), null, BASE, new ParseOptions(java.time.ZoneId.of("Europe/Moscow"), null, NOW, 10));
        assertThat(f.items().get(0).published()).isEqualTo(Instant.parse("2025-06-21T09:22:00Z"));
    }

    @Test
    void duplicateGuidsKeepTheFirstItem() throws Exception {
        List<ParsedItem> items = parse("duplicate-guids.xml", null).items();
        assertThat(items).extracting(ParsedItem::id).containsExactly("same-guid", "other-guid");
        assertThat(items.get(0).title()).isEqualTo("copy 0");
    }

    @Test
    void idFallsBackToLinkThenContentHash() throws Exception {
        List<ParsedItem> items = parseString(rss("<item><title>a</title><link>https://x.uz/a</link></item>"
                + "<item><title>b</title><description>body</description></item>"
                + "<item><title>b</title><description>body</description></item>")).items();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).id()).isEqualTo("https://x.uz/a");
        assertThat(items.get(1).id()).matches("sha256:[0-9a-f]{32}");
    }

    @Test
    void entityBombsAndXxeAreNeverExpanded() throws Exception {
        StringBuilder quadratic = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"")
                .append("x".repeat(100_000)).append("\">]>").append(rss("<item><title>q</title><description>"
                        + "&a;".repeat(30_000) + "</description></item>").replaceFirst("<\\?xml[^>]*>", ""));
        assertThatThrownBy(() -> parseString(quadratic.toString()))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("entity-expansion"));
        // a plain entity in a doctype is not an attack: the document parses with it left empty
        ParsedFeed plain = parseString("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY copy \"(c)\">]>"
                + rss("<item><title>t &copy;</title></item>").replaceFirst("<\\?xml[^>]*>", ""));
        assertThat(plain.items().get(0).title()).isEqualTo("t");
        assertThat(plain.repairs()).contains("doctype skipped; 1 declared entities left empty");

        ParsedFeed xxe = parse("xxe-file.xml", null);
        assertThat(JsonFeedWriter.toJson(xxe)).doesNotContain("root:", "passwd", "xi:include");
    }

    @Test
    void deepXmlNestingIsDroppedNotAStackOverflow() throws Exception {
        String deep = "<x:n xmlns:x=\"urn:deep\">".repeat(10_000) + "</x:n>".repeat(10_000);
        ParsedFeed f = parseString(rss("<item><title>deep</title>" + deep + "</item><item><title>ok</title></item>"));
        assertThat(f.items()).extracting(ParsedItem::title).containsExactly("deep", "ok");
        assertThat(f.warnings()).anyMatch(w -> w.startsWith("elements nested deeper than"));
    }

    @Test
    void deepHtmlNestingIsFlattenedNotAStackOverflow() throws Exception {
        String html = "<blockquote>".repeat(10_000) + "bottom" + "</blockquote>".repeat(10_000);
        ParsedItem it = parseString(rss("<item><title>d</title><description><![CDATA[" + html + "]]></description></item>"))
                .items().get(0);
        assertThat(it.contentText()).isEqualTo("bottom");
        // the sanitizer's parser stops nesting at its depth limit: deeper elements become siblings
        int depth = 0;
        int deepest = 0;
        for (String tag : it.contentHtml().split("(?=<)")) {
            if (tag.startsWith("<blockquote>")) deepest = Math.max(deepest, ++depth);
            if (tag.startsWith("</blockquote>")) depth--;
        }
        assertThat(deepest).isBetween(1, 200);
    }

    @Test
    void deepJsonIsRejected() {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"_x\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
        assertThatThrownBy(() -> parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json", BASE, opts))
                .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("too-deep"));
    }

    @Test
    void hugeTitleIsCapped() throws Exception {
        String big = "Ў".repeat(10 * 1024 * 1024);
        ParsedItem it = parseString(rss("<item><title>" + big + "</title></item>")).items().get(0);
        assertThat(it.title()).hasSize(ItemNormalizer.MAX_TITLE);
        assertThat(it.flags()).contains("title-truncated");
        assertThat(JsonFeedWriter.toJson(new ParsedFeed(null, null, null, null, null, "rss_2.0", List.of(it), List.of())))
                .hasSizeLessThan(10_000);
    }

    @Test
    void manyItemsAreCappedToTheNewest() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            items.append("<item><title>n").append(i).append("</title><guid>g").append(i).append("</guid><pubDate>")
                    .append(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * ((i * 7919) % 3000)))
                    .append("</pubDate></item>");
        }
        ParsedFeed f = parser.parse(rss(items.toString()).getBytes(StandardCharsets.UTF_8), null, BASE,
                new ParseOptions(null, null, NOW, 100));
        assertThat(f.items()).hasSize(100);
        Instant oldestKept = f.items().stream().map(ParsedItem::published).min(Instant::compareTo).orElseThrow();
        assertThat(oldestKept).isEqualTo(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * 2900));
        assertThat(f.warnings()).contains("2900 older items dropped (max 100)");
    }
}
