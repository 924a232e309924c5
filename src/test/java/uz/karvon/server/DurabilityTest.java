package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.article.Article;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;

/** Every acknowledged write is a committed transaction: a new server on the same data directory sees all of them. */
class DurabilityTest {
    static final String TOKEN = "durability-token";
    static final ObjectMapper JSON = new ObjectMapper();
    final Http http = new Http();

    static ObjectNode article(String id, String lang, String slug, String title, java.time.Instant published) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("lang", lang).put("translation_key", "dur-story").put("slug", slug).put("title", title)
                .put("published", published.toString()).put("body_html", "<p>" + title + "</p><script>alert(1)</script>");
        return a;
    }

    static long count(Http http, String base) throws Exception {
        return JSON.readTree(http.get(base + "/health").body()).path("database").path("articles").asLong();
    }

    @Test
    void acknowledgedArticlesSurviveARestartAndRefusedOnesLeaveNoTrace(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(TestKarvon.T0);
        Path config = TestKarvon.copyBundled(dir);
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("KARVON_CMS_TOKEN", TOKEN);
        Map<String, String> acknowledged = new LinkedHashMap<>(); // id -> title as finally acknowledged
        Map<String, String> urls = new LinkedHashMap<>();

        try (KarvonServer s = TestKarvon.start(config, data, env, clock, false)) {
            String base = TestKarvon.base(s);
            assertThat(count(http, base)).isZero();
            List<ObjectNode> batch = List.of(
                    article("dur-uz", "uz-Latn", "fargona-yangi-bogʻ", "Fargʻonada yangi bogʻ ochildi", clock.instant().minusSeconds(600)),
                    article("dur-ru", "ru", "novyy-park-v-fergane", "В Фергане открылся новый парк", clock.instant().minusSeconds(500)),
                    article("dur-ar", "ar", "hadiqa-jadida-fi-farghana", "افتتاح حديقة جديدة في فرغانة", clock.instant().minusSeconds(400)),
                    article("dur-zh", "zh-Hans", "feiergana-xin-gongyuan", "费尔干纳新公园开放", clock.instant().minusSeconds(300)));
            for (ObjectNode a : batch) {
                HttpResponse<byte[]> r = http.post(base + "/api/articles", a.toString(), "Authorization", "Bearer " + TOKEN);
                assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
                acknowledged.put(a.get("id").asText(), a.get("title").asText());
                urls.put(a.get("id").asText(), JSON.readTree(r.body()).path("url").asText());
            }
            clock.advance(Duration.ofMinutes(1));
            ObjectNode fix = batch.get(1).deepCopy().put("title", "В Фергане открылся новый городской парк");
            assertThat(http.post(base + "/api/articles", fix.toString(), "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            acknowledged.put("dur-ru", fix.get("title").asText());

            long before = count(http, base);
            ObjectNode invalid = article("dur-bad", "ru", "Плохой слаг", "", clock.instant());
            assertThat(http.post(base + "/api/articles", invalid.toString(), "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
            ObjectNode slugTaken = article("dur-dup", "ru", "novyy-park-v-fergane", "Другой материал", clock.instant());
            HttpResponse<byte[]> dup = http.post(base + "/api/articles", slugTaken.toString(), "Authorization", "Bearer " + TOKEN);
            assertThat(dup.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(dup.body()).path("errors").get(0).path("field").asText()).isEqualTo("slug");
            ObjectNode langChange = batch.get(3).deepCopy().put("lang", "en");
            HttpResponse<byte[]> lc = http.post(base + "/api/articles", langChange.toString(), "Authorization", "Bearer " + TOKEN);
            assertThat(lc.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(lc.body()).path("errors").get(0).path("field").asText()).isEqualTo("lang");
            assertThat(count(http, base)).as("refused writes store nothing").isEqualTo(before).isEqualTo(acknowledged.size());
        }

        // a new server on the same data directory: sample must not be loaded into a non-empty database
        try (KarvonServer s = TestKarvon.start(config, data, env, clock, true)) {
            String base = TestKarvon.base(s);
            assertThat(count(http, base)).isEqualTo(acknowledged.size());
            FeedView all = FeedView.parse("json", http.get(base + "/feeds/all.json").body());
            Map<String, String> served = new LinkedHashMap<>();
            for (FeedView.Item i : all.items()) served.put(FeedView.articleId(i.id()), i.title());
            assertThat(served).isEqualTo(acknowledged);
            for (String id : acknowledged.keySet()) {
                String url = urls.get(id).replaceFirst("http://localhost:\\d+", base);
                HttpResponse<byte[]> page = http.get(url);
                assertThat(page.statusCode()).as(url).isEqualTo(200);
                assertThat(Http.text(page)).contains(acknowledged.get(id)).doesNotContain("<script>");
            }
        }

        try (Database db = Database.open(data)) {
            ArticleStore store = new ArticleStore(db);
            Article ru = store.get("dur-ru").orElseThrow();
            assertThat(ru.title()).isEqualTo("В Фергане открылся новый городской парк");
            assertThat(ru.updated()).isAfter(ru.published());
            assertThat(store.get("dur-bad")).isEmpty();
            assertThat(store.get("dur-dup")).isEmpty();
            assertThat(store.get("dur-zh").orElseThrow().lang()).isEqualTo("zh-Hans");
            assertThat(store.get("dur-uz").orElseThrow().slug()).isEqualTo("fargona-yangi-bogʻ");
        }
    }
}
