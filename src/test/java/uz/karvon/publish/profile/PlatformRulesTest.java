package uz.karvon.publish.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.karvon.config.FeedProfile;
import uz.karvon.publish.render.Channel;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.publish.render.Paging;

/** Each platform's hard limits on synthetic entries: what is kept, what is left out and why. */
class PlatformRulesTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    static Entry entry(int n, Instant published, String html, String url, List<String> categories) {
        return new Entry("tag:karvon.uz,2026:article/a-" + n, url, "Title " + n, "Summary " + n, html, "ru", categories,
                "Author", published, published, null, List.of(), null, null, null, null, false);
    }

    static Entry entry(int n, Instant published) {
        return entry(n, published, "<p>Text " + n + "</p>", "https://karvon.uz/ru/articles/a-" + n, List.of("economy"));
    }

    @Test
    void yandexWantsFullTextAndWritesItWithTheGenre() throws Exception {
        PlatformRules y = PlatformRules.of(FeedProfile.YANDEX);
        List<Entry> in = List.of(entry(1, NOW, "<p>Full <b>text</b> one</p>", "https://karvon.uz/ru/articles/a-1", List.of("interview")),
                entry(2, NOW, null, "https://karvon.uz/ru/articles/a-2", List.of()));
        Checked c = y.check(in, NOW, true);
        assertThat(c.kept()).extracting(Entry::id).containsExactly(in.get(0).id());
        assertThat(c.excluded()).extracting(Exclusion::itemId, Exclusion::rule).containsExactly(org.assertj.core.groups.Tuple.tuple(in.get(1).id(), Rule.FULL_TEXT));

        String rss = new String(new FeedRenderer().rss(channel(), c.kept(), Paging.NONE, y.rss()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rss).contains("xmlns:yandex=\"http://news.yandex.ru\"")
                .contains("<yandex:full-text>Full text one</yandex:full-text>")
                .contains("<yandex:genre>interview</yandex:genre>");
    }

    @Test
    void dzenTakesRecentItemsWithoutQueryLinksInItsMarkupAndAtMost500() {
        PlatformRules d = PlatformRules.of(FeedProfile.DZEN);
        Entry fresh = entry(1, NOW.minus(Duration.ofDays(1)), "<p>Ok <a href=\"https://x.uz/\">link</a></p><table><tr><td>cell</td></tr></table>"
                + "<iframe src=\"https://evil\"></iframe><figure><img src=\"https://karvon.uz/m.jpg\"><figcaption>c</figcaption></figure>",
                "https://karvon.uz/ru/articles/a-1", List.of());
        Entry old = entry(2, NOW.minus(Duration.ofDays(3)).minusSeconds(1));
        Entry query = entry(3, NOW, "<p>x</p>", "https://partner.uz/news?id=3", List.of());
        Checked c = d.check(List.of(fresh, old, query), NOW, true);
        assertThat(c.kept()).extracting(Entry::id).containsExactly(fresh.id());
        assertThat(c.excluded()).extracting(Exclusion::rule).containsExactly(Rule.RECENT_ONLY, Rule.LINK_WITHOUT_QUERY);
        String html = c.kept().get(0).contentHtml();
        assertThat(html).contains("<p>Ok <a href=\"https://x.uz/\">link</a></p>").contains("<figure><img src=\"https://karvon.uz/m.jpg\"><figcaption>c</figcaption></figure>")
                .doesNotContain("<table").doesNotContain("<td").doesNotContain("iframe").contains("cell");
        assertThat(c.changesAt()).as("when the kept item ages out").isEqualTo(fresh.published().plus(Duration.ofDays(3)));

        // a page behind the first (a reader paging back): only the rules on the item itself hold there
        Checked later = d.check(List.of(fresh, old, query), NOW, false);
        assertThat(later.kept()).extracting(Entry::id).containsExactly(fresh.id(), old.id());
        assertThat(later.excluded()).extracting(Exclusion::rule).containsExactly(Rule.LINK_WITHOUT_QUERY);
        assertThat(later.changesAt()).isNull();

        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) many.add(entry(i, NOW.minusSeconds(i)));
        Checked m = d.check(many, NOW, true);
        assertThat(m.kept()).hasSize(500);
        assertThat(m.excluded()).singleElement().satisfies(x -> {
            assertThat(x.itemId()).isEqualTo(many.get(500).id());
            assertThat(x.rule()).isEqualTo(Rule.ITEMS_PER_FETCH);
        });
        assertThat(d.check(many, NOW, false).kept()).hasSize(501);
    }

    @Test
    void googleNewsReadsSixtyItemsOfAtMostOneMegabyte() {
        PlatformRules g = PlatformRules.of(FeedProfile.GOOGLE_NEWS);
        List<Entry> in = new ArrayList<>();
        in.add(entry(0, NOW, "<p>" + "ж".repeat(500_001) + "</p>", "https://karvon.uz/ru/articles/big", List.of())); // 1 000 009 bytes
        for (int i = 1; i <= 61; i++) in.add(entry(i, NOW.minusSeconds(i)));
        Checked c = g.check(in, NOW, true);
        assertThat(c.kept()).hasSize(60).extracting(Entry::id).doesNotContain(in.get(0).id(), in.get(61).id());
        assertThat(c.excluded()).extracting(Exclusion::rule).containsExactly(Rule.ARTICLE_SIZE, Rule.ITEMS_PER_FETCH);
        assertThat(g.maxFeedBytes()).isEqualTo(2_000_000);
    }

    @Test
    void everyFeedGetsADescriptionAndContent() {
        Entry noSummary = new Entry("tag:x,2026:item/1", "https://x.uz/1", "Headline", null, "<p>" + "word ".repeat(100) + "</p>",
                "en", List.of(), null, NOW, NOW, null, List.of(), null, null, null, null, false);
        Entry nothing = new Entry("tag:x,2026:item/2", "https://x.uz/2", "Only a <headline>", null, null,
                "en", List.of(), null, NOW, NOW, null, List.of(), null, null, null, null, false);
        List<Entry> out = EveryFeed.entries(List.of(noSummary, nothing), true);
        assertThat(out.get(0).summary()).startsWith("word word").endsWith("…").hasSizeLessThanOrEqualTo(EveryFeed.DESCRIPTION_CHARS + 1);
        assertThat(out.get(0).contentHtml()).isEqualTo(noSummary.contentHtml());
        assertThat(out.get(1).summary()).isEqualTo("Only a <headline>");
        assertThat(out.get(1).contentHtml()).isEqualTo("<p>Only a &lt;headline&gt;</p>");
        assertThat(EveryFeed.entries(List.of(nothing), false).get(0).contentHtml()).as("Atom/JSON: no content invented").isNull();
        Channel all = new Channel("tag:x,2026:feed/all", "All", "d", null, "https://x.uz/", null, null, null, NOW, null, null);
        assertThat(EveryFeed.channel(all, "uz-Latn").language()).isEqualTo("uz-Latn");
    }

    static Channel channel() {
        return new Channel("tag:karvon.uz,2026:feed/yandex", "Yandex", "d", "ru", "https://karvon.uz/", "https://karvon.uz/feeds/y.rss",
                null, null, NOW, null, null);
    }
}
