package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.karvon.server.TestKarvon.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.publish.render.NinjsSchema;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;

/** A merged feed's ninjs: the agency's stories and a partner's items side by side, each with what it has. */
class NinjsMergedFeedTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sourceItemsMapWithWhatTheyHave() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Files.writeString(drop.resolve("partner.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                <title>Partner</title><link>https://partner.example/</link><description>d</description><language>en</language>
                <item><guid isPermaLink="false">p-1</guid><title>Cotton exports grow</title><link>https://partner.example/news/1</link>
                <description>Exports of cotton yarn grew.</description><content:encoded><![CDATA[<p>Exports of cotton yarn grew by a fifth.</p>]]></content:encoded>
                <category>economy</category><category>cotton</category><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
                <enclosure url="https://partner.example/img/1.jpg" type="image/jpeg" length="12345"/></item>
                </channel></rss>
                """);
        String config = """
                site: {title: Karvon}
                ingest: {drop_folders: [drop]}
                sources:
                  - {id: partner, title: Partner Agency, url: "%s", language: en}
                feeds:
                  - {id: merged, title: Merged, language: en, sources: [partner]}
                media_topics:
                  economy: {code: "04000000", name: "economy, business and finance"}
                """.formatted(drop.resolve("partner.xml").toUri());
        Http http = new Http();
        try (KarvonServer server = TestKarvon.start(TestKarvon.write(dir, "feeds.yml", config), dir.resolve("data"), Map.of(),
                new TestKarvon.MutableClock(TestKarvon.T0), true)) {
            String base = TestKarvon.base(server);
            JsonNode arr = await(() -> JSON.readTree(http.get(base + "/feeds/merged.ninjs").body()),
                    a -> a.findValuesAsText("uri").stream().anyMatch(u -> u.contains(":item/")));
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode o : arr) {
                assertThat(NinjsSchema.problems(o)).as(o.path("uri").asText()).isEmpty();
                if (o.path("uri").asText().contains(":item/")) items.add(o);
            }
            assertThat(arr.size()).as("the agency's English stories too").isGreaterThan(items.size());
            JsonNode p = items.get(0);
            assertThat(p.has("version")).as("a source has no revision count").isFalse();
            assertThat(p.path("pubStatus").asText()).isEqualTo("usable");
            assertThat(p.path("headlines").get(0).path("value").asText()).isEqualTo("Cotton exports grow");
            assertThat(p.path("bodies").get(0).path("value").asText()).contains("by a fifth");
            assertThat(p.path("infoSources").get(0).path("name").asText()).isEqualTo("Partner Agency");
            assertThat(p.path("altIds").findValuesAsText("value")).contains("p-1");
            assertThat(p.path("subjects").findValuesAsText("uri")).contains("http://cv.iptc.org/newscodes/mediatopic/04000000");
            assertThat(p.path("associations").get(0).path("renditions").get(0).path("href").asText()).isEqualTo("https://partner.example/img/1.jpg");
            assertThat(p.path("renditions").get(0).path("href").asText()).isEqualTo("https://partner.example/news/1");
            List<String> jsonIds = JSON.readTree(http.get(base + "/feeds/merged.json").body()).findValuesAsText("id");
            assertThat(p.path("uri").asText()).as("the JSON Feed item id").isIn(jsonIds);
        }
    }
}
