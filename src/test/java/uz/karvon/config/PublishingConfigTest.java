package uz.karvon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** feeds.yml keys for the wire formats: {@code profile}, {@code media_topics}, {@code site.rights_url}. */
class PublishingConfigTest {
    static KarvonConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).parse("feeds.yml", yaml, Path.of("/srv/karvon"));
    }

    static List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void profilesAndMediaTopicsAreRead() throws Exception {
        KarvonConfig c = parse("""
                site:
                  rights_url: https://news.example.uz/terms
                feeds:
                  - {id: y, title: Y, language: ru, profile: yandex}
                  - {id: g, title: G, language: en, profile: Google-News}
                  - {id: p, title: P, language: en}
                media_topics:
                  Economy: "04000000"
                  sport: medtop:15000000
                  football: http://cv.iptc.org/newscodes/mediatopic/15054000
                  books: {code: "20000013", name: literature}
                """);
        assertThat(c.feed("y").orElseThrow().profile()).isEqualTo(FeedProfile.YANDEX);
        assertThat(c.feed("g").orElseThrow().profile()).isEqualTo(FeedProfile.GOOGLE_NEWS);
        assertThat(c.feed("p").orElseThrow().profile()).isEqualTo(FeedProfile.NONE);
        assertThat(c.mediaTopics()).containsOnlyKeys("economy", "sport", "football", "books");
        assertThat(c.mediaTopics().get("economy")).isEqualTo(new KarvonConfig.MediaTopic("04000000", "Economy"));
        assertThat(c.mediaTopics().get("football").uri()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/15054000");
        assertThat(c.mediaTopics().get("books").name()).isEqualTo("literature");
        assertThat(c.site().rightsUrl()).isEqualTo("https://news.example.uz/terms");
        assertThat(c.servedOn(9000).mediaTopics()).isEqualTo(c.mediaTopics());
    }

    @Test
    void mistakesAreReportedWithLineAndColumn() {
        List<String> p = problems("""
                site:
                  rights_url: /terms
                feeds:
                  - {id: y, title: Y, language: ru, profile: yandx}
                  - {id: d, title: D, language: ru, profile: dzen, full_text: false}
                media_topics:
                  economy: "0400"
                  sport: [15000000]
                  books: {name: literature}
                  culture: {code: "01000000", nmae: culture}
                """);
        assertThat(p).containsExactly(
                "feeds.yml:2:15: site.rights_url: expected an absolute http(s) URL, got \"/terms\"",
                "feeds.yml:4:46: feeds[0].profile: unknown profile \"yandx\"; expected one of none, yandex, dzen, google-news (did you mean 'yandex'?)",
                "feeds.yml:5:63: feeds[1].full_text: profile dzen publishes the full text of every item; remove 'full_text: false' or the profile",
                "feeds.yml:7:12: media_topics.economy: \"0400\" is not an IPTC Media Topic code; expected eight digits such as 04000000 (or medtop:04000000, or http://cv.iptc.org/newscodes/mediatopic/04000000)",
                "feeds.yml:8:10: media_topics.sport: expected a single value, got a list",
                "feeds.yml:9:10: missing required key 'media_topics.books.code'",
                "feeds.yml:10:31: unknown key 'media_topics.culture.nmae'; did you mean 'name'?");
    }
}
