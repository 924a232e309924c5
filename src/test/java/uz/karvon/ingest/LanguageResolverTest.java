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
        assertThat(resolver.resolve("en", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", "en", "uz-Cyrl"));
        assertThat(resolver.resolve("uz", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", null, "uz-Cyrl"));
        // same script, but unmistakably another language the detector knows: corrected too (issue 17)
        assertThat(resolver.resolve("ru", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", "ru", "uz-Cyrl"));
        assertThat(resolver.resolve("uz-Cyrl", text)).isEqualTo(new LanguageResolver.Resolution("uz-Cyrl", null, "uz-Cyrl"));
    }

    @Test
    void declaredLanguageIsKeptWhenDetectionCannotTell() {
        // Hungarian: detection says und-Latn, the feed's own word stands
        String hungarian = "A kormány új lakástámogatási programot jelentett be";
        assertThat(resolver.resolve("hu", hungarian)).isEqualTo(new LanguageResolver.Resolution("hu", null, "und-Latn"));
        // too short to tell ru from uk: the declared ru stays
        assertThat(resolver.resolve("ru", "Интернет магазин")).isEqualTo(new LanguageResolver.Resolution("ru", null, "und-Cyrl"));
        // a declared language detection does not know is never overridden within its script
        assertThat(resolver.resolve("sr", "Цена јаја поново порасла у продавницама").tag()).isEqualTo("sr");
        // nothing declared, nothing detected: no language
        assertThat(resolver.resolve(null, hungarian)).isEqualTo(new LanguageResolver.Resolution(null, null, "und-Latn"));
        assertThat(resolver.resolve(null, "Зеленський провів нараду з міністрами оборони"))
                .isEqualTo(new LanguageResolver.Resolution("uk", null, "uk"));
    }

    @Test
    void reportSaysWhatWasCorrectedKeptOrLeftWithoutLanguage() {
        LanguageResolver.Report report = new LanguageResolver.Report();
        assertThat(report.note()).isNull();
        report.add(resolver.resolve("ru", "Правительство объявило новые меры поддержки малого бизнеса"));
        assertThat(report.note()).as("nothing to say about a declared language that matches").isNull();
        report.add(resolver.resolve("en", "Тошкентда янги метро бекати очилди. Бекат эртага йўловчиларни қабул қилади."));
        report.add(resolver.resolve("hu", "A kormány új lakástámogatási programot jelentett be"));
        report.add(resolver.resolve("hu", "Emelkedik a tanárok fizetése szeptembertől"));
        report.add(resolver.resolve(null, "Hallitus julkisti uuden asuntotukiohjelman"));
        assertThat(report.note()).isEqualTo("declared language en does not match the text; detected uz-Cyrl (1 of 5 items); "
                + "language not recognised from the text of 2 of 5 items; kept the declared hu (detection: und-Latn); "
                + "1 of 5 items have no language: none declared and not recognised from the text (und-Latn)");
    }
}
