package uz.karvon.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedWriterTest {

    @Test
    void writesOneLineOfJsonFeed11OmittingNullsAndEmpties() {
        ParsedItem item = new ParsedItem("g1", "https://kun.uz/1", null, "Oʻzbekiston \"yangi\" 😀", "<p>x</p>", "x", null,
                "https://kun.uz/i.jpg", Instant.parse("2025-06-21T07:22:00.789Z"), null,
                List.of(new Author("Aziz", null)), List.of("sport"), "uz-Latn",
                List.of(new Attachment("https://kun.uz/a.mp3", "audio/mpeg", 10L), new Attachment("https://kun.uz/b", null, null)),
                List.of("date-clamped"));
        ParsedFeed feed = new ParsedFeed("Kun", "https://kun.uz/", null, null, "uz-Latn", "rss_2.0", List.of(item), List.of("w"));
        assertThat(JsonFeedWriter.toJson(feed)).isEqualTo("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Kun\","
                + "\"home_page_url\":\"https://kun.uz/\",\"language\":\"uz-Latn\",\"items\":[{\"id\":\"g1\",\"url\":\"https://kun.uz/1\","
                + "\"title\":\"Oʻzbekiston \\\"yangi\\\" 😀\",\"content_html\":\"<p>x</p>\",\"content_text\":\"x\","
                + "\"image\":\"https://kun.uz/i.jpg\",\"date_published\":\"2025-06-21T07:22:00Z\",\"authors\":[{\"name\":\"Aziz\"}],"
                + "\"tags\":[\"sport\"],\"language\":\"uz-Latn\",\"attachments\":[{\"url\":\"https://kun.uz/a.mp3\","
                + "\"mime_type\":\"audio/mpeg\",\"size_in_bytes\":10},{\"url\":\"https://kun.uz/b\"}],"
                + "\"_karvon\":{\"flags\":[\"date-clamped\"]}}]}");
    }

    @Test
    void roundTripsThroughTheParser() throws Exception {
        ParsedFeed parsed = FeedParserFixturesTest.parse("media-rss.xml", null);
        String json = JsonFeedWriter.toJson(parsed);
        assertThat(json).doesNotContain("\n");
        ParsedFeed again = new FeedParser().parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/feed+json", FeedParserFixturesTest.BASE, ParseOptions.defaults(FeedParserFixturesTest.NOW));
        assertThat(again.format()).isEqualTo("json_1.1");
        ParsedItem a = parsed.items().get(0);
        ParsedItem b = again.items().get(0);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.title()).isEqualTo(a.title());
        assertThat(b.contentHtml()).isEqualTo(a.contentHtml());
        assertThat(b.published()).isEqualTo(a.published());
        assertThat(b.attachments()).isEqualTo(a.attachments());
        assertThat(b.tags()).isEqualTo(a.tags());
    }
}
