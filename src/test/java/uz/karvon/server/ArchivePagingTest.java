package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.article.ArticleImporter;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.store.Database;

/**
 * An archive larger than every cache (the caches are made tiny here): the oldest article is served, paged feeds
 * link to their end and back in RSS, Atom, JSON Feed and ninjs (its links in the {@code Link} header), and the
 * sitemap index splits into files of the limit.
 */
class ArchivePagingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int STORIES = 260;
    /** Smaller than the archive in every dimension: a few feed pages, a few sitemap files, a few transliterations. */
    static final KarvonServer.Tuning TINY = new KarvonServer.Tuning(120_000, 60_000, 4_000, 100, Duration.ofSeconds(1));
    static final String CONFIG = """
            site:
              title: Archive test
            feeds:
              - id: en
                title: English
                language: en
                limit: 60
              - id: economy
                title: Economy in every language
                language: all
                sections: [economy]
                limit: 40
              - id: uz-cyrl
                title: Oʻzbekcha (kirill)
                language: uz-Cyrl
                transliterate: true
                limit: 30
              - id: stories-ru
                title: Every story, in Russian where there is a version
                language: ru
                languages: all
                limit: 45
              - id: zh
                title: Chinese
                language: zh-Hans
            """;

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);
    /** Every stored article, as imported. */
    static final List<ObjectNode> articles = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int k = 1; k <= STORIES; k++) {
            // newest first, as an export would be: the oldest story gets the highest seq, so the last sitemap file
            Instant published = TestKarvon.T0.minus(Duration.ofMinutes(37L * (k / 2 * 2))); // pairs share an instant
            add(ndjson, "en", k, published, k % 3 == 0 ? "economy" : "sport");
            if (k % 4 == 0) add(ndjson, "ru", k, published.plusSeconds(60), "economy");
            if (k % 4 == 1) add(ndjson, "uz-Latn", k, published.plusSeconds(30), k % 8 == 1 ? "economy" : "sport");
            if (k % 16 == 1) add(ndjson, "uz-Cyrl", k, published.plusSeconds(90), "sport");
            if (k % 50 == 7) add(ndjson, "zh-Hans", k, published.plusSeconds(120), "sport");
        }
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            ArticleImporter.Report r = new ArticleImporter(Wiring.intake(db, clock, () -> { }))
                    .load(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(r.problems()).isEmpty();
            assertThat(r.stored()).isEqualTo(articles.size());
        }
        Path config = TestKarvon.write(dir, "feeds.yml", CONFIG);
        server = KarvonServer.start(new KarvonServer.Options(config, data, 0, "127.0.0.1", clock, Map.of(), false, false, TINY));
        base = TestKarvon.base(server);
    }

    static void add(StringBuilder out, String lang, int k, Instant published, String section) {
        ObjectNode a = JSON.createObjectNode();
        String title = switch (lang) {
            case "uz-Latn" -> "Oʻzbekiston yangiliklari " + k;
            case "uz-Cyrl" -> "Ўзбекистон янгиликлари " + k;
            case "ru" -> "Новости номер " + k;
            case "zh-Hans" -> "新闻 " + k;
            default -> "News number " + k;
        };
        a.put("id", "arc-" + k + "-" + lang.toLowerCase()).put("lang", lang).put("translation_key", "arc-" + k)
                .put("slug", "story-" + k).put("title", title).put("summary", title + ".")
                .put("body_html", "<p>" + title + "</p>").put("section", section).put("published", published.toString());
        a.putArray("categories").add(section);
        a.putArray("tags").add("t" + (k % 7));
        articles.add(a);
        out.append(a).append('\n');
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theOldestArticleAndItsGeneratedScriptVersionAreServed() throws Exception {
        ObjectNode oldest = articles.stream().filter(a -> a.get("lang").asText().equals("en"))
                .min(Comparator.comparing(a -> Instant.parse(a.get("published").asText()))).orElseThrow();
        HttpResponse<byte[]> page = http.get(base + "/en/articles/" + oldest.get("slug").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Http.text(page)).contains(oldest.get("title").asText());

        // the oldest story written only in Latin script (every 16th has its own Cyrillic version)
        ObjectNode oldestUz = articles.stream().filter(a -> a.get("lang").asText().equals("uz-Latn"))
                .filter(a -> Integer.parseInt(a.get("translation_key").asText().substring(4)) % 16 != 1)
                .min(Comparator.comparing(a -> Instant.parse(a.get("published").asText()))).orElseThrow();
        int k = Integer.parseInt(oldestUz.get("translation_key").asText().substring(4));
        assertThat(k).isGreaterThan(STORIES - 16);
        HttpResponse<byte[]> cyrl = http.get(base + "/uz-Cyrl/articles/" + oldestUz.get("slug").asText());
        assertThat(cyrl.statusCode()).isEqualTo(200);
        assertThat(Http.text(cyrl)).contains("Ўзбекистон янгиликлари " + k).contains("hreflang=\"en\"");
        assertThat(http.get(base + "/en/articles/no-such-story").statusCode()).isEqualTo(404);
    }

    @Test
    void pagedFeedsLinkToTheEndAndBackInAllThreeFormats() throws Exception {
        for (String format : List.of("rss", "atom", "json")) {
            walk("en", format, expected(a -> a.get("lang").asText().equals("en"), false), 60);
        }
        // one scan per section, one version per story, generated script versions: each read in one format
        walk("economy", "atom", expected(a -> a.get("section").asText().equals("economy"), false), 40);
        walk("stories-ru", "json", storiesInRussian(), 45);
        walk("uz-cyrl", "rss", expected(a -> a.get("lang").asText().startsWith("uz-"), true), 30);
        walk("stories-ru", "ninjs", storiesInRussian(), 45);
    }

    @Test
    void ninjsPagesAreTheAtomPagesAndNdjsonKeepsItsFormOnEveryLink() throws Exception {
        Page atom = Page.get(http, base + "/feeds/economy.atom", "atom");
        Page ninjs = Page.get(http, base + "/feeds/economy.ninjs", "ninjs");
        assertThat(ninjs.ids()).hasSize(40).containsExactlyElementsOf(atom.ids());
        assertThat(ninjs.next()).isEqualTo(atom.next().replace(".atom?", ".ninjs?"));

        HttpResponse<byte[]> nd = http.get(base + "/feeds/economy.ninjs?ndjson");
        assertThat(nd.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        assertThat(Http.text(nd).lines().count()).isEqualTo(40);
        String next = links(nd).get("next");
        assertThat(next).isEqualTo(ninjs.next() + "&ndjson");
        HttpResponse<byte[]> second = http.get(next);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        assertThat(links(second)).containsEntry("first", base + "/feeds/economy.ninjs?ndjson");
        List<String> uris = new ArrayList<>();
        for (String line : Http.text(second).split("\n")) uris.add(JSON.readTree(line).get("uri").asText());
        assertThat(uris).containsExactlyElementsOf(Page.get(http, atom.next(), "atom").ids());
    }

    @Test
    void aFeedThatFitsOnOnePageHasNoPagingLinks() throws Exception {
        for (String format : List.of("rss", "atom", "json", "ninjs")) {
            Page p = Page.get(http, base + "/feeds/zh." + format, format);
            assertThat(p.ids()).hasSize((int) articles.stream().filter(a -> a.get("lang").asText().equals("zh-Hans")).count());
            assertThat(p.next).isNull();
            assertThat(p.previous).isNull();
            assertThat(p.first).isNull();
        }
        assertThat(http.get(base + "/feeds/en.rss?before=not-a-cursor").statusCode()).isEqualTo(400);
        assertThat(Http.text(http.get(base + "/feeds/en.rss?before=1-a-x&after=1-a-x"))).contains("either before or after");
    }

    @Test
    void theSitemapIndexSplitsAtTheLimitAndEveryPublicArticleIsInExactlyOneFile() throws Exception {
        Xml index = new Xml(http.get(base + "/sitemap.xml").body());
        List<String> files = index.strings("//*[local-name()='sitemap']/*[local-name()='loc']");
        int expectedFiles = (articles.size() + 99) / 100;
        assertThat(files).hasSize(expectedFiles + 1);
        assertThat(files.get(files.size() - 1)).isEqualTo(base + "/sitemap-news.xml");
        List<String> locs = new ArrayList<>();
        for (String file : files.subList(0, expectedFiles)) {
            HttpResponse<byte[]> r = http.get(file);
            assertThat(r.statusCode()).isEqualTo(200);
            List<String> urls = new Xml(r.body()).strings("//*[local-name()='url']/*[local-name()='loc']");
            assertThat(urls.size()).as(file).isBetween(1, 100);
            locs.addAll(urls);
        }
        Set<String> expected = new HashSet<>();
        for (ObjectNode a : articles) expected.add(base + "/" + a.get("lang").asText() + "/articles/" + a.get("slug").asText());
        assertThat(locs).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(http.get(base + "/sitemap-" + (expectedFiles + 1) + ".xml").statusCode()).isEqualTo(404);

        // story 5 has en and uz-Latn versions: both, and the generated uz-Cyrl page, are alternates of each
        Xml first = new Xml(http.get(files.get(0)).body());
        List<String> alternates = first.strings("//*[local-name()='url'][*[local-name()='loc']='" + base
                + "/en/articles/story-5']/*[local-name()='link']/@hreflang");
        assertThat(alternates).containsExactlyInAnyOrder("en", "uz-Latn", "uz-Cyrl");

        Xml news = new Xml(http.get(base + "/sitemap-news.xml").body());
        List<String> recent = news.strings("//*[local-name()='url']/*[local-name()='loc']");
        long inWindow = articles.stream().map(a -> Instant.parse(a.get("published").asText())) // the last 48 hours, not ahead
                .filter(t -> !t.isBefore(TestKarvon.T0.minus(Duration.ofHours(48))) && !t.isAfter(TestKarvon.T0)).count();
        assertThat(recent).hasSize((int) inWindow);
        assertThat(news.strings("//*[local-name()='publication']/*[local-name()='name']")).containsOnly("Archive test");
        assertThat(news.strings("//*[local-name()='publication']/*[local-name()='language']")).contains("en", "ru", "uz");
    }

    /** Item ids in feed order (newest first, then id) of the articles {@code filter} keeps. */
    static List<String> expected(java.util.function.Predicate<ObjectNode> filter, boolean cyrillicFeed) {
        List<ObjectNode> chosen = new ArrayList<>();
        Set<String> storedCyrl = new HashSet<>();
        for (ObjectNode a : articles) if (a.get("lang").asText().equals("uz-Cyrl")) storedCyrl.add(a.get("translation_key").asText());
        for (ObjectNode a : articles) {
            if (!filter.test(a)) continue;
            // a transliterating feed carries stored Cyrillic versions, and Latin ones without one as generated versions
            if (cyrillicFeed && a.get("lang").asText().equals("uz-Latn") && storedCyrl.contains(a.get("translation_key").asText())) continue;
            chosen.add(a);
        }
        chosen.sort(Comparator.comparing((ObjectNode a) -> Instant.parse(a.get("published").asText())).reversed()
                .thenComparing(a -> itemId(a, cyrillicFeed)));
        return chosen.stream().map(a -> itemId(a, cyrillicFeed)).toList();
    }

    static String itemId(ObjectNode a, boolean cyrillicFeed) {
        String id = a.get("id").asText();
        return FeedView.itemId(cyrillicFeed && a.get("lang").asText().equals("uz-Latn") ? id + "~uz-Cyrl" : id);
    }

    /** stories-ru: one version per story, Russian if there is one, else uz-Latn, else en (site.language_fallbacks). */
    static List<String> storiesInRussian() {
        List<String> order = List.of("ru", "uz-Latn", "en");
        java.util.Map<String, ObjectNode> best = new java.util.LinkedHashMap<>();
        for (ObjectNode a : articles) {
            best.merge(a.get("translation_key").asText(), a, (x, y) -> rank(order, y) < rank(order, x) ? y : x);
        }
        return expected(best.values()::contains, false);
    }

    static int rank(List<String> order, ObjectNode a) {
        int i = order.indexOf(a.get("lang").asText());
        return i < 0 ? order.size() : i;
    }

    /** Follows next links to the end, then previous links back to the first page, checking every step. */
    static void walk(String feed, String format, List<String> expected, int limit) throws Exception {
        String firstUrl = base + "/feeds/" + feed + "." + format;
        String where = feed + "." + format;
        List<Page> pages = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            Page p = Page.get(http, url, format);
            assertThat(p.ids()).as(where + " page " + pages.size()).hasSizeLessThanOrEqualTo(limit);
            if (!pages.isEmpty()) {
                assertThat(p.first).as(where + ": first link").isEqualTo(firstUrl);
                assertThat(p.previous).as(where + ": previous link").isNotNull();
            }
            if (!format.equals("json") && !format.equals("ninjs")) assertThat(p.self).as(where + ": self is the page").isEqualTo(url);
            pages.add(p);
            url = p.next;
            assertThat(pages.size()).as(where + ": pages").isLessThan(expected.size() / limit + 3);
        }
        List<String> down = new ArrayList<>();
        pages.forEach(p -> down.addAll(p.ids()));
        assertThat(down).as(where + " read down to its end").containsExactlyElementsOf(expected);
        assertThat(pages.get(0).ids()).hasSize(Math.min(limit, expected.size()));
        assertThat(pages.size()).as(where).isEqualTo((expected.size() + limit - 1) / limit);

        Page p = pages.get(pages.size() - 1);
        Set<String> up = new LinkedHashSet<>(p.ids());
        int steps = 0;
        while (p.previous != null) {
            String prev = p.previous;
            p = Page.get(http, prev, format);
            List<String> seen = new ArrayList<>(p.ids());
            // a page read going up ends right above where the page below starts
            int end = expected.indexOf(seen.get(seen.size() - 1));
            assertThat(end).as(where + ": " + prev).isGreaterThanOrEqualTo(0);
            up.addAll(seen);
            if (p.previous == null) assertThat(prev).as(where + ": back at the top").isEqualTo(firstUrl);
            assertThat(++steps).isLessThan(pages.size() + 2);
        }
        assertThat(up).as(where + " read back up").containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The RFC 8288 {@code Link} header of a response, by rel. */
    static Map<String, String> links(HttpResponse<byte[]> r) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : r.headers().firstValue("Link").orElse("").split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*<([^>]*)>;\\s*rel=\"([a-z]+)\"").matcher(part);
            if (m.matches()) out.put(m.group(2), m.group(1));
        }
        return out;
    }

    /** One feed page as a reader sees it: item ids in order, and its self and paging links. */
    record Page(List<String> ids, String self, String first, String previous, String next) {
        static Page get(Http http, String url, String format) throws Exception {
            HttpResponse<byte[]> r = http.get(url);
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            if (format.equals("ninjs")) { // an array of objects; the page links are in the Link header
                List<String> ids = new ArrayList<>();
                for (JsonNode o : JSON.readTree(r.body())) ids.add(o.get("uri").asText());
                Map<String, String> l = links(r);
                return new Page(ids, null, l.get("first"), l.get("previous"), l.get("next"));
            }
            FeedView view = FeedView.parse(format, r.body());
            if (format.equals("json")) {
                JsonNode root = JSON.readTree(r.body());
                return new Page(view.ids(), view.selfLink(), text(root.path("_karvon").path("first_url")),
                        text(root.path("_karvon").path("previous_url")), text(root.path("next_url")));
            }
            Xml xml = new Xml(r.body());
            String at = format.equals("rss") ? "/rss/channel/a:link" : "/a:feed/a:link";
            return new Page(view.ids(), view.selfLink(), attr(xml, at, "first"), attr(xml, at, "previous"), attr(xml, at, "next"));
        }

        static String attr(Xml xml, String path, String rel) throws Exception {
            String s = xml.string(path + "[@rel='" + rel + "']/@href");
            return s.isEmpty() ? null : s;
        }

        static String text(JsonNode n) {
            return n.isTextual() ? n.asText() : null;
        }
    }
}
