package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.ReloadResult;
import uz.karvon.config.ReloadResult.Outcome;

/**
 * feeds.yml edited under a running server: real file writes, the watcher's look at the file driven by hand
 * ({@link ConfigReloader#tick}) with a fake clock, so settling takes no real time.
 */
class ConfigReloaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("KARVON_ADMIN_TOKEN", "adm", "KARVON_CMS_TOKEN", "cms",
            "KARVON_DEMO_PARTNER_KEY", "pk");

    @TempDir
    Path dir;
    Path config;
    String original;
    TestKarvon.MutableClock clock;
    KarvonServer server;
    ConfigReloader reloader;
    String base;
    TestKarvon.Http http = new TestKarvon.Http();

    @BeforeEach
    void start() throws Exception {
        config = TestKarvon.copyBundled(dir);
        original = Files.readString(config);
        clock = new TestKarvon.MutableClock(TestKarvon.T0);
        server = TestKarvon.start(config, dir.resolve("data"), ENV, clock, false);
        reloader = server.reloader();
        base = TestKarvon.base(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void settingsReadOnceAtStartAreReportedWhenAnEditChangesThem() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of());
        KarvonConfig running = loader.load(TestKarvon.write(dir, "a.yml", original));
        assertThat(ConfigReloader.needsRestart(running, loader.load(TestKarvon.write(dir, "b.yml", original.replace(
                "title: Karvon — all languages", "title: Karvon — every language"))))).isEmpty();

        String edited = original.replace("  workers: 16 ", "  workers: 8 ").replace("agency: Karvon Axborot Agentligi", "agency: Karvon");
        assertThat(edited).isNotEqualTo(original);
        assertThat(ConfigReloader.needsRestart(running, loader.load(TestKarvon.write(dir, "c.yml", edited))))
                .containsExactly("site.agency changed: takes effect when karvon is restarted",
                        "ingest.workers changed: takes effect when karvon is restarted");
    }

    @Test
    void aFileCaughtHalfWrittenIsNotAppliedTheFinishedEditIsOnceItSettles() throws Exception {
        String edited = original.replace("title: Karvon News Agency — English", "title: Karvon English Service");
        // the writer has got as far as the feeds before the wire: a prefix that is valid YAML on its own
        write(edited.substring(0, edited.indexOf("  - id: all")));
        assertThat(reloader.tick()).isEmpty();
        clock.advance(Duration.ofMillis(300));
        write(edited); // the rest arrives before the file settled
        assertThat(reloader.tick()).as("changed since the last look: wait again").isEmpty();
        clock.advance(Duration.ofMillis(500));
        assertThat(reloader.tick()).as("not settled yet").isEmpty();
        clock.advance(ConfigReloader.SETTLE);
        assertThat(reloader.tick()).map(ReloadResult::outcome).contains(Outcome.APPLIED);

        assertThat(feedTitle("en")).isEqualTo("Karvon English Service");
        assertThat(http.get(base + "/feeds/wire.rss", "Authorization", "Bearer pk").statusCode()).isEqualTo(200);
        assertThat(reloader.tick()).as("applied once").isEmpty();
    }

    /** Every cut of the bundled file, as a crashed editor or a full disk would leave it: nothing is lost. */
    @Test
    void noTruncationOfTheFileLosesFeedsPartnersOrSecurity() throws Exception {
        List<String> feeds = new ConfigLoader(ENV).load(config).feeds().stream().map(KarvonConfig.FeedSpec::id).toList();
        assertThat(loss(feeds)).as("the running configuration").isEmpty();
        Random random = new Random(42);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < original.length(); i = original.indexOf('\n', i) + 1) cuts.add(i);
        for (int i = 0; i < 40; i++) cuts.add(random.nextInt(original.length()));
        List<String> lost = new ArrayList<>();
        int refused = 0;
        for (int cut : cuts) {
            write(original.substring(0, cut));
            Optional<ReloadResult> r = settle();
            if (r.isPresent() && r.get().outcome() == Outcome.REFUSED) {
                refused++;
                continue;
            }
            String loss = loss(feeds);
            if (!loss.isEmpty()) lost.add("cut at " + cut + ": " + loss);
            write(original);
            assertThat(settle()).map(ReloadResult::outcome).isNotEqualTo(Optional.of(Outcome.REFUSED));
        }
        assertThat(lost).isEmpty();
        assertThat(refused).as("most cuts are refused").isGreaterThan(cuts.size() / 2);
    }

    /** What the server no longer does that the bundled file asks for, seen from outside. */
    private String loss(List<String> feeds) throws Exception {
        List<String> out = new ArrayList<>();
        for (String f : feeds) {
            int status = http.get(base + "/feeds/" + f + ".json").statusCode();
            if (status == 404) out.add("feed " + f);
            if (f.equals("wire") && status != 401) out.add("wire is not private");
        }
        // 401: no partner has this key any more (403, or 200: the partner is there)
        if (http.get(base + "/feeds/wire.json", "Authorization", "Bearer pk").statusCode() == 401) out.add("partner demo");
        if (http.get(base + "/api/sources", "Authorization", "Bearer adm").statusCode() != 200) out.add("admin token");
        if (http.post(base + "/api/articles", "{}", "Authorization", "Bearer cms").statusCode() != 400) out.add("cms token");
        return String.join(", ", out);
    }

    @Test
    void anEmptyFileIsRefusedByTheWatcherAndByReload() throws Exception {
        for (String empty : List.of("", "\n\n   \n", "# feeds.yml\n# (everything commented out)\n")) {
            write(empty);
            assertThat(settle()).map(ReloadResult::outcome).contains(Outcome.REFUSED);
            HttpResponse<byte[]> r = http.post(base + "/api/reload", "", "Authorization", "Bearer adm");
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(TestKarvon.Http.text(r)).contains("feeds.yml:1:1: the file is empty (or holds only comments)");
            assertThat(http.get(base + "/feeds/en.rss").statusCode()).as("still served").isEqualTo(200);
        }
        JsonNode health = JSON.readTree(http.get(base + "/health").body());
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("config").path("errors").toString()).contains("the file is empty");
    }

    @Test
    void removingEveryFeedIsRefusedUntilConfirmedByName() throws Exception {
        String noFeeds = original.substring(0, original.indexOf("feeds:\n  - id: uz")) + "feeds: []\nsources: []\n";
        write(noFeeds);
        ReloadResult r = settle().orElseThrow();
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        // partners name feeds, so they went too: each change is named, with every word needed to apply it all
        assertThat(r.problems()).containsExactly(
                "feeds.yml: not applied: it removes every feed (13 now served, none after); if that is what you want,"
                        + " apply it with POST /api/reload?confirm=remove-all-feeds,weaken-security (admin token), or restart karvon",
                "feeds.yml: not applied: it removes every partner (demo); if that is what you want,"
                        + " apply it with POST /api/reload?confirm=remove-all-feeds,weaken-security (admin token), or restart karvon");
        assertThat(http.get(base + "/feeds/en.rss").statusCode()).isEqualTo(200);
        assertThat(settle()).as("a refused file is not looked at again until it changes").isEmpty();

        assertThat(http.post(base + "/api/reload?confirm=remove-all", "", "Authorization", "Bearer adm").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> half = http.post(base + "/api/reload?confirm=remove-all-feeds", "", "Authorization", "Bearer adm");
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(TestKarvon.Http.text(half)).contains("it removes every partner").doesNotContain("it removes every feed");
        HttpResponse<byte[]> ok = http.post(base + "/api/reload?confirm=remove-all-feeds&confirm=weaken-security", "",
                "Authorization", "Bearer adm");
        assertThat(ok.statusCode()).as(TestKarvon.Http.text(ok)).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("changed").asBoolean()).isTrue();
        assertThat(http.get(base + "/feeds/en.rss").statusCode()).isEqualTo(404);
    }

    @Test
    void weakeningSecurityIsRefusedUntilConfirmedByName() throws Exception {
        write(original.replace("  admin_token: {env: KARVON_ADMIN_TOKEN}", "")
                .replace("    public: false\n    embargoed: true\n", "    public: true\n"));
        ReloadResult r = settle().orElseThrow();
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).startsWith("feeds.yml: not applied: it leaves security.admin_token unset"
                + " (the admin API would be switched off); if that is what you want, apply it with POST /api/reload?confirm=weaken-security");
        assertThat(r.problems().get(1)).startsWith("feeds.yml: not applied: it makes the private feed 'wire' public;");
        assertThat(http.get(base + "/feeds/wire.rss").statusCode()).as("still private").isEqualTo(401);

        write(original.substring(0, original.indexOf("partners:")));
        assertThat(settle().orElseThrow().problems()).singleElement().asString()
                .startsWith("feeds.yml: not applied: it removes every partner (demo);");

        HttpResponse<byte[]> ok = http.post(base + "/api/reload?confirm=weaken-security", "", "Authorization", "Bearer adm");
        assertThat(ok.statusCode()).as(TestKarvon.Http.text(ok)).isEqualTo(200);
        assertThat(http.get(base + "/feeds/wire.rss", "Authorization", "Bearer pk").statusCode()).as("no partners").isEqualTo(401);
    }

    @Test
    void afterARefusedEditTheNextGoodEditIsAlwaysPickedUp() throws Exception {
        write(original.replace("title: Karvon News Agency — English", "titel: Broken"));
        assertThat(settle()).map(ReloadResult::outcome).contains(Outcome.REFUSED);

        // good, then broken, then good again, each overwriting the last before the file settled
        write(original.replace("title: Karvon News Agency — English", "title: First"));
        assertThat(reloader.tick()).isEmpty();
        write(original.replace("title: Karvon News Agency — English", "titel: Broken again"));
        assertThat(reloader.tick()).isEmpty();
        write(original.replace("title: Karvon News Agency — English", "title: Second"));
        assertThat(settle()).map(ReloadResult::outcome).contains(Outcome.APPLIED);
        assertThat(feedTitle("en")).isEqualTo("Second");
        assertThat(JSON.readTree(http.get(base + "/health").body()).path("status").asText()).isEqualTo("ok");

        // refused, then put back exactly as it runs: nothing to apply, and the errors are gone
        write(original.replace("title: Karvon News Agency — English", "titel: Broken"));
        assertThat(settle()).map(ReloadResult::outcome).contains(Outcome.REFUSED);
        write(original.replace("title: Karvon News Agency — English", "title: Second"));
        assertThat(settle()).map(ReloadResult::outcome).contains(Outcome.UNCHANGED);
        assertThat(JSON.readTree(http.get(base + "/health").body()).path("status").asText()).isEqualTo("ok");
    }

    /** The watcher and POST /api/reload see one edit at the same moment: it is applied once. */
    @Test
    void watcherAndHttpReloadApplyAnEditOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            write(original.replace("title: Karvon News Agency — English", "title: Round " + round));
            assertThat(reloader.tick()).isEmpty();
            clock.advance(ConfigReloader.SETTLE);
            int threads = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> changed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean viaHttp = t % 2 == 0;
                changed.add(pool.submit(() -> {
                    go.await();
                    if (!viaHttp) return reloader.tick().map(r -> r.outcome() == Outcome.APPLIED).orElse(false);
                    HttpResponse<byte[]> r = http.post(base + "/api/reload", "", "Authorization", "Bearer adm");
                    assertThat(r.statusCode()).isEqualTo(200);
                    return JSON.readTree(r.body()).path("changed").asBoolean();
                }));
            }
            go.countDown();
            int applied = 0;
            for (Future<Boolean> f : changed) if (f.get()) applied++;
            pool.shutdown();
            assertThat(applied).as("round " + round + ": times the edit was applied").isEqualTo(1);
            assertThat(feedTitle("en")).isEqualTo("Round " + round);
        }
    }

    private String feedTitle(String feed) throws Exception {
        return JSON.readTree(http.get(base + "/feeds/" + feed + ".json").body()).path("title").asText();
    }

    /** The watcher's two looks around the settle time; what it applied or refused, if anything. */
    private Optional<ReloadResult> settle() {
        Optional<ReloadResult> first = reloader.tick();
        if (first.isPresent()) return first;
        clock.advance(ConfigReloader.SETTLE);
        return reloader.tick();
    }

    /** Writes the file and moves its modification time on, as a real edit a moment later would. */
    private void write(String text) throws Exception {
        Files.writeString(config, text, StandardCharsets.UTF_8);
    }

}
