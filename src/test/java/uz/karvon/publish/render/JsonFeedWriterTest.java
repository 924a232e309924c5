package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonFeedWriterTest {
    private final FeedRenderer renderer = new FeedRenderer();

    @Test
    void everyFieldRoundTripsThroughJackson() throws Exception {
        List<Entry> entries = Samples.all();
        byte[] bytes = renderer.json(Samples.channel("uz-Latn"), entries);
        JsonNode root = new ObjectMapper().readTree(bytes);

        List<String> order = new ArrayList<>();
        root.fieldNames().forEachRemaining(order::add);
        assertThat(order).startsWith("version", "title", "home_page_url", "feed_url", "description");
        assertThat(root.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(root.get("feed_url").asText()).isEqualTo("https://karvon.uz/feeds/world.json");
        assertThat(root.get("language").asText()).isEqualTo("uz-Latn");
        assertThat(Readings.shown(root.get("description").asText())).isEqualTo("Oʻzbekiston va jahon: Tashkent & <world>");

        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            JsonNode it = root.get("items").get(i);
            assertThat(it.get("id").asText()).isEqualTo(e.id());
            assertThat(it.get("url").asText()).isEqualTo(e.url());
            assertThat(Readings.shown(it.get("title").asText())).isEqualTo(e.title());
            assertThat(Readings.shown(it.get("summary").asText())).isEqualTo(e.summary());
            assertThat(it.get("content_html").asText()).isEqualTo(e.contentHtml());
            assertThat(it.get("date_published").asText()).isEqualTo(Dates.rfc3339(e.published()));
            assertThat(it.has("date_modified")).isEqualTo(e.updated() != null);
            assertThat(it.get("language").asText()).isEqualTo(e.language());
            List<String> tags = new ArrayList<>();
            it.get("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).isEqualTo(e.categories());
            assertThat(it.has("authors")).isEqualTo(e.author() != null);
            assertThat(it.get("_karvon").get("machine_transliterated").asBoolean()).isEqualTo(e.machineTransliterated());
        }
        JsonNode uz = root.get("items").get(0);
        assertThat(uz.get("date_modified").asText()).isEqualTo("2026-11-20T04:29:00Z");
        assertThat(uz.get("authors").get(0).get("name").asText()).isEqualTo("Gʻulom Oʻrinov");
        assertThat(uz.get("image").asText()).isEqualTo("https://karvon.uz/img/1.jpg");
        assertThat(uz.get("attachments").get(0).get("size_in_bytes").asLong()).isEqualTo(123456L);
        assertThat(uz.get("attachments").get(0).get("mime_type").asText()).isEqualTo("image/jpeg");
        JsonNode k = uz.get("_karvon");
        assertThat(k.get("translations").get(1).get("language").asText()).isEqualTo("uz-Cyrl");
        assertThat(k.get("translations").get(1).get("title").asText()).isEqualTo("Тошкентда ўзгаришлар");
        assertThat(k.get("credit").get("name").asText()).isEqualTo("Kun.uz");
        assertThat(k.get("credit").get("url").asText()).isEqualTo("https://kun.uz/news/2026/11/20/1");
        assertThat(k.get("correction_note").asText()).isEqualTo("Tuzatish: sana oʻzgartirildi");
        JsonNode ru = root.get("items").get(2);
        assertThat(ru.get("_karvon").get("embargo_until").asText()).isEqualTo("2026-11-21T04:30:00Z");
        assertThat(ru.get("attachments").get(0).has("size_in_bytes")).isFalse();
    }

    @Test
    void nonAsciiIsWrittenAsRawUtf8() {
        String json = new String(renderer.json(Samples.channel(null), Samples.all()), StandardCharsets.UTF_8);
        assertThat(json).contains("😀", "塔什干的变化", "تغييرات في طشقند").doesNotContain("\\u");
        assertThat(json).doesNotContain("\"language\" : null");
    }
}
