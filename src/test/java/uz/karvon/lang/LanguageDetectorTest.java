package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final List<String> TAGS =
            List.of("uz-Latn", "uz-Cyrl", "ru", "en", "zh", "ar", "tr", "az", "kk", "tg", "ky");
    private static final double OVERALL_FLOOR = 0.95;
    private static final double PER_LANGUAGE_FLOOR = 0.85;

    private final LanguageDetector detector = LanguageDetector.standard();

    record Sample(String tag, String text) {
    }

    static List<Sample> testSet() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String line : lines("/lang/detect-testset.tsv")) {
            String[] f = line.split("\t", 2);
            out.add(new Sample(f[0], f[1]));
        }
        return out;
    }

    @Test
    void accuracyPerLanguageAndOverall() throws IOException {
        Map<String, int[]> byTag = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int correct = 0;
        List<Sample> samples = testSet();
        for (Sample s : samples) {
            Optional<Detection> d = detector.detect(s.text());
            boolean ok = d.isPresent() && d.get().tag().equals(s.tag());
            int[] c = byTag.computeIfAbsent(s.tag(), k -> new int[2]);
            c[1]++;
            if (ok) {
                c[0]++;
                correct++;
            } else {
                errors.add(s.tag() + " -> " + d.map(x -> x.tag() + String.format(Locale.ROOT, " %.2f", x.confidence()))
                        .orElse("(none)") + " : " + s.text());
            }
        }
        StringBuilder report = new StringBuilder("language detection accuracy\n");
        byTag.forEach((tag, c) -> report.append(String.format(Locale.ROOT, "  %-8s %3d/%3d  %6.1f%%%n",
                tag, c[0], c[1], 100.0 * c[0] / c[1])));
        double overall = (double) correct / samples.size();
        report.append(String.format(Locale.ROOT, "  overall  %3d/%3d  %6.1f%%%n", correct, samples.size(), 100 * overall));
        errors.forEach(e -> report.append("  miss: ").append(e).append('\n'));
        System.out.print(report);

        assertThat(byTag.keySet()).containsAll(TAGS);
        byTag.forEach((tag, c) -> assertThat(c[1]).as(tag + " sample count").isGreaterThanOrEqualTo(25));
        assertThat(overall).as(report.toString()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
        byTag.forEach((tag, c) -> assertThat((double) c[0] / c[1]).as(tag + "\n" + report)
                .isGreaterThanOrEqualTo(PER_LANGUAGE_FLOOR));
    }

    /** The figure is only honest if no test sentence was used to build a profile. */
    @Test
    void testSetSharesNoSentenceWithProfiles() throws IOException {
        StringBuilder profiles = new StringBuilder();
        for (String tag : List.of("uz-Latn", "uz-Cyrl", "ru", "en", "zh", "ar", "tr", "az", "kk", "tg", "ky")) {
            profiles.append(String.join("\n", lines("/lang/profiles/" + tag + ".txt"))).append('\n');
        }
        String all = profiles.toString();
        for (Sample s : testSet()) {
            for (String sentence : s.text().split("(?<=[.!?。])\\s*")) {
                if (sentence.strip().length() > 15) {
                    assertThat(all).as("test sentence copied into a profile").doesNotContain(sentence.strip());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL", "''", "'   '", "OK", "Салом", "2025-06-21 12:00", "https://kun.uz/news/2025/06/21", "!!! ??? ..."
    })
    void tooShortOrNoLettersIsEmpty(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void confidenceIsAProbability() {
        Detection d = detector.detect("Oʻzbekiston Respublikasi Prezidenti yangi farmon imzoladi").orElseThrow();
        assertThat(d.tag()).isEqualTo("uz-Latn");
        assertThat(d.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void decisiveLetters() {
        assertThat(detector.detect("Ҳукумат мажлиси бўлиб ўтди").map(Detection::tag)).contains("uz-Cyrl");
        assertThat(detector.detect("Məktəblərdə yeni dərs ili başladı").map(Detection::tag)).contains("az");
        assertThat(detector.detect("Ҳукумат ҷаласаи навбатӣ гузаронд").map(Detection::tag)).contains("tg");
        assertThat(detector.detect("Үкімет отырысы өтті, әкімдер есеп берді").map(Detection::tag)).contains("kk");
    }

    @Test
    void japaneseIsNotChinese() {
        assertThat(detector.detect("東京でニュースを読みました。ありがとうございます。")).isEmpty();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        }
    }
}
