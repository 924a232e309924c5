package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.WireFeedInput;
import uz.karvon.server.Xml;

class AtomWriterTest {
    private final FeedRenderer renderer = new FeedRenderer("Karvon");

    private byte[] render(String lang) {
        return renderer.atom(Samples.channel(lang), Samples.all(), Samples.tombstones());
    }

    @Test
    void everyFieldSurvivesRomesOwnParser() throws Exception {
        List<Entry> entries = Samples.all();
        SyndFeed feed = RssWriterTest.parse(render("uz-Latn"));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Karvon — Jahon yangiliklari");
        assertThat(feed.getUri()).isEqualTo("tag:karvon.uz,2026:channel/world");
        // ROME's Atom parser does not map xml:lang to getLanguage(); xml:lang is asserted with XPath below.
        assertThat(feed.getAuthors()).extracting(SyndPerson::getName).containsExactly("Karvon");
        assertThat(feed.getPublishedDate()).isEqualTo(Date.from(Samples.T0));

        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            SyndEntry s = feed.getEntries().get(i);
            assertThat(Readings.shown(s.getTitle())).as("title").isEqualTo(e.title());
            assertThat(s.getUri()).as("id").isEqualTo(e.id());
            assertThat(s.getLink()).as("link").isEqualTo(e.url());
            assertThat(Readings.shown(s.getDescription().getValue())).as("summary").isEqualTo(e.summary());
            assertThat(s.getDescription().getType()).isEqualTo("text");
            assertThat(s.getContents().get(0).getValue()).as("content").isEqualTo(e.contentHtml());
            assertThat(s.getContents().get(0).getType()).isEqualTo("html");
            assertThat(s.getCategories()).extracting(SyndCategory::getName).startsWith(e.categories().toArray(String[]::new));
            if (e.author() == null) {
                assertThat(s.getAuthors()).as("no empty per-entry author").isEmpty();
            } else {
                assertThat(s.getAuthors()).extracting(SyndPerson::getName).containsExactly(e.author());
            }
            assertThat(s.getPublishedDate()).isEqualTo(Date.from(e.published()));
            assertThat(s.getUpdatedDate()).isEqualTo(Date.from(e.updated() != null ? e.updated() : e.published()));
            List<SyndLink> alternates = s.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).toList();
            assertThat(alternates.get(0).getHreflang()).isEqualTo(e.language());
            assertThat(alternates.subList(1, alternates.size())).extracting(SyndLink::getHref, SyndLink::getHreflang, SyndLink::getTitle)
                    .containsExactlyElementsOf(e.translations().stream()
                            .map(t -> org.assertj.core.groups.Tuple.tuple(t.url(), t.language(), t.title())).toList());
        }
        SyndEntry uz = feed.getEntries().get(0);
        assertThat(uz.getEnclosures()).singleElement().satisfies(enc -> {
            assertThat(enc.getUrl()).isEqualTo("https://karvon.uz/img/1.jpg");
            assertThat(enc.getLength()).isEqualTo(123456L);
            assertThat(enc.getType()).isEqualTo("image/jpeg");
        });
        assertThat(uz.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("via");
            assertThat(l.getHref()).isEqualTo("https://kun.uz/news/2026/11/20/1");
            assertThat(l.getTitle()).isEqualTo("Kun.uz");
        });
    }

    @Test
    void tombstonesSurviveAsForeignMarkup() throws Exception {
        Feed wire = (Feed) new WireFeedInput().build(
                new InputStreamReader(new ByteArrayInputStream(render("uz-Latn")), StandardCharsets.UTF_8));
        List<Element> deleted = wire.getForeignMarkup().stream().filter(el -> el.getName().equals("deleted-entry")).toList();
        assertThat(deleted).singleElement().satisfies(d -> {
            assertThat(d.getNamespaceURI()).isEqualTo("http://purl.org/atompub/tombstones/1.0");
            assertThat(d.getAttributeValue("ref")).isEqualTo("tag:karvon.uz,2026:article/kaa-2026-0000-en");
            assertThat(d.getAttributeValue("when")).isEqualTo("2026-11-20T04:29:30Z");
            assertThat(Readings.shown(d.getChildText("comment", d.getNamespace()))).isEqualTo("Olib tashlandi: huquqiy sabab & <x>");
            assertThat(d.getChild("link", org.jdom2.Namespace.getNamespace("http://www.w3.org/2005/Atom"))
                    .getAttributeValue("href")).isEqualTo("https://karvon.uz/en/2026/0000");
        });
    }

    @Test
    void structureFollowsRfc4287AndTheValidator() throws Exception {
        Xml x = new Xml(render("uz-Latn"));
        assertThat(x.string("/a:feed/@xml:lang")).isEqualTo("uz-Latn");
        assertThat(x.string("/a:feed/a:id")).isEqualTo("tag:karvon.uz,2026:channel/world");
        assertThat(x.string("/a:feed/a:updated")).isEqualTo("2026-11-20T04:30:00Z");
        assertThat(x.count("/a:feed/a:link[@rel='self' and @type='application/atom+xml' and @href='https://karvon.uz/feeds/world.atom']")).isEqualTo(1);
        assertThat(x.count("/a:feed/a:link[@rel='alternate' and @type='text/html' and @href='https://karvon.uz/']")).isEqualTo(1);
        assertThat(x.string("/a:feed/a:author/a:name")).isEqualTo("Karvon");
        assertThat(x.count("//a:author[not(a:name) or normalize-space(a:name)='']")).as("no empty authors").isZero();
        assertThat(x.count("//dc:date | //dc:*")).as("no dc:date next to published").isZero();
        assertThat(x.count("/a:feed/a:entry")).isEqualTo(5);
        assertThat(x.count("/a:feed/a:entry[1]/@xml:lang")).as("same as feed").isZero();
        assertThat(x.string("/a:feed/a:entry[2]/@xml:lang")).isEqualTo("uz-Cyrl");
        assertThat(x.string("/a:feed/a:entry[5]/@xml:lang")).isEqualTo("ar");
        assertThat(x.count("/a:feed/a:entry[a:id and a:title and a:updated]")).isEqualTo(5);
        assertThat(x.count("/a:feed/a:entry/a:summary[@type='text']")).isEqualTo(5);
        assertThat(x.count("/a:feed/a:entry/a:content[@type='html']")).isEqualTo(5);
        assertThat(x.count("/a:feed/a:entry[2]/a:author")).isZero();
        assertThat(x.string("/a:feed/a:entry[1]/a:published")).isEqualTo("2026-11-20T03:30:00Z");
        assertThat(x.count("/a:feed/a:entry[3]/a:category[@term='embargoed' and @scheme='https://karvon.uz/ns/status']")).isEqualTo(1);
        assertThat(x.string("/a:feed/a:entry[3]/k:embargoUntil")).isEqualTo("2026-11-21T04:30:00Z");
        assertThat(x.count("/a:feed/a:entry[3]/a:link[@rel='enclosure' and not(@length)]")).as("unknown length omitted").isEqualTo(1);
        assertThat(x.count("/a:feed/at:deleted-entry[@ref and @when]")).isEqualTo(1);
        // RFC 4287 4.1.1: no two alternate links with the same type and hreflang
        assertThat(x.count("/a:feed/a:entry/a:link[@rel='alternate'][@hreflang = preceding-sibling::a:link[@rel='alternate']/@hreflang]")).isZero();
    }

    @Test
    void multiLanguageFeedPutsXmlLangOnEveryEntry() throws Exception {
        Xml x = new Xml(render(null));
        assertThat(x.count("/a:feed/@xml:lang")).isZero();
        assertThat(x.count("/a:feed/a:entry[@xml:lang]")).isEqualTo(5);
    }

    @Test
    void feedIdFallsBackToTheServedAtomUrlWhenChannelIdIsNotAUri() {
        Channel c = new Channel("world news", "T", "D", "en", "https://karvon.uz/", null, "https://karvon.uz/world.atom",
                null, Samples.T0, null, null);
        assertThat(AtomWriter.feedId(c)).isEqualTo("https://karvon.uz/world.atom");
    }

    @Test
    void duplicateTranslationLanguageIsDroppedNotDuplicated() throws Exception {
        Entry e = Samples.chinese();
        Entry dup = new Entry(e.id(), e.url(), e.title(), e.summary(), e.contentHtml(), e.language(), e.categories(),
                e.author(), e.published(), e.updated(), null,
                List.of(new Translation("zh-Hans", "https://karvon.uz/zh/other", "x"),
                        new Translation("ru", "https://karvon.uz/ru/1", "a"), new Translation("RU", "https://karvon.uz/ru/2", "b")),
                null, null, null, null, false);
        Xml x = new Xml(renderer.atom(Samples.channel("en"), List.of(dup), List.of()));
        assertThat(x.count("//a:entry/a:link[@rel='alternate']")).isEqualTo(2);
    }
}
