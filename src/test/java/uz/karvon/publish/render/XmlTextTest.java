package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import uz.karvon.server.Xml;

class XmlTextTest {
    @Test
    void stripsCharactersXmlForbidsAndKeepsEverythingElse() {
        assertThat(XmlText.clean("a\u0001b\u0000c\u000Bd\u001Fe")).isEqualTo("abcde");
        assertThat(XmlText.clean("tab\tlf\ncr\r")).isEqualTo("tab\tlf\ncr\r");
        assertThat(XmlText.clean("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
        assertThat(XmlText.clean("del\u007F c1\u0085")).isEqualTo("del c1");
        assertThat(XmlText.clean("lone\uD83D high, lone\uDE00 low")).isEqualTo("lone high, lone low");
        assertThat(XmlText.clean("emoji 😀 oʻ gʻ ʼ عربي \u200F")).isEqualTo("emoji 😀 oʻ gʻ ʼ عربي \u200F");
        assertThat(XmlText.clean((String) null)).isNull();
    }

    @Test
    void unchangedStringIsReturnedAsIs() {
        String s = "Toshkent";
        assertThat(XmlText.clean(s)).isSameAs(s);
    }

    @Test
    void aControlCharacterInAnyFieldNeverBreaksAFeed() throws Exception {
        Entry bad = new Entry("tag:karvon.uz,2026:article/bad\u0001", "https://karvon.uz/b", "Bad\u0001 title\u0008",
                "sum\u0000mary", "<p>x\u001B</p>", "uz-Latn", List.of("cat\u0002"), "au\u0003thor", Samples.T0, Samples.T0,
                new Image("https://karvon.uz/i.jpg", "image/jpeg", 1L, "cap\u0004"),
                List.of(new Translation("ru", "https://karvon.uz/ru/b", "ti\u0005tle")),
                new Credit("s", "na\u0006me", "https://x.uz/1"), null, "no\u0007te", "da\u000Eteline", false);
        Channel ch = new Channel("world", "Ti\u0001tle", "De\u0002sc", "uz", "https://karvon.uz/",
                "https://karvon.uz/f.rss", "https://karvon.uz/f.atom", "https://karvon.uz/f.json", Samples.T0, null, null);
        Tombstone t = new Tombstone("tag:x\u0001", Samples.T0, "why\u0002", null);
        FeedRenderer r = new FeedRenderer();
        byte[] rss = r.rss(ch, List.of(bad));
        byte[] atom = r.atom(ch, List.of(bad), List.of(t));
        byte[] json = r.json(ch, List.of(bad));
        assertThat(new Xml(rss).string("/rss/channel/item/title")).isEqualTo("Bad title");
        assertThat(new Xml(atom).string("/a:feed/a:entry/a:title")).isEqualTo("Bad title");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"Bad title\"").doesNotContain("\\u0001");
    }
}
