package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code karvon cluster}: JSON lines in, one cluster id per line out, in order. */
class ClusterCommandTest {

    private static final String RATE_UZ = "{\"id\":\"a\",\"lang\":\"uz-Latn\",\"source\":\"kun\",\"published\":\"2026-06-11T15:10:00+05:00\","
            + "\"title\":\"Markaziy bank asosiy stavkani 14 foizda saqlab qoldi\",\"summary\":\"Keyingi yigʻilish 23-iyulda.\"}";
    private static final String RATE_RU = "{\"id\":\"b\",\"lang\":\"ru\",\"source\":\"gazeta\",\"published\":\"2026-06-11T15:25:00+05:00\","
            + "\"title\":\"ЦБ Узбекистана сохранил основную ставку на уровне 14%\",\"summary\":\"Следующее заседание — 23 июля.\"}";
    private static final String RATE_KZ = "{\"id\":\"c\",\"lang\":\"en\",\"published\":\"2026-06-11T16:00:00+05:00\","
            + "\"title\":\"Kazakhstan central bank holds base rate at 16.5%\"}";
    private static final String RATE_ZH = "{\"id\":\"d\",\"lang\":\"zh\",\"published\":\"2026-06-11T19:30:00+05:00\","
            + "\"title\":\"乌兹别克斯坦央行维持基准利率14%不变\",\"event\":\"gold labels and other fields are ignored\"}";

    @Test
    void printsOneClusterIdPerLineInOrder() {
        Cli.Run r = Cli.runWithInput(String.join("\n", RATE_UZ, RATE_RU, RATE_KZ, RATE_ZH) + "\n", "cluster");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<String> ids = r.out().lines().toList();
        assertThat(ids).hasSize(4);
        assertThat(ids.get(0)).matches("[a-z2-7]{16}");
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
        assertThat(ids.get(3)).isEqualTo(ids.get(0));
    }

    @Test
    void explainNamesTheStoryMatched() {
        Cli.Run r = Cli.runWithInput(RATE_UZ + "\n" + RATE_RU + "\n", "cluster", "--explain");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).endsWith("\t-\t0.000");
        assertThat(lines.get(1)).startsWith(lines.get(0).split("\t")[0] + "\ta\t");
    }

    @Test
    void badLinesAreNamedAndTheRestIsStillClustered() {
        String input = String.join("\n",
                RATE_UZ,
                "{\"id\":\"x\",\"lang\":\"ru\",\"title\":\"нет даты\"}",
                "not json at all",
                "",
                "{\"id\":\"y\",\"lang\":\"ru\",\"published\":\"11.06.2026\",\"title\":\"дата не та\"}",
                "{\"id\":\"z\",\"lang\":\"ru\",\"published\":\"2026-06-11T15:00:00Z\",\"title\":[\"массив\"]}",
                "{\"id\":\"w\",\"lang\":\"klingon-!\",\"published\":\"2026-06-11T15:00:00Z\",\"title\":\"t\"}",
                RATE_RU) + "\n";
        Cli.Run r = Cli.runWithInput(input, "cluster");
        assertThat(r.exit()).isEqualTo(1);
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(8);
        assertThat(out.get(7)).isEqualTo(out.get(0)).isNotEmpty();
        assertThat(out.subList(1, 7)).containsOnly("");
        assertThat(r.err().lines().toList()).containsExactly(
                "karvon cluster: line 2: field \"published\": missing (required: id, published, title)",
                "karvon cluster: line 3: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "karvon cluster: line 5: field \"published\": expected an RFC 3339 date-time with offset such as 2026-06-21T09:30:00+05:00, got \"11.06.2026\"",
                "karvon cluster: line 6: field \"title\": expected a string, got an array",
                "karvon cluster: line 7: field \"lang\": expected a BCP 47 language tag (uz-Latn, uz-Cyrl, ru, en, zh, ar …), got \"klingon-!\"");
    }

    @Test
    void aGazetteerFileExtendsTheShippedOneAndABrokenOneIsRefused(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("extra.txt");
        Files.writeString(ok, "chartak place in=namangan | en Chartak | zh 恰尔塔克\n", StandardCharsets.UTF_8);
        Cli.Run r = Cli.runWithInput(RATE_UZ + "\n", "cluster", "--gazetteer", ok.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1);

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "chartak town | en Chartak\n", StandardCharsets.UTF_8);
        Cli.Run refused = Cli.runWithInput(RATE_UZ + "\n", "cluster", "--gazetteer", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("karvon cluster: gazetteer " + bad + ":1: unknown kind 'town' (expected country, place, org, person or topic)\n");
    }

    @Test
    void theWindowIsCheckedAndApplied() {
        String later = RATE_RU.replace("2026-06-11T15:25:00+05:00", "2026-06-12T15:25:00+05:00");
        Cli.Run wide = Cli.runWithInput(RATE_UZ + "\n" + later + "\n", "cluster", "--window", "2d");
        Cli.Run narrow = Cli.runWithInput(RATE_UZ + "\n" + later + "\n", "cluster", "--window", "12h");
        assertThat(wide.out().lines().distinct().count()).isEqualTo(1);
        assertThat(narrow.out().lines().distinct().count()).isEqualTo(2);

        Cli.Run bad = Cli.runWithInput("", "cluster", "--window", "soon");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Invalid value for option '--window': expected a number with a unit, e.g. 90s, 15m, 1h30m, 2d");
    }
}
