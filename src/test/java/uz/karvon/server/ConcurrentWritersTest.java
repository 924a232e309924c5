package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.cli.Main;

/**
 * One data folder, three writers at once: the running server's CMS API, its own ingestion of a source, and an
 * {@code import} in another process (SQLite's one-writer lock across processes). Every write waits its turn:
 * nothing fails, every record is stored exactly once.
 */
class ConcurrentWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMPORTED = 150, CMS_THREADS = 4, CMS_EACH = 25, ROUNDS = 5, ITEMS_PER_ROUND = 10;

    @TempDir
    Path dir;

    @Test
    void serverCmsIngestionAndAnImportProcessWriteOneDatabaseAtOnce() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path feedFile = drop.resolve("wire.xml");
        Files.writeString(feedFile, rss(0), StandardCharsets.UTF_8);
        Path config = Files.writeString(dir.resolve("feeds.yml"), """
                server:
                  public_requests_per_minute: 100000
                security:
                  cms_token: {env: KARVON_CMS_TOKEN}
                  admin_token: {env: KARVON_ADMIN_TOKEN}
                ingest:
                  drop_folders: [drop]
                sources:
                  - id: wire
                    url: %s
                    language: en
                feeds:
                  - id: en
                    title: English
                    language: en
                    sources: [wire]
                """.formatted(feedFile.toUri()), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        Instant published = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder ndjson = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < IMPORTED; i++) {
            ndjson.append(article("imp-" + i, published)).append('\n');
            expected.add("imp-" + i);
        }
        Path importFile = Files.writeString(dir.resolve("batch.ndjson"), ndjson, StandardCharsets.UTF_8);

        Map<String, String> env = Map.of("KARVON_CMS_TOKEN", "cms", "KARVON_ADMIN_TOKEN", "adm");
        try (KarvonServer server = KarvonServer.start(new KarvonServer.Options(config, data, 0, "127.0.0.1",
                Clock.systemUTC(), env, false, false))) {
            String base = TestKarvon.base(server);
            TestKarvon.Http http = new TestKarvon.Http();
            awaitAttempt(http, base, null); // the first poll at start

            Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "import", "--data", data.toString(), importFile.toString())
                    .redirectOutput(dir.resolve("import.out").toFile()).redirectError(dir.resolve("import.err").toFile()).start();
            ExecutorService pool = Executors.newFixedThreadPool(CMS_THREADS + 1);
            try {
                // the server's writers start once the import is writing
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (articles(http, base) == 0 && importer.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
                List<Future<List<String>>> jobs = new ArrayList<>();
                for (int t = 0; t < CMS_THREADS; t++) {
                    int thread = t;
                    for (int i = 0; i < CMS_EACH; i++) expected.add("cms-" + thread + "-" + i);
                    jobs.add(pool.submit(() -> {
                        List<String> failed = new ArrayList<>();
                        for (int i = 0; i < CMS_EACH; i++) {
                            String id = "cms-" + thread + "-" + i;
                            HttpResponse<byte[]> r = http.post(base + "/api/articles", article(id, published),
                                    "Authorization", "Bearer cms");
                            if (r.statusCode() != 201) failed.add(id + ": HTTP " + r.statusCode() + " " + TestKarvon.Http.text(r));
                        }
                        return failed;
                    }));
                }
                jobs.add(pool.submit(() -> { // the server's own ingestion: a changed feed file polled again and again
                    List<String> failed = new ArrayList<>();
                    for (int round = 1; round <= ROUNDS; round++) {
                        String before = source(http, base).path("last_attempt").asText();
                        Files.writeString(feedFile, rss(round), StandardCharsets.UTF_8);
                        http.post(base + "/api/sources/wire/refresh", "", "Authorization", "Bearer adm");
                        JsonNode st = awaitAttempt(http, base, before);
                        if (st.has("last_error")) failed.add("round " + round + ": " + st.path("last_error").asText());
                    }
                    return failed;
                }));
                List<String> failures = new ArrayList<>();
                for (Future<List<String>> f : jobs) failures.addAll(f.get(120, TimeUnit.SECONDS));
                assertThat(importer.waitFor(120, TimeUnit.SECONDS)).as("import finished").isTrue();
                String out = Files.readString(dir.resolve("import.out")), err = Files.readString(dir.resolve("import.err"));
                assertThat(importer.exitValue()).as(out + err).isZero();
                assertThat(out).contains("imported " + IMPORTED + " article(s), 0 unchanged, 0 problem(s)");
                assertThat(failures).as("failed CMS requests and polls").isEmpty();
            } finally {
                pool.shutdownNow();
                importer.destroyForcibly();
            }

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("karvon.db"));
                 Statement s = c.createStatement()) {
                assertThat(column(s, "SELECT id FROM article")).as("every article exactly once")
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(column(s, "SELECT original_id FROM source_item"))
                        .hasSize((ROUNDS + 1) * ITEMS_PER_ROUND).doesNotHaveDuplicates();
            }
        }
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static String article(String id, Instant published) {
        return JSON.createObjectNode().put("id", id).put("lang", "en").put("translation_key", id).put("slug", id)
                .put("title", "Story " + id).put("summary", "Summary of " + id).put("published", published.toString()).toString();
    }

    /** A feed of the items of rounds 0..round, {@link #ITEMS_PER_ROUND} new ones each round. */
    private static String rss(int round) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < (round + 1) * ITEMS_PER_ROUND; i++) {
            items.append("<item><guid isPermaLink=\"false\">w-").append(i).append("</guid><title>Wire story number ").append(i)
                    .append("</title><link>https://wire.example/").append(i).append("</link><description>Text of wire story ")
                    .append(i).append(" in plain words.</description><pubDate>Fri, 27 Nov 2026 0").append(i % 10)
                    .append(":00:00 +0000</pubDate></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>https://wire.example/</link><description>Wire</description>" + items + "</channel></rss>";
    }

    private static long articles(TestKarvon.Http http, String base) throws Exception {
        return JSON.readTree(http.get(base + "/health").body()).path("database").path("articles").asLong();
    }

    private static JsonNode source(TestKarvon.Http http, String base) throws Exception {
        return JSON.readTree(http.get(base + "/api/sources", "Authorization", "Bearer adm").body()).path("sources").get(0);
    }

    /** Waits (bounded) until the source's last attempt is newer than {@code before}. */
    private static JsonNode awaitAttempt(TestKarvon.Http http, String base, String before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode st = source(http, base);
            String attempt = st.path("last_attempt").asText("");
            if (!attempt.isEmpty() && !attempt.equals(before)) return st;
            Thread.sleep(20);
        }
        throw new AssertionError("the source was not polled again");
    }
}
