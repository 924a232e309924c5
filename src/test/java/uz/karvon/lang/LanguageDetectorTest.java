package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final Set<String> TAGS = Set.of("uz-Latn", "uz-Cyrl", "kaa-Latn", "kaa-Cyrl", "kk", "ky", "tg", "tk",
            "az", "tr", "tt", "ba", "ru", "uk", "be", "en", "de", "fr", "es", "ar", "fa", "ps", "ur", "ug-Arab", "hi",
            "zh-Hans", "zh-Hant", "ja", "ko");
    private static final double OVERALL_FLOOR = 0.95;
    private static final double PER_LANGUAGE_FLOOR = 0.85;
    private static final double HEADLINE_FLOOR = 0.9;

    private final LanguageDetector detector = LanguageDetector.standard();

    @Test
    void accuracyPerLanguageOnTheLabelledSet() throws IOException {
        LanguageEvaluation e = LanguageEvaluation.run(detector, LanguageEvaluation.read("/lang/detect-testset.tsv"));
        String report = e.report() + String.join("\n", e.misses);
        System.out.println(report);
        assertThat(e.byTag.keySet()).containsExactlyInAnyOrderElementsOf(TAGS);
        int total = 0;
        int right = 0;
        int wrong = 0;
        int headlines = 0;
        int headlinesRight = 0;
        for (Map.Entry<String, LanguageEvaluation.Tally> entry : e.byTag.entrySet()) {
            LanguageEvaluation.Tally t = entry.getValue();
            assertThat(t.total).as(entry.getKey() + " sample count").isGreaterThanOrEqualTo(30);
            assertThat((double) t.right / t.total).as(entry.getKey() + "\n" + report).isGreaterThanOrEqualTo(PER_LANGUAGE_FLOOR);
            assertThat(t.wrong()).as(entry.getKey() + ": confident wrong answers\n" + report).isLessThanOrEqualTo(1);
            total += t.total;
            right += t.right;
            wrong += t.wrong();
            headlines += t.headlines;
            headlinesRight += t.headlinesRight;
        }
        assertThat((double) right / total).as(report).isGreaterThanOrEqualTo(OVERALL_FLOOR);
        assertThat((double) wrong / total).as("wrong, not und\n" + report).isLessThan(0.01);
        assertThat((double) headlinesRight / headlines).as("one-line headlines\n" + report).isGreaterThanOrEqualTo(HEADLINE_FLOOR);
    }

    /** Languages outside the list, gibberish and too-short headlines: und with the script, never a language. */
    @Test
    void openWorldSetIsUndWithItsScript() throws IOException {
        List<LanguageEvaluation.Sample> samples = LanguageEvaluation.read("/lang/detect-open-world.tsv");
        LanguageEvaluation e = LanguageEvaluation.run(detector, samples);
        String report = e.report() + String.join("\n", e.misses);
        System.out.println(report);
        long right = e.byTag.values().stream().mapToInt(t -> t.right).sum();
        assertThat((double) right / samples.size()).as(report).isGreaterThanOrEqualTo(0.9);
        // languages with an "other" profile, gibberish and ambiguous headlines: every one
        Set<String> strict = Set.of("hu", "fi", "sv", "ro", "cs", "bg", "sr", "mk", "mn", "ckb", "mr", "ne", "gibberish", "ambiguous");
        for (LanguageEvaluation.Sample s : samples) {
            if (strict.contains(s.kind())) {
                assertThat(detector.identify(s.text()).tag()).as(s.kind() + ": " + s.text()).isEqualTo(s.tag());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // gibberish
        "und-Latn|Xqz vbnmk trwpl zzkq wwhrt bbvc",
        "und-Cyrl|Фываолдж йцукенгшщз ячсмить",
        // Hungarian and Finnish are not languages karvon detects
        "und-Latn|A kormány új lakástámogatási programot jelentett be",
        "und-Latn|Hallitus julkisti uuden asuntotukiohjelman",
        "und-Latn|Kenyérárak emelkednek a boltokban",
        "und-Latn|Helsingin kaupunki rakentaa uuden kirjaston",
        // two words that could be several languages
        "und-Latn|Hotel Internet",
        "und-Cyrl|Интернет магазин",
        // other scripts
        "und-Grek|Η κυβέρνηση ανακοίνωσε νέο πρόγραμμα",
        "und-Hebr|הממשלה הודיעה על תוכנית חדשה",
    })
    void undWhenTheLanguageCannotBeTold(String expected, String text) {
        Detection d = detector.identify(text);
        assertThat(d.tag()).isEqualTo(expected);
        assertThat(d.known()).isFalse();
        assertThat(detector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // names, numbers and Latin brands inside Cyrillic or Arabic text do not flip the answer
        "ru|Тоқаев и Мирзиёев обсудили в Астане торговлю и транспорт",
        "ru|Apple представила новый iPhone 17 Pro Max, продажи начнутся в сентябре",
        "ru|Samsung и LG откроют в Ташкенте сервисные центры",
        "uz-Cyrl|2025 йил 21 июнда Тошкентда 5 та янги мактаб очилди",
        "uz-Cyrl|Chevrolet Cobalt нархи 1 январдан ошади",
        "kk|Tesla компаниясы Алматыда жаңа дүкен ашты",
        "ar|أطلقت شركة Apple هاتف iPhone 17 الجديد في الأسواق",
        "fa|شرکت Samsung گوشی Galaxy S25 را در تهران عرضه کرد",
        "uz-Latn|Toshkentda Coca-Cola zavodi 2026 yilda kengaytiriladi",
        // script-decided languages
        "zh-Hans|国务院发布关于促进经济发展的意见",
        "zh-Hant|國務院發布關於促進經濟發展的意見",
        "ja|東京でニュースを読みました。ありがとうございます。",
        "ko|서울에서 새 지하철 노선이 개통했습니다",
    })
    void languageDespiteNamesNumbersAndBrands(String expected, String text) {
        assertThat(detector.identify(text).tag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'   '|und", "OK|und-Latn", "Салом|und-Cyrl", "2025-06-21 12:00|und",
        "https://kun.uz/news/2025/06/21|und", "!!! ??? ...|und", "中|und-Hani"})
    void tooShortOrNoLettersIsUnd(String text, String expected) {
        Detection d = detector.identify(text);
        assertThat(d.tag()).isEqualTo(expected);
        assertThat(d.confidence()).as("no evidence either way").isZero();
        assertThat(detector.detect(text)).isEmpty();
        assertThat(detector.identify(null).tag()).isEqualTo("und");
    }

    @Test
    void confidenceRunnerUpAndMargin() {
        Detection d = detector.identify("Oʻzbekiston Respublikasi Prezidenti yangi farmon imzoladi");
        assertThat(d.tag()).isEqualTo("uz-Latn");
        assertThat(d.confidence()).isBetween(0.6, 1.0);
        assertThat(d.runnerUp()).isNotNull().isNotEqualTo("uz-Latn");
        assertThat(d.margin()).isBetween(0.3, d.confidence());

        Detection ukOrRu = detector.identify("Зеленський провів нараду з міністрами");
        assertThat(ukOrRu.tag()).isEqualTo("uk");
        Detection und = detector.identify("Hotel Internet");
        assertThat(und.runnerUp()).as("the best guess").isIn(TAGS);
    }

    @Test
    void decisiveLetters() {
        assertThat(detector.identify("Ҳукумат мажлиси бўлиб ўтди").tag()).isEqualTo("uz-Cyrl");
        assertThat(detector.identify("Məktəblərdə yeni dərs ili başladı").tag()).isEqualTo("az");
        assertThat(detector.identify("Ҳукумат ҷаласаи навбатӣ гузаронд").tag()).isEqualTo("tg");
        assertThat(detector.identify("Үкімет отырысы өтті, әкімдер есеп берді").tag()).isEqualTo("kk");
        assertThat(detector.identify("Україна отримає нову партію гуманітарної допомоги").tag()).isEqualTo("uk");
        assertThat(detector.identify("Türkmenistanyň hökümeti täze kanuny kabul etdi").tag()).isEqualTo("tk");
        assertThat(detector.identify("Башҡортостанда яңы мәктәп асылды").tag()).isEqualTo("ba");
    }

    @Test
    void everyAnswerIsACanonicalTag() {
        for (String tag : detector.languages()) {
            assertThat(LangTags.normalize(tag)).as(tag).isEqualTo(tag);
        }
        assertThat(detector.languages()).containsAll(TAGS);
    }

    /** The figures are only honest if no test sentence was used to build a profile. */
    @Test
    void labelledSetsShareNoSentenceWithProfiles() throws IOException {
        StringBuilder profiles = new StringBuilder();
        for (LanguageTable.Language l : LanguageTable.read("/lang/languages.tsv")) {
            profiles.append(UzExceptionDictionary.readAll("/lang/profiles/" + l.tag() + ".txt")).append('\n');
        }
        String all = profiles.toString();
        for (String set : List.of("/lang/detect-testset.tsv", "/lang/detect-open-world.tsv")) {
            for (LanguageEvaluation.Sample s : LanguageEvaluation.read(set)) {
                for (String sentence : s.text().split("(?<=[.!?。۔])\\s*")) {
                    if (sentence.strip().length() > 15) {
                        assertThat(all).as("test sentence copied into a profile").doesNotContain(sentence.strip());
                    }
                }
            }
        }
    }
}
