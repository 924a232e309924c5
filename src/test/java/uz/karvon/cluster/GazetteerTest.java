package uz.karvon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins extend the gazetteer with files of their own; a broken file is refused with its file and line. */
class GazetteerTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> clusters(Gazetteer g, Story... stories) {
        EventClusterer c = new EventClusterer(ClusterSettings.defaults(), g);
        return java.util.Arrays.stream(stories).map(s -> c.add(s).clusterId()).toList();
    }

    @Test
    void anExtraFileAddsPlacesThatKeepTwoEventsApart() throws Exception {
        Instant t = Instant.parse("2026-06-03T01:00:00Z");
        Story chartak = new Story("a", "en", null, t, "Magnitude 4.8 earthquake near Chartak", "The quake was felt across the valley.");
        Story pop = new Story("b", "zh", null, t.plusSeconds(600), "帕普附近发生4.8级地震", "震源深度10公里。");
        // the shipped gazetteer knows neither district: one figure and one topic in common look like one event
        assertThat(clusters(Gazetteer.standard(), chartak, pop)).containsOnly(ClusterIds.of("a"));

        Path extra = file("districts.txt", """
                # two districts of Namangan region
                chartak place in=namangan | en Chartak; Chortoq | uz Chortoq | ru Чартак | zh 恰尔塔克
                pop place in=namangan | en Pop | uz Pop | ru Пап | zh 帕普
                samarkand place | zh 撒马尔干
                """);
        Gazetteer g = Gazetteer.withFiles(List.of(extra));
        assertThat(g.size()).isEqualTo(Gazetteer.standard().size() + 2);
        assertThat(clusters(g, chartak, pop)).doesNotHaveDuplicates();
        // the same id adds a form to a shipped entry
        Story zh = new Story("z", "zh", null, t, "撒马尔干举办丝绸节", "");
        assertThat(new FeatureExtractor(g).extract(zh).anchors()).contains("p:samarkand");
        assertThat(new FeatureExtractor(Gazetteer.standard()).extract(zh).anchors()).doesNotContain("p:samarkand");
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("kind.txt", "\nchartak city | en Chartak\n"))))
                .hasMessage(dir.resolve("kind.txt") + ":2: unknown kind 'city' (expected country, place, org, person or topic)");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("parent.txt", "chartak place in=namangan-region | en Chartak\n"))))
                .hasMessage(dir.resolve("parent.txt") + ":1: in=namangan-region: no such entry");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("clash.txt", "chartak place | ru Ташкент\n"))))
                .hasMessageStartingWith(dir.resolve("clash.txt") + ":1: 'Ташкент' (ru) already names tashkent (gazetteer.txt:");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("form.txt", "chartak place | en Chartak;; Chortoq\n"))))
                .hasMessage(dir.resolve("form.txt") + ":1: empty form in the en group (two ';' in a row?)");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("lang.txt", "chartak place | english Chartak\n"))))
                .hasMessageContaining("lang.txt:1: 'english' is not a BCP 47 language tag");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("loop.txt", "a place in=b | en Aaa\nb place in=a | en Bbb\n"))))
                .hasMessageContaining("loop.txt:1: in= goes round in a circle from a");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(file("kindclash.txt", "tashkent org | en Tashkent city hall\n"))))
                .hasMessageStartingWith(dir.resolve("kindclash.txt") + ":1: tashkent is of kind org here but place at gazetteer.txt:");
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(dir.resolve("missing.txt"))))
                .hasMessage(dir.resolve("missing.txt") + ": no such file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "chartak place | en Chart\u00e1k\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Gazetteer.withFiles(List.of(latin1))).hasMessage(latin1 + ": not UTF-8 text");
    }
}
