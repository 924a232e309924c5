package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code karvon parse}: one JSON Feed 1.1 line per input, in input order, errors in place. Run as its own process,
 * since it writes to the real standard output (and must notice when that goes away or fills up).
 */
class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/ingest/parse");

    static ProcessBuilder karvon(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static Cli.Run run(String... args) throws Exception {
        Process p = karvon(args).start();
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("karvon parse finished").isTrue();
            return new Cli.Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) nodes.add(JSON.readTree(line));
        return nodes;
    }

    @Test
    void printsOneNormalizedFeedPerInputInOrderWithErrorsInPlace(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.copy(FIXTURES.resolve("koi8r.xml"), folder.resolve("b.xml"));
        Files.copy(FIXTURES.resolve("jsonfeed-11.json"), folder.resolve("a.json"));
        String missing = dir.resolve("missing.xml").toString();

        Cli.Run r = run("parse", FIXTURES.resolve("rss10-rdf.xml").toString(), FIXTURES.resolve("not-a-feed.xml").toString(),
                folder.toString(), missing, FIXTURES.resolve("html-page.html").toString());

        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(6);   // the folder stands for its two files, sorted by name

        JsonNode rdf = out.get(0);
        assertThat(rdf.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(rdf.path("title").asText()).isEqualTo("RDF 频道");
        assertThat(rdf.path("home_page_url").asText()).isEqualTo("https://rdf.example.cn/");
        assertThat(rdf.path("language").asText()).isEqualTo("zh-CN");
        JsonNode item = rdf.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("https://rdf.example.cn/1");
        assertThat(item.path("title").asText()).isEqualTo("经济新闻");
        assertThat(item.path("content_html").asText()).isEqualTo("<b>正文</b>");
        assertThat(item.path("content_text").asText()).isEqualTo("正文");
        assertThat(item.path("date_published").asText()).isEqualTo("2025-06-21T04:22:00Z");
        assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("王伟");
        assertThat(item.path("tags").get(0).asText()).isEqualTo("经济");

        assertThat(out.get(1).path("_karvon").path("input").asText()).endsWith("not-a-feed.xml");
        assertThat(out.get(1).path("_karvon").path("error").asText()).contains("is not rss, rdf, atom or cdf");
        assertThat(out.get(2).path("items").size()).isPositive();          // a.json
        assertThat(out.get(3).path("items").get(0).path("title").asText()).isEqualTo("Правительство объявило");   // b.xml, KOI8-R
        assertThat(out.get(4).path("_karvon").path("input").asText()).isEqualTo(missing);
        assertThat(out.get(4).path("_karvon").path("error").asText()).isEqualTo("no such file");
        assertThat(out.get(5).path("_karvon").path("error").asText()).endsWith("html page, not a feed (advertises: https://kun.uz/atom.xml)");

        assertThat(r.err().lines()).containsExactly(
                "karvon parse: " + FIXTURES.resolve("not-a-feed.xml") + ": " + out.get(1).path("_karvon").path("error").asText(),
                "karvon parse: " + missing + ": no such file",
                "karvon parse: " + FIXTURES.resolve("html-page.html") + ": " + out.get(5).path("_karvon").path("error").asText());
    }

    @Test
    void fetchesUrlsThroughTheSameCodeAndExitsZeroWhenAllParse() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder()
                    .body("<rss version=\"2.0\"><channel><title>Kun</title><item><title>Yangilik</title>"
                            + "<link>/uz/1</link><description>&lt;img src=x onerror=alert(1)&gt;matn</description></item></channel></rss>")
                    .addHeader("Content-Type", "application/rss+xml; charset=utf-8").build());
            String url = server.url("/feed.rss").toString();

            Cli.Run r = run("parse", "--language", "uz-Latn", url);

            assertThat(r.exit()).isZero();
            assertThat(r.err()).isEmpty();
            JsonNode feed = lines(r.out()).get(0);
            JsonNode item = feed.path("items").get(0);
            assertThat(item.path("url").asText()).isEqualTo(server.url("/uz/1").toString());
            assertThat(item.path("content_html").asText()).isEqualTo("<img src=\"" + server.url("/uz/x") + "\">matn");
            assertThat(item.path("language").asText()).isEqualTo("uz-Latn");
        }
    }

    @Test
    void relativeLinksResolveAgainstContentLocationAndBaseUrl(@TempDir Path dir) throws Exception {
        String body = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><link>item/7</link></item></channel></rss>";
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().body(body).addHeader("Content-Type", "application/rss+xml")
                    .addHeader("Content-Location", "/archive/2025/feed.xml").build());
            Cli.Run r = run("parse", server.url("/feed.rss").toString());
            assertThat(lines(r.out()).get(0).path("items").get(0).path("url").asText())
                    .isEqualTo(server.url("/archive/2025/item/7").toString());
        }
        Path saved = Files.writeString(dir.resolve("saved.xml"), body);
        Cli.Run file = run("parse", "--base-url", "https://kun.uz/rss/uz", saved.toString());
        assertThat(lines(file.out()).get(0).path("items").get(0).path("url").asText()).isEqualTo("https://kun.uz/rss/item/7");
        Cli.Run bad = run("parse", "--base-url", "ftp://x", saved.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Invalid value for option '--base-url': 'ftp://x' is not an absolute http(s) URL");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsRead() throws Exception {
        String feed = FIXTURES.resolve("rss10-rdf.xml").toString();
        Cli.Run lang = run("parse", "--language", "bad tag!", feed);
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.out()).isEmpty();
        assertThat(lang.err()).startsWith("Invalid value for option '--language': 'bad tag!' is not a BCP 47 language tag");

        Cli.Run zone = run("parse", "--timezone", "Mars/Base", feed);
        assertThat(zone.exit()).isEqualTo(2);
        assertThat(zone.err()).startsWith("Invalid value for option '--timezone'");
    }

    @Test
    void aReaderThatStopsEarlyEndsItQuietly() throws Exception {
        Path folder = FIXTURES.toAbsolutePath();
        Process head = karvon("parse", folder.toString(), folder.toString(), folder.toString()).start();
        try {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(head.getErrorStream()));
            assertThat(head.getInputStream().readNBytes(100)).hasSize(100);
            head.getInputStream().close();   // like `| head -c 100`
            assertThat(head.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(head.exitValue()).isEqualTo(141);
            assertThat(err.get(10, TimeUnit.SECONDS)).doesNotContain("Exception").doesNotContain("cannot write");
        } finally {
            head.destroyForcibly();
        }
    }

    @Test
    void aFullDiskIsAnErrorWithExitCodeOne() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Process full = karvon("parse", FIXTURES.resolve("rss10-rdf.xml").toString()).redirectOutput(new File("/dev/full")).start();
        try {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(full.getErrorStream()));
            assertThat(full.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(full.exitValue()).isEqualTo(1);
            assertThat(err.get(10, TimeUnit.SECONDS)).isEqualTo("karvon parse: cannot write to standard output: No space left on device\n");
        } finally {
            full.destroyForcibly();
        }
    }
}
