package uz.karvon.story;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.karvon.server.TestKarvon.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/**
 * Issue 18 through HTTP: a Russian and an English wire report the Uzbek central bank's rate decision (and the
 * Kazakh one's, the same topic the next day); the merged feed links each report to the other in its event with
 * language and source, never to the other event; {@code cluster: one} feeds show each event once, in their own
 * language, crediting the other; and after a restart an agency article joins the stored cluster (the window was
 * rebuilt from the table) under the same ids, and stops being linked once withdrawn.
 */
class ClusteredFeedsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    Path dir;
    MockWebServer upstream;
    String base;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String body = switch (r.getTarget()) {
                    case "/ru.rss" -> rss("ru",
                            item("cbu", "ЦБ Узбекистана сохранил основную ставку на уровне 14%", "Правление Центрального банка оставило"
                                    + " ставку без изменений, указав на сохраняющиеся инфляционные ожидания. Следующее заседание — 23 июля.",
                                    "Thu, 11 Jun 2026 15:25:00 +0500"),
                            item("nbk", "Нацбанк Казахстана сохранил базовую ставку на уровне 16,5%", "Национальный банк Казахстана"
                                    + " принял решение сохранить базовую ставку без изменений.", "Fri, 12 Jun 2026 12:00:00 +0500"));
                    case "/en.rss" -> rss("en",
                            item("cbu", "Uzbekistan central bank holds key rate at 14%", "Uzbekistan's central bank kept its benchmark"
                                    + " rate unchanged on Thursday, saying inflation expectations remained elevated.",
                                    "Thu, 11 Jun 2026 16:05:00 +0500"),
                            item("nbk", "Kazakhstan central bank holds base rate at 16.5%", "The National Bank of Kazakhstan left its"
                                    + " base rate unchanged on Friday, citing persistent inflation.", "Fri, 12 Jun 2026 12:10:00 +0500"));
                    default -> null;
                };
                return body == null ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml; charset=utf-8").body(body).build();
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
        base = "http://127.0.0.1:" + upstream.getPort();
    }

    @AfterEach
    void stop() throws Exception {
        upstream.close();
    }

    private String rss(String lang, String... items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>" + lang + "</title><link>" + base
                + "/</link><description>d</description><language>" + lang + "</language>" + String.join("", items) + "</channel></rss>";
    }

    private String item(String path, String title, String summary, String date) {
        return "<item><guid>" + path + "</guid><title>" + title + "</title><link>" + base + "/" + path + "</link><description>"
                + summary + "</description><pubDate>" + date + "</pubDate></item>";
    }

    @Test
    void reportsOfOneEventAreLinkedAcrossLanguagesCollapsedOnRequestAndSurviveARestart() throws Exception {
        String config = "site:\n  title: Test\n  agency: Karvon News\n  language_fallbacks: [en]\nserver:\n  public_requests_per_minute: 100000\n"
                + "security:\n  admin_token: {env: ADMIN}\n  cms_token: {env: CMS}\n"
                + "sources:\n"
                + "  - id: ru-wire\n    title: Russian Wire\n    url: " + base + "/ru.rss\n"
                + "  - id: en-wire\n    title: English Wire\n    url: " + base + "/en.rss\n"
                + "feeds:\n"
                + "  - id: merged\n    title: Merged\n    language: all\n    sources: [ru-wire, en-wire]\n"
                + "  - id: one-ru\n    title: One per event\n    language: ru\n    languages: [ru, en]\n    articles: false\n"
                + "    sources: [ru-wire, en-wire]\n    cluster: one\n"
                + "  - id: one-en\n    title: One per event\n    language: en\n    languages: [ru, en]\n    articles: false\n"
                + "    sources: [ru-wire, en-wire]\n    cluster: one\n";
        Path file = TestKarvon.write(dir, "feeds.yml", config);
        TestKarvon.MutableClock clock = new TestKarvon.MutableClock(Instant.parse("2026-06-12T10:00:00Z"));
        Map<String, String> env = Map.of("ADMIN", "adm", "CMS", "cms-token-for-tests");
        TestKarvon.Http http = new TestKarvon.Http();
        String cbuCluster;
        String nbkCluster;
        try (KarvonServer server = TestKarvon.start(file, dir.resolve("data"), env, clock, false)) {
            String karvon = TestKarvon.base(server);
            clock.advance(Duration.ofSeconds(1)); // start-up polls are spread over a few milliseconds of the clock
            await(() -> JSON.readTree(http.get(karvon + "/api/sources", "Authorization", "Bearer adm").body()),
                    s -> s.path("sources").findValues("last_success").size() == 2);
            JsonNode merged = await(() -> JSON.readTree(http.get(karvon + "/feeds/merged.json").body()),
                    f -> f.path("items").size() == 4 && f.path("items").findValues("related").size() == 4);
            JsonNode cbuRu = byUrl(merged, base + "/cbu", "ru");
            JsonNode cbuEn = byUrl(merged, base + "/cbu", "en");
            JsonNode nbkRu = byUrl(merged, base + "/nbk", "ru");
            cbuCluster = cbuRu.path("_karvon").path("cluster").asText();
            nbkCluster = nbkRu.path("_karvon").path("cluster").asText();
            assertThat(cbuCluster).matches("[a-z2-7]{16}").isEqualTo(cbuEn.path("_karvon").path("cluster").asText());
            assertThat(nbkCluster).as("the Kazakh bank's decision is another event").isNotEqualTo(cbuCluster);
            JsonNode related = cbuRu.path("_karvon").path("related");
            assertThat(related).hasSize(1);
            assertThat(related.get(0).path("url").asText()).isEqualTo(base + "/cbu");
            assertThat(related.get(0).path("language").asText()).isEqualTo("en");
            assertThat(related.get(0).path("source").asText()).isEqualTo("English Wire");
            assertThat(cbuEn.path("_karvon").path("related").get(0).path("language").asText()).isEqualTo("ru");
            assertThat(nbkRu.path("_karvon").path("related")).hasSize(1);
            assertThat(nbkRu.path("_karvon").path("related").get(0).path("url").asText()).isEqualTo(base + "/nbk");

            // Atom and RSS: atom:link rel="related" with hreflang, in the Atom namespace
            Document atom = xml(http.get(karvon + "/feeds/merged.atom"));
            Element atomCbuRu = entryLinking(atom.getElementsByTagNameNS(ATOM, "entry"), "alternate", base + "/cbu", "ru");
            assertThat(related(atomCbuRu)).containsExactly("en " + base + "/cbu");
            Document rss = xml(http.get(karvon + "/feeds/merged.rss"));
            assertThat(rss.getDocumentElement().getAttribute("xmlns:atom")).isEqualTo(ATOM);
            List<String> rssRelated = new ArrayList<>();
            NodeList items = rss.getElementsByTagName("item");
            for (int i = 0; i < items.getLength(); i++) {
                Element it = (Element) items.item(i);
                rssRelated.add(it.getElementsByTagName("link").item(0).getTextContent() + " -> " + related(it));
            }
            assertThat(rssRelated).hasSize(4).allMatch(s -> s.startsWith(base + "/cbu -> [") ? s.contains(base + "/cbu]") : s.contains(base + "/nbk]"));
            assertThat(rssRelated).anyMatch(s -> s.endsWith("[en " + base + "/cbu]")).anyMatch(s -> s.endsWith("[ru " + base + "/cbu]"));

            // cluster: one — each event once, in the feed's language, the other report linked and credited
            JsonNode oneRu = JSON.readTree(http.get(karvon + "/feeds/one-ru.json").body());
            assertThat(oneRu.path("items")).hasSize(2);
            for (JsonNode item : oneRu.path("items")) {
                assertThat(item.path("language").asText()).isEqualTo("ru");
                assertThat(item.path("_karvon").path("also_reported_by").toString()).isEqualTo("[\"English Wire\"]");
                assertThat(item.path("_karvon").path("credit").path("name").asText()).isEqualTo("Russian Wire; also reported by English Wire");
                assertThat(item.path("_karvon").path("related").get(0).path("language").asText()).isEqualTo("en");
            }
            JsonNode oneEn = JSON.readTree(http.get(karvon + "/feeds/one-en.json").body());
            assertThat(oneEn.path("items")).hasSize(2).allMatch(i -> i.path("language").asText().equals("en"));

            // the admin page: who reported the day's event, first
            assertThat(http.get(karvon + "/admin/clusters").statusCode()).isEqualTo(401);
            JsonNode day = JSON.readTree(http.get(karvon + "/api/clusters?date=2026-06-11", "Authorization", "Bearer adm").body());
            assertThat(day.path("clusters")).hasSize(1);
            assertThat(day.path("clusters").get(0).path("id").asText()).isEqualTo(cbuCluster);
            assertThat(day.path("clusters").get(0).path("first_source").asText()).isEqualTo("Russian Wire");
        }

        // a restart: the window comes back from story_cluster, so a later report joins the same event
        clock.advance(Duration.ofMinutes(5));
        try (KarvonServer server = TestKarvon.start(file, dir.resolve("data"), env, clock, false)) {
            String karvon = TestKarvon.base(server);
            ObjectNode article = JSON.createObjectNode();
            article.put("id", "cbu-uz").put("lang", "uz-Latn").put("translation_key", "cbu").put("slug", "markaziy-bank-stavka")
                    .put("title", "Markaziy bank asosiy stavkani yillik 14 foizda saqlab qoldi")
                    .put("summary", "Markaziy bank boshqaruvi inflyatsion kutilmalar yuqoriligicha qolayotganini hisobga olib, asosiy"
                            + " stavkani oʻzgarishsiz qoldirdi. Keyingi yigʻilish 23-iyulda boʻladi.")
                    .put("body_html", "<p>Matn</p>").put("published", "2026-06-11T15:10:00+05:00");
            assertThat(http.post(karvon + "/api/articles", article.toString(), "Authorization", "Bearer cms-token-for-tests",
                    "Content-Type", "application/json").statusCode()).isBetween(200, 201);
            JsonNode merged = JSON.readTree(http.get(karvon + "/feeds/merged.json").body());
            assertThat(merged.path("items")).hasSize(5);
            JsonNode cbuRu = byUrl(merged, base + "/cbu", "ru");
            assertThat(cbuRu.path("_karvon").path("cluster").asText()).isEqualTo(cbuCluster);
            assertThat(byUrl(merged, base + "/nbk", "ru").path("_karvon").path("cluster").asText()).isEqualTo(nbkCluster);
            List<String> langs = new ArrayList<>();
            cbuRu.path("_karvon").path("related").forEach(r -> langs.add(r.path("language").asText() + " " + r.path("source").asText()));
            assertThat(langs).containsExactlyInAnyOrder("en English Wire", "uz-Latn Karvon News");
            JsonNode agency = byUrl(merged, karvon + "/uz-Latn/articles/markaziy-bank-stavka", "uz-Latn");
            assertThat(agency.path("_karvon").path("cluster").asText()).isEqualTo(cbuCluster);
            JsonNode day = JSON.readTree(http.get(karvon + "/api/clusters?date=2026-06-11", "Authorization", "Bearer adm").body());
            assertThat(day.path("clusters").get(0).path("first_source").asText()).as("the agency had it first").isEqualTo("Karvon News");
            assertThat(day.path("clusters").get(0).path("stories")).hasSize(3);
            String page = TestKarvon.Http.text(http.get(karvon + "/admin/clusters?date=2026-06-11", "Authorization", "Bearer adm"));
            assertThat(page).contains("ЦБ Узбекистана сохранил основную ставку на уровне 14%", "English Wire", cbuCluster);

            // a withdrawn article is no longer linked; the wires' link to each other stays
            assertThat(http.delete(karvon + "/api/articles/cbu-uz", "Authorization", "Bearer cms-token-for-tests").statusCode()).isBetween(200, 204);
            JsonNode after = JSON.readTree(http.get(karvon + "/feeds/merged.json").body());
            List<String> left = new ArrayList<>();
            byUrl(after, base + "/cbu", "ru").path("_karvon").path("related").forEach(r -> left.add(r.path("language").asText()));
            assertThat(left).containsExactly("en");
        }
    }

    private static JsonNode byUrl(JsonNode feed, String url, String lang) {
        for (JsonNode item : feed.path("items")) {
            if (item.path("url").asText().equals(url) && item.path("language").asText().equals(lang)) return item;
        }
        throw new AssertionError("no " + lang + " item " + url + " in " + feed);
    }

    private static Document xml(HttpResponse<byte[]> r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    private static Element entryLinking(NodeList entries, String rel, String href, String hreflang) {
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            NodeList links = e.getElementsByTagNameNS(ATOM, "link");
            for (int j = 0; j < links.getLength(); j++) {
                Element l = (Element) links.item(j);
                if (l.getAttribute("rel").equals(rel) && l.getAttribute("href").equals(href) && l.getAttribute("hreflang").equals(hreflang)) return e;
            }
        }
        throw new AssertionError("no entry with a " + rel + " link to " + href + " in " + hreflang);
    }

    /** "hreflang href" of each atom:link rel="related" of an entry or item. */
    private static List<String> related(Element e) {
        List<String> out = new ArrayList<>();
        NodeList links = e.getElementsByTagNameNS(ATOM, "link");
        for (int j = 0; j < links.getLength(); j++) {
            Element l = (Element) links.item(j);
            if (l.getAttribute("rel").equals("related")) out.add(l.getAttribute("hreflang") + " " + l.getAttribute("href"));
        }
        return out;
    }
}
