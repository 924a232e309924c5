package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.SourcesOpml;
import uz.karvon.server.TestKarvon;

/** {@code karvon sources import-opml} / {@code export-opml} on real files: comments kept, result validated first. */
class SourcesCommandTest {
    @TempDir
    Path dir;

    static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Reader export</title></head><body>
              <outline text="Uzbekistan">
                <outline type="rss" text="Oʻzbekiston Milliy axborot agentligi" xmlUrl="https://uza.uz/uz/rss" language="uz-Latn"/>
                <outline type="rss" text="Газета.uz: новости" title="Газета.uz: новости" xmlUrl="https://www.gazeta.uz/ru/rss/"/>
                <outline type="rss" title="Газета.uz: новости" xmlUrl="https://www.gazeta.uz/ru/rss/?page=2" language="not a tag!"/>
              </outline>
              <outline type="rss" xmlUrl="https://kun.uz/news/rss"/>
              <outline type="link" text="Just a page" url="https://example.org/"/>
            </body></opml>
            """;

    private Path opml(String text) throws Exception {
        return Files.writeString(dir.resolve("in.opml"), text, StandardCharsets.UTF_8);
    }

    private static KarvonConfig load(Path config) throws Exception {
        return new ConfigLoader(Map.of()).load(config);
    }

    @Test
    void importAppendsToTheBundledFileKeepingEveryLineAndComment() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        List<String> before = Files.readAllLines(config);
        Cli.Run run = Cli.run("sources", "import-opml", opml(OPML).toString(), "--config", config.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("added 4 source(s)");
        assertThat(run.err()).contains("in.opml:6: outline \"Газета.uz: новости\": language \"not a tag!\" is not a BCP 47 tag");

        List<String> after = Files.readAllLines(config);
        // every old line is still there, in order; only "sources: []" lost its brackets
        List<String> kept = new ArrayList<>(after);
        for (String line : before) {
            String expected = line.equals("sources: []") ? "sources:" : line;
            int at = kept.indexOf(expected);
            assertThat(at).as("kept: " + line).isGreaterThanOrEqualTo(0);
            kept = kept.subList(at + 1, kept.size());
        }
        KarvonConfig cfg = load(config);
        assertThat(cfg.sources()).extracting(KarvonConfig.SourceSpec::id)
                .containsExactly("ozbekiston-milliy-axborot-agentligi", "gazeta-uz-novosti", "gazeta-uz-novosti-2", "kun-uz");
        KarvonConfig.SourceSpec uza = cfg.sources().get(0);
        assertThat(uza.title()).isEqualTo("Oʻzbekiston Milliy axborot agentligi");
        assertThat(uza.url().toString()).isEqualTo("https://uza.uz/uz/rss");
        assertThat(uza.language()).isEqualTo("uz-Latn");
        assertThat(cfg.sources().get(1).title()).isEqualTo("Газета.uz: новости");
        assertThat(cfg.sources().get(2).language()).isNull();
        assertThat(cfg.warnings()).anyMatch(w -> w.startsWith("source 'kun-uz' is used by no feed"));

        // a second import of the same file adds nothing and leaves the file as it is
        String text = Files.readString(config);
        Cli.Run again = Cli.run("sources", "import-opml", dir.resolve("in.opml").toString(), "--config", config.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("no new sources", "skipped (already a source): https://kun.uz/news/rss");
        assertThat(Files.readString(config)).isEqualTo(text);

        // export: the same four, readable by the importer
        Cli.Run export = Cli.run("sources", "export-opml", "--config", config.toString());
        assertThat(export.exit()).isZero();
        SourcesOpml.Read read = SourcesOpml.read("out.opml", export.out().getBytes(StandardCharsets.UTF_8));
        assertThat(read.outlines()).extracting(SourcesOpml.Outline::url).containsExactly("https://uza.uz/uz/rss",
                "https://www.gazeta.uz/ru/rss/", "https://www.gazeta.uz/ru/rss/?page=2", "https://kun.uz/news/rss");
        assertThat(read.outlines().get(0).language()).isEqualTo("uz-Latn");
        assertThat(read.errors()).isEmpty();
    }

    @Test
    void aBlockListGrowsAfterItsLastItemInItsOwnIndentation() throws Exception {
        String original = """
                # my agency
                sources:
                    -   id: first     # the first one
                        title: First
                        url: https://first.example/rss
                # partners follow
                feeds:
                  - id: all
                    title: All
                    language: all
                    sources: [first]
                """;
        Path config = Files.writeString(dir.resolve("feeds.yml"), original);
        Cli.Run run = Cli.run("sources", "import-opml", opml(OPML).toString(), "--config", config.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(config);
        assertThat(text).startsWith("""
                # my agency
                sources:
                    -   id: first     # the first one
                        title: First
                        url: https://first.example/rss
                    -   id: ozbekiston-milliy-axborot-agentligi
                        title: Oʻzbekiston Milliy axborot agentligi
                        url: https://uza.uz/uz/rss
                        language: uz-Latn
                """);
        assertThat(text).endsWith("""
                        url: https://kun.uz/news/rss
                # partners follow
                feeds:
                  - id: all
                    title: All
                    language: all
                    sources: [first]
                """);
        assertThat(load(config).sources()).hasSize(5);
    }

    @Test
    void nothingIsWrittenWhenTheOpmlOrTheResultIsInvalid() throws Exception {
        Path config = TestKarvon.copyBundled(dir);
        String before = Files.readString(config);
        Cli.Run notXml = Cli.run("sources", "import-opml", opml("<opml><body><outline xmlUrl='x'").toString(), "--config", config.toString());
        assertThat(notXml.exit()).isEqualTo(1);
        assertThat(notXml.err()).contains("in.opml:1:1: opml: not well-formed XML", "nothing was written");

        Cli.Run badUrl = Cli.run("sources", "import-opml", opml("""
                <opml version="2.0"><body>
                <outline text="Good" xmlUrl="https://good.example/rss"/>
                <outline text="Bad" xmlUrl="javascript:alert(1)"/>
                </body></opml>""").toString(), "--config", config.toString());
        assertThat(badUrl.exit()).isEqualTo(1);
        assertThat(badUrl.err()).contains("in.opml:3: outline \"Bad\": xmlUrl \"javascript:alert(1)\" is not an absolute http(s) URL",
                "nothing was written");
        assertThat(Files.readString(config)).isEqualTo(before);

        Cli.Run skip = Cli.run("sources", "import-opml", dir.resolve("in.opml").toString(), "--config", config.toString(), "--skip-invalid");
        assertThat(skip.exit()).isZero();
        assertThat(load(config).sources()).extracting(KarvonConfig.SourceSpec::id).containsExactly("good");

        Path flow = Files.writeString(dir.resolve("flow.yml"), "sources: [{id: a, url: 'https://a.example/'}]\n");
        Cli.Run flowStyle = Cli.run("sources", "import-opml", opml(OPML).toString(), "--config", flow.toString());
        assertThat(flowStyle.exit()).isEqualTo(1);
        assertThat(flowStyle.err()).contains("flow.yml:1:10: sources: written in flow style");

        // the result must load: a file that was already broken is not made worse
        Path broken = Files.writeString(dir.resolve("broken.yml"), "site:\n  titel: x\nsources: []\n");
        Cli.Run brokenRun = Cli.run("sources", "import-opml", opml(OPML).toString(), "--config", broken.toString());
        assertThat(brokenRun.exit()).isEqualTo(1);
        assertThat(brokenRun.err()).contains("broken.yml:2:3: unknown key 'site.titel'");
        assertThat(Files.readString(broken)).isEqualTo("site:\n  titel: x\nsources: []\n");
    }
}
