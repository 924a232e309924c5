package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.karvon.server.TestKarvon.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/**
 * A partner feed that needs repair (truncated, an undeclared namespace prefix) and dates nothing readably is
 * still published: the source stays ok, /api/sources says what was repaired and that the item is ordered by when
 * karvon first saw it, and the Uzbek item's text gets its apostrophes in every field but code and URLs.
 */
class RepairedSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBrokenFeedIsRepairedPublishedAndTheRepairIsReported() throws Exception {
        String broken = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sherik</title><link>/</link>"
                + "<description>d</description><language>uz</language><item><guid>g1</guid>"
                + "<title>O'zbekiston ta'lim yangiliklari</title><link>/a/1</link>"
                + "<description>&lt;p&gt;Ta'lim vazirligi bugun yangi qaror qabul qildi &lt;code&gt;it's&lt;/code&gt; "
                + "&lt;a href=\"/o'z\"&gt;bog'lanish&lt;/a&gt;&lt;/p&gt;</description>"
                + "<itunes:author>G'ayrat O'rinov</itunes:author><pubDate>ertaga ertalab</pubDate></item></channel>";
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml; charset=utf-8").body(broken).build());
            upstream.start(InetAddress.getLoopbackAddress(), 0);
            String source = "http://127.0.0.1:" + upstream.getPort() + "/feed.rss";
            Path config = TestKarvon.write(dir, "feeds.yml", "site:\n  title: Test\nserver:\n  public_requests_per_minute: 100000\n"
                    + "security:\n  admin_token: {env: ADMIN}\nsources:\n  - id: sherik\n    title: Sherik\n    url: " + source + "\n"
                    + "feeds:\n  - id: partners\n    title: Partners\n    language: all\n    articles: false\n    sources: [sherik]\n");
            try (KarvonServer server = KarvonServer.start(new KarvonServer.Options(config, dir.resolve("data"), 0, "127.0.0.1",
                    Clock.systemUTC(), Map.of("ADMIN", "adm"), false, false))) {
                String karvon = TestKarvon.base(server);
                TestKarvon.Http http = new TestKarvon.Http();

                JsonNode sources = await(() -> JSON.readTree(http.get(karvon + "/api/sources", "Authorization", "Bearer adm").body()),
                        s -> s.path("sources").get(0).path("items_stored").asLong() == 1
                                && s.path("sources").get(0).path("status").asText().equals("ok")); // items are stored before the poll's state
                JsonNode sherik = sources.path("sources").get(0);
                assertThat(sherik.path("status").asText()).isEqualTo("ok");
                assertThat(sherik.has("last_error")).isFalse();
                assertThat(sherik.path("parse_note").asText())
                        .contains("repaired: ", "undeclared namespace prefixes bound: itunes", "ill-formed xml rebuilt")
                        .contains("1 item has no usable date", "ordered by when karvon first saw it");

                JsonNode item = JSON.readTree(http.get(karvon + "/feeds/partners.json").body()).path("items").get(0);
                assertThat(item.path("title").asText()).isEqualTo("Oʻzbekiston taʼlim yangiliklari");
                assertThat(item.path("content_html").asText()).contains("Taʼlim vazirligi", "<code>it's</code>", "/o'z\"", "bogʻlanish");
                assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("Gʻayrat Oʻrinov");
                assertThat(item.path("date_published").asText()).as("first-seen time stands in for the unreadable date").isNotEmpty();
                assertThat(item.path("_karvon").path("date_first_seen").asBoolean()).as("and the feed says so").isTrue();
            }
        }
    }
}
