package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.karvon.lang.LanguageDetector;

class LanguageResolverTest {

    private final LanguageResolver resolver = new LanguageResolver(LanguageDetector.standard());

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Oʻzbekiston yangiliklari|Latn", "Ўзбекистон янгиликлари|Cyrl", "أخبار اليوم|Arab", "北京新闻|Hani",
        "Ελληνικά νέα|Grek", "ქართული ამბები|Geor", "東京のニュース ありがとう|NULL", "— 2025 …|NULL", "'  '|NULL"
    })
    void dominantScript(String text, String script) {
        assertThat(LanguageResolver.dominantScript(text)).isEqualTo(script);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "en|Latn", "ru|Cyrl", "uz|Latn", "uz-Cyrl|Cyrl", "zh|Hani", "zh-TW|Hani", "ar|Arab", "sr|Cyrl", "xx|NULL"
    })
    void likelyScriptAlsoWhenRemembered(String tag, String script) {
        assertThat(LanguageResolver.likelyScript(tag)).isEqualTo(script);
        assertThat(LanguageResolver.likelyScript(tag)).isEqualTo(script);
    }

    @Test
    void likelyScriptStaysRightPastTheCacheBound() {
        for (int i = 0; i < 2_500; i++) {
            assertThat(LanguageResolver.likelyScript("sr-x-tag" + i)).isEqualTo("Cyrl");
        }
        assertThat(LanguageResolver.likelyScript("en")).isEqualTo("Latn");
    }

    @Test
    void declaredLanguageWrongForTheScriptIsCorrected() {
        String text = "Тошкентда янги метро бекати очилди. Бекат эртага йўловчиларни қабул қилади.";
        assertThat(resolver.resolve("en", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", "en"));
        assertThat(resolver.resolve("uz", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", null));
        assertThat(resolver.resolve("ru", text)).isEqualTo(new LanguageResolver.Resolution("ru", null));
    }
}
