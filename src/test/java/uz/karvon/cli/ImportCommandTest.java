package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;

/** {@code karvon import} and {@code karvon validate} through {@link Main#run}, with stdout/stderr captured. */
class ImportCommandTest {
    /** ImportCommand uses the system clock, so dates are relative to the real now. */
    static String record(String id, String slug, String title) {
        Instant published = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return "{\"id\":\"" + id + "\",\"lang\":\"ru\",\"translation_key\":\"" + id + "\",\"slug\":\"" + slug + "\","
                + (title == null ? "" : "\"title\":\"" + title + "\",") + "\"published\":\"" + published + "\"}";
    }

    static List<String> storedIds(Path data, String... ids) throws Exception {
        List<String> found = new ArrayList<>();
        try (Database db = Database.open(data)) {
            ArticleStore store = new ArticleStore(db);
            for (String id : ids) if (store.get(id).isPresent()) found.add(id);
        }
        return found;
    }

    @Test
    void ndjsonWithBadLinesStoresTheGoodOnesAndNamesTheBadLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batch.ndjson");
        Files.writeString(file, String.join("\n",
                record("imp-1", "pervaya", "Первая новость"),
                "{\"id\": \"imp-2\", \"lang\": ",
                record("imp-3", "tretya", "Третья новость"),
                record("imp-4", "chetvertaya", null),
                record("imp-5", "pyataya", "Пятая новость"),
                record("imp-6", "shestaya", "Шестая новость") + " " + record("imp-7", "sedmaya", "Седьмая новость")) + "\n",
                StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        Cli.Run r = Cli.run("import", "--data", data.toString(), file.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> errLines = r.err().lines().toList();
        assertThat(errLines).hasSize(3);
        assertThat(errLines.get(0)).startsWith(file + ":2: invalid JSON");
        assertThat(errLines.get(1)).isEqualTo(file + ":4: title: is required (id imp-4)");
        assertThat(errLines.get(2)).isEqualTo(file + ":6: invalid JSON: more than one JSON value on the line; NDJSON holds one record per line");
        assertThat(r.out()).contains("imported 3 article(s), 0 unchanged, 3 problem(s)");
        assertThat(storedIds(data, "imp-1", "imp-2", "imp-3", "imp-4", "imp-5", "imp-6")).containsExactly("imp-1", "imp-3", "imp-5");

        Cli.Run again = Cli.run("import", "--data", data.toString(), file.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("imported 0 article(s), 3 unchanged, 3 problem(s)");
    }

    @Test
    void aJsonArrayFileImportsWithLineNumbersForBadRecords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batch.json");
        Files.writeString(file, "[\n  " + record("arr-1", "massiv-odin", "Массив один") + ",\n  "
                + record("arr-2", "massiv-dva", "Массив два") + ",\n  "
                + record("arr-3", "Bad Slug", "Плохой слаг") + "\n]\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        Cli.Run r = Cli.run("import", "--data", data.toString(), file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith(file + ":4: slug: ");
        assertThat(storedIds(data, "arr-1", "arr-2", "arr-3")).containsExactly("arr-1", "arr-2");

        Path good = dir.resolve("good.json");
        Files.writeString(good, "[" + record("arr-4", "massiv-chetyre", "Массив четыре") + "]", StandardCharsets.UTF_8);
        Cli.Run ok = Cli.run("import", "--data", data.toString(), good.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.err()).isEmpty();
        assertThat(storedIds(data, "arr-4")).containsExactly("arr-4");

        Cli.Run missing = Cli.run("import", "--data", data.toString(), dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    // Regression (found in review, fixed): a file that starts with 64 or more whitespace bytes (e.g. blank lines before the first record) is not
    // imported: ArticleImporter.firstNonSpace pushes the whitespace back into a 64-byte PushbackInputStream.
    // Expected exit 0 and the record stored; actual an IOException ("Push back buffer is full"), nothing stored.
    @Test
    void leadingBlankLinesDoNotBreakTheImport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("padded.ndjson");
        Files.writeString(file, "\n".repeat(70) + record("pad-1", "s-otstupom", "С отступом") + "\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        Cli.Run r = Cli.run("import", "--data", data.toString(), file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(storedIds(data, "pad-1")).containsExactly("pad-1");
    }

    @Test
    void aLongImportPrintsProgressWithDoneTotalRateAndProblems(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 501; i++) {
            lines.append(i == 7 ? "{\"id\": \"broken\"" : record("prog-" + i, "zapis-" + i, "Запись " + i)).append('\n');
        }
        Path file = dir.resolve("long.ndjson");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        long size = Files.size(file);

        Cli.Run r = Cli.run("import", "--progress", "0", "--data", dir.resolve("data").toString(), file.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> progress = r.err().lines().filter(l -> l.startsWith("import: ")).toList();
        // one line after the first batch of 500 (the last batch is followed by the summary instead)
        assertThat(progress).singleElement().asString()
                .matches("import: 500 records · [0-9.]+ KB of " + String.format(java.util.Locale.ROOT, "%.1f", size / 1024.0)
                        + " KB \\(\\d+%\\) · [0-9,]+ records/s · 499 stored, 0 unchanged, 1 problem\\(s\\)( · .* left)?");
        assertThat(r.err()).contains(file + ":7: invalid JSON");
        assertThat(r.out()).contains("imported 500 article(s), 0 unchanged, 1 problem(s) in ");

        Cli.Run quiet = Cli.run("import", "--quiet", "--progress", "0", "--data", dir.resolve("data").toString(), file.toString());
        assertThat(quiet.err().lines().filter(l -> l.startsWith("import: "))).isEmpty();
        assertThat(quiet.out()).contains("imported 0 article(s), 500 unchanged, 1 problem(s)");
    }

    @Test
    void validateAcceptsTheBundledConfig() {
        Cli.Run r = Cli.run("validate", TestKarvon.bundledConfig().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("feeds.yml: ok (13 feeds, 0 sources, 1 partners)");
    }

    @Test
    void validateReportsEveryProblemWithLineAndColumn(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestKarvon.bundledConfig(), StandardCharsets.UTF_8));
        int cms = replace(lines, "  cms_token: {env: KARVON_CMS_TOKEN}", "  cms_token: abc");
        int interval = replace(lines, "  default_interval: 15m", "  default_interval: 5x");
        int uzFeed = indexOf(lines, "  - id: uz");
        int typo = replace(lines, "    language: uz-Latn", "    langauge: uz-Latn");
        int ruFeed = indexOf(lines, "  - id: ru");
        int source = replace(lines, "    description: Новости информационного агентства «Карвон»", "    sources: [tass]");
        int dup = replace(lines, "  - id: en", "  - id: ru");
        Path broken = dir.resolve("feeds.yml");
        Files.write(broken, lines, StandardCharsets.UTF_8);

        Cli.Run r = Cli.run("validate", broken.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> out = r.out().lines().filter(l -> l.startsWith("feeds.yml:")).toList();
        assertThat(out).hasSize(6);
        assertThat(out.get(0)).startsWith("feeds.yml:" + (cms + 1) + ":14: security.cms_token: plain-text secrets are not allowed");
        assertThat(out.get(1)).startsWith("feeds.yml:" + (interval + 1) + ":21: ingest.default_interval: \"5x\" is not an interval");
        assertThat(out.get(2)).startsWith("feeds.yml:" + (uzFeed + 1) + ":5: missing required key 'feeds[0].language'");
        assertThat(out.get(3)).isEqualTo("feeds.yml:" + (typo + 1) + ":5: unknown key 'feeds[0].langauge'; did you mean 'language'?");
        assertThat(out.get(4)).startsWith("feeds.yml:" + (source + 1) + ":15: feeds[2].sources: no source with id 'tass'");
        assertThat(out.get(5)).isEqualTo("feeds.yml:" + (dup + 1) + ":9: feeds[3].id: duplicate feed id 'ru' (first defined on line " + (ruFeed + 1) + ")");
        assertThat(r.out()).contains(broken + ": 6 problem(s)");
        assertThat(r.out()).doesNotContain("abc\"").doesNotContain(": abc");
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).equals(prefix) || lines.get(i).startsWith(prefix + " ")) return i;
        throw new AssertionError("no line starting with " + prefix);
    }

    private static int replace(List<String> lines, String prefix, String with) {
        int i = indexOf(lines, prefix);
        lines.set(i, with);
        return i;
    }
}
