package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAndTagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            en-us       | en-US
            ru_RU       | ru-RU
            uz-latn     | uz-Latn
            uz_Cyrl_UZ  | uz-Cyrl-UZ
            ZH-cn       | zh-CN
            ar          | ar
            'ru, en'    | ru
            und         | -
            ''          | -
            """)
    void languageTags(String raw, String expected) {
        assertThat(LanguageTags.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void plainTextDropsMarkupInvisiblesAndNormalisesToNfc() {
        String raw = "  <b>O\u02BBzbekiston</b>\u200B &amp; \u202Eдунё\u00A0\n yangiliklari  e\u0301 ";
        assertThat(TextCleaner.plain(raw, 1000).text()).isEqualTo("O\u02BBzbekiston & дунё yangiliklari \u00E9");
    }

    @Test
    void plainTextCapsLongInputWithoutParsingAllOfIt() {
        TextCleaner.Clean c = TextCleaner.plain("<i>" + "ж".repeat(5_000_000), 1000);
        assertThat(c.text()).hasSize(1000);
        assertThat(c.truncated()).isTrue();
        assertThat(TextCleaner.plain("short", 1000).truncated()).isFalse();
    }

    @Test
    void itemIdsPreferGuidThenLinkThenStableHash() {
        assertThat(ItemIds.choose(" g1 ", "https://x/1", "t", "c")).isEqualTo("g1");
        assertThat(ItemIds.choose("", "https://x/1", "t", "c")).isEqualTo("https://x/1");
        String h = ItemIds.choose(null, null, "Title  here", "body");
        assertThat(h).matches("sha256:[0-9a-f]{32}").isEqualTo(ItemIds.choose(null, " ", "Title here", "body"));
        assertThat(h).isNotEqualTo(ItemIds.choose(null, null, "Title here", "other body"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            https://kun.uz/feed     | /news/1            | https://kun.uz/news/1
            https://kun.uz/a/b/     | ../c               | https://kun.uz/a/c
            https://kun.uz/         | //cdn.kun.uz/i.png | https://cdn.kun.uz/i.png
            https://kun.uz/         | javascript:alert(1)| -
            https://kun.uz/         | data:text/html,x   | -
            https://kun.uz/         | vbscript:x         | -
            https://kun.uz/         | file:///etc/passwd | -
            -                       | /relative          | -
            https://kun.uz/         | mailto:a@kun.uz    | mailto:a@kun.uz
            """)
    void urls(String base, String href, String expected) {
        assertThat(Urls.resolve(base, href)).isEqualTo(expected);
    }
}
