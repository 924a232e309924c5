package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.cli.Main;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/**
 * A write invalidates only the feeds that show the article, whoever wrote it: the CMS API of this server, or
 * {@code karvon import} on the same data folder (through the change log). Observed through the {@code X-Cache}
 * header (HIT: served from the render cache) and the ETag, on the bundled feeds.yml and sample.
 */
class ChangeSignalTest {
    static final String TOKEN = "change-signal-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FEEDS = List.of("uz", "uz-cyrl", "ru", "en", "zh", "ar", "en-economy", "stories-ru", "all");

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    @BeforeAll
    static void start() throws Exception {
        server = TestKarvon.start(TestKarvon.copyBundled(dir), dir.resolve("data"), Map.of("KARVON_CMS_TOKEN", TOKEN), clock, true);
        base = TestKarvon.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Renders every feed, then reads each again: every one must now come from the cache. Returns the ETags. */
    static Map<String, String> warm() throws Exception {
        Map<String, String> etags = new LinkedHashMap<>();
        for (String f : FEEDS) http.get(base + "/feeds/" + f + ".rss");
        for (String f : FEEDS) {
            HttpResponse<byte[]> r = http.get(base + "/feeds/" + f + ".rss");
            assertThat(r.headers().firstValue("X-Cache")).as(f).hasValue("HIT");
            etags.put(f, r.headers().firstValue("ETag").orElseThrow());
        }
        return etags;
    }

    /** Which feeds were rendered again (MISS) on the next request, and that the others kept their ETag. */
    static List<String> rerendered(Map<String, String> etags) throws Exception {
        List<String> missed = new java.util.ArrayList<>();
        for (String f : FEEDS) {
            HttpResponse<byte[]> r = http.get(base + "/feeds/" + f + ".rss");
            if (r.headers().firstValue("X-Cache").orElseThrow().equals("MISS")) missed.add(f);
            else assertThat(r.headers().firstValue("ETag")).as(f).hasValue(etags.get(f));
        }
        return missed;
    }

    static ObjectNode article(String id, String lang, String slug, String title, String section, Instant published) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("lang", lang).put("translation_key", id).put("slug", slug).put("title", title)
                .put("summary", title + ".").put("published", published.toString());
        a.putArray("categories").add(section);
        return a;
    }

    static void post(ObjectNode a) throws Exception {
        HttpResponse<byte[]> r = http.post(base + "/api/articles", a.toString(), "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(Http.text(r)).isIn(200, 201);
    }

    @Test
    void aWriteInvalidatesOnlyTheFeedsThatShowTheArticle() throws Exception {
        Instant now = clock.instant().minus(Duration.ofMinutes(5));
        Map<String, String> etags = warm();
        post(article("sig-sport-en", "en", "derby-ends-in-a-draw", "Derby ends in a draw", "sport", now));
        // en and the feeds of every language; not en-economy (another section), not the other languages' feeds
        assertThat(rerendered(etags)).containsExactlyInAnyOrder("en", "stories-ru", "all");
        assertThat(Http.text(http.get(base + "/feeds/en.rss"))).contains("Derby ends in a draw");

        etags = warm();
        post(article("sig-uz", "uz-Latn", "toshkentda-yangi-bogʻ", "Toshkentda yangi bogʻ ochildi", "society", now));
        // the Cyrillic feed publishes Latin-only stories transliterated
        assertThat(rerendered(etags)).containsExactlyInAnyOrder("uz", "uz-cyrl", "stories-ru", "all");
        assertThat(Http.text(http.get(base + "/feeds/uz-cyrl.rss"))).contains("Тошкентда янги боғ очилди");

        etags = warm();
        HttpResponse<byte[]> d = http.delete(base + "/api/articles/sig-sport-en", "Authorization", "Bearer " + TOKEN);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(rerendered(etags)).containsExactlyInAnyOrder("en", "stories-ru", "all");
        assertThat(Http.text(http.get(base + "/feeds/en.rss"))).doesNotContain("Derby ends in a draw");
    }

    @Test
    void anImportIntoTheDataFolderShowsUpOnTheRunningServer() throws Exception {
        Map<String, String> etags = warm();
        Instant published = Instant.now().minus(Duration.ofHours(1)); // the import command runs on the system clock
        Path file = dir.resolve("late.ndjson");
        Files.writeString(file, article("sig-import-ru", "ru", "pozdniy-import", "Поздний импорт", "society", published)
                + "\n", StandardCharsets.UTF_8);
        assertThat(Main.run("import", "--data", dir.resolve("data").toString(), file.toString())).isZero();

        // the server polls the change log about every second
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String body = "";
        while (System.nanoTime() < deadline && !body.contains("Поздний импорт")) {
            Thread.sleep(100);
            body = Http.text(http.get(base + "/feeds/ru.json"));
        }
        assertThat(body).as("the imported article on the running server").contains("Поздний импорт");
        assertThat(http.get(base + "/ru/articles/pozdniy-import").statusCode()).isEqualTo(200);
        List<String> missed = rerendered(etags);
        assertThat(missed).doesNotContain("uz", "uz-cyrl", "en", "zh", "ar", "en-economy");
    }
}
