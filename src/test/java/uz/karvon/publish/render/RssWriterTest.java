package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import uz.karvon.server.Xml;

class RssWriterTest {
    private final FeedRenderer renderer = new FeedRenderer();

    static SyndFeed parse(byte[] bytes) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldSurvivesRomesOwnParser() throws Exception {
        List<Entry> entries = Samples.all();
        SyndFeed feed = parse(renderer.rss(Samples.channel("uz-Latn"), entries));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Karvon — Jahon yangiliklari");
        assertThat(Readings.shown(feed.getDescription())).isEqualTo("Oʻzbekiston va jahon: Tashkent & <world>");
        assertThat(feed.getLink()).isEqualTo("https://karvon.uz/");
        assertThat(feed.getLanguage()).as("with its region, as Apple News asks").isEqualTo("uz-Latn-UZ");
        assertThat(feed.getCopyright()).isEqualTo("© 2026 Karvon");
        assertThat(feed.getEntries()).hasSize(entries.size());

        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            SyndEntry s = feed.getEntries().get(i);
            assertThat(Readings.shown(s.getTitle())).as("title").isEqualTo(e.title());
            assertThat(s.getLink()).as("link").isEqualTo(e.url());
            assertThat(s.getUri()).as("guid").isEqualTo(e.id());
            assertThat(Readings.asHtml(s.getDescription().getValue())).as("summary, an HTML field").isEqualTo(e.summary());
            assertThat(s.getContents()).as("content").hasSize(1);
            assertThat(s.getContents().get(0).getValue()).isEqualTo(e.contentHtml());
            assertThat(s.getCategories()).extracting(SyndCategory::getName).startsWith(e.categories().toArray(String[]::new));
            assertThat(Readings.shown(s.getAuthor())).as("dc:creator").isEqualTo(e.author() == null ? "" : e.author());
            assertThat(s.getPublishedDate()).isEqualTo(Date.from(e.published()));
            List<Link> links = s.getModule(AtomLinkModule.URI) == null ? List.of()
                    : ((AtomLinkModule) s.getModule(AtomLinkModule.URI)).getLinks();
            assertThat(links).extracting(Link::getHref)
                    .containsExactlyElementsOf(e.translations().stream().map(Translation::url).toList());
            assertThat(links).extracting(Link::getTitle)
                    .containsExactlyElementsOf(e.translations().stream().map(Translation::title).toList());
            assertThat(links).extracting(Link::getHreflang)
                    .containsExactlyElementsOf(e.translations().stream().map(Translation::language).toList());
        }

        SyndEntry uz = feed.getEntries().get(0);
        assertThat(uz.getEnclosures()).singleElement().satisfies(enc -> {
            assertThat(enc.getUrl()).isEqualTo("https://karvon.uz/img/1.jpg");
            assertThat(enc.getLength()).isEqualTo(123456L);
            assertThat(enc.getType()).isEqualTo("image/jpeg");
        });
        MediaEntryModule media = (MediaEntryModule) uz.getModule(MediaEntryModule.URI);
        assertThat(media.getMediaContents()[0].getMetadata().getDescription()).isEqualTo("Toshkent, 2026 — surat");
        assertThat(uz.getSource()).isNotNull();

        SyndEntry ru = feed.getEntries().get(2);
        assertThat(ru.getEnclosures()).as("unknown length: no enclosure").isEmpty();
        assertThat(ru.getCategories()).extracting(SyndCategory::getName).contains("embargoed");
        assertThat(((MediaEntryModule) ru.getModule(MediaEntryModule.URI)).getMediaContents()[0].getReference())
                .hasToString("https://karvon.uz/img/2.png");
    }

    @Test
    void structureFollowsRss20AndTheValidator() throws Exception {
        Xml x = new Xml(renderer.rss(Samples.channel("uz-Latn"), Samples.all()));
        assertThat(x.string("/rss/@version")).isEqualTo("2.0");
        assertThat(x.count("/rss/channel/a:link[@rel='self' and @type='application/rss+xml' and @href='https://karvon.uz/feeds/world.rss']")).isEqualTo(1);
        assertThat(x.string("/rss/channel/language")).isEqualTo("uz-Latn-UZ");
        assertThat(x.string("/rss/channel/lastBuildDate")).isEqualTo("Fri, 20 Nov 2026 04:30:00 GMT");
        assertThat(x.count("/rss/channel/item")).isEqualTo(5);
        assertThat(x.count("/rss/channel/item/guid[@isPermaLink='false']")).isEqualTo(5);
        assertThat(x.count("/rss/channel/item/author")).as("RSS author must be an e-mail: never written").isZero();
        assertThat(x.count("/rss/channel/item/dc:date")).isZero();
        assertThat(x.count("/rss/channel/image/width | /rss/channel/image/height")).as("ROME's -1 default").isZero();
        assertThat(x.count("/rss/channel/item/enclosure[not(@length) or @length <= 0]")).isZero();
        assertThat(x.count("//item[1]/enclosure[@url and @length='123456' and @type='image/jpeg']")).isEqualTo(1);
        assertThat(x.string("//item[1]/dc:creator")).isEqualTo("Gʻulom Oʻrinov");
        assertThat(x.count("//item[1]/dc:language")).as("same as channel").isZero();
        assertThat(x.string("//item[2]/dc:language")).isEqualTo("uz-Cyrl");
        assertThat(x.string("//item[1]/pubDate")).isEqualTo("Fri, 20 Nov 2026 03:30:00 GMT");
        assertThat(x.string("//item[1]/a:updated")).isEqualTo("2026-11-20T04:29:00Z");
        assertThat(x.string("//item[1]/source/@url")).isEqualTo("https://kun.uz/news/2026/11/20/1");
        assertThat(x.string("//item[1]/source")).isEqualTo("Kun.uz");
        assertThat(x.string("//item[1]/a:link[@hreflang='ru']/@href")).isEqualTo("https://karvon.uz/ru/2026/0001");
        assertThat(x.string("//item[1]/media:content/media:description")).isEqualTo("Toshkent, 2026 — surat");
        assertThat(x.string("//item[1]/k:correction")).isEqualTo("Tuzatish: sana oʻzgartirildi");
        assertThat(x.string("//item[1]/k:credit/@sourceId")).isEqualTo("kun-uz");
        assertThat(x.string("//item[2]/k:machineTransliterated")).isEqualTo("true");
        assertThat(x.string("//item[3]/category[@domain='https://karvon.uz/ns/status']")).isEqualTo("embargoed");
        assertThat(x.string("//item[3]/k:embargoUntil")).isEqualTo("2026-11-21T04:30:00Z");
        assertThat(x.count("//item[3]/media:content[@fileSize]")).isZero();
        assertThat(x.string("//item[1]/content:encoded")).isEqualTo(Samples.uzLatin().contentHtml());
    }

    @Test
    void multiLanguageChannelHasNoLanguageAndTagsEveryItem() throws Exception {
        Xml x = new Xml(renderer.rss(Samples.channel(null), Samples.all()));
        assertThat(x.count("/rss/channel/language")).isZero();
        assertThat(x.count("/rss/channel/item/dc:language")).isEqualTo(5);
        assertThat(x.string("//item[4]/dc:language")).isEqualTo("zh-Hans");
    }

    @Test
    void languageTagsAreWrittenInCanonicalBcp47Form() throws Exception {
        Channel c = Samples.channel("UZ_latn");
        assertThat(new Xml(renderer.rss(c, List.of())).string("/rss/channel/language")).isEqualTo("uz-Latn-UZ");
        assertThat(new Xml(renderer.rss(Samples.channel("ru"), List.of())).string("/rss/channel/language")).isEqualTo("ru-RU");
        assertThat(new Xml(renderer.rss(Samples.channel("zh-Hans"), List.of())).string("/rss/channel/language")).isEqualTo("zh-Hans-CN");
        assertThat(new Xml(renderer.rss(Samples.channel("en-GB"), List.of())).string("/rss/channel/language")).isEqualTo("en-GB");
    }

    @Test
    void bytesAreUtf8WithDeclarationAndRawNonAscii() {
        String xml = new String(renderer.rss(Samples.channel("uz-Latn"), Samples.all()), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("😀", "塔什干的变化", "تغييرات في طشقند", "oʻzgarishlar").doesNotContain("&#x");
    }
}
