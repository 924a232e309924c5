package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.EditCheck;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.server.Xml;

/**
 * The built-in hub against {@link SpecSubscriber}, a subscriber written from the Recommendation: a real server on a
 * loopback port, real HTTP both ways, a fake clock for leases and retries. Each test uses its own callbacks.
 */
class HubTest {
    static final String CMS = "cms-token-websub";
    static final String ADMIN = "admin-token-websub";
    static final String DEMO = "demo-partner-key-websub";
    static final Map<String, String> ENV = Map.of("KARVON_CMS_TOKEN", CMS, "KARVON_ADMIN_TOKEN", ADMIN, "DEMO_KEY", DEMO);
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger ARTICLES = new AtomicInteger();

    static final String CONFIG = """
            site:
              title: Karvon WebSub test
            security:
              cms_token: {env: KARVON_CMS_TOKEN}
              admin_token: {env: KARVON_ADMIN_TOKEN}
            websub:
              allow_private_callbacks: true
              min_lease: 1h
              default_lease: 1d
              max_lease: 2d
            feeds:
              - id: en
                title: English
                language: en
              - id: ru
                title: Russian
                language: ru
              - id: world
                title: World news in English
                language: en
              - id: wire
                title: Wire
                language: all
                public: false
                embargoed: true
            partners:
              - id: demo
                key: {env: DEMO_KEY}
                feeds: [%s]
                embargoed: true
            """;

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static String hub;
    static SpecSubscriber sub;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);

    @BeforeAll
    static void start() throws Exception {
        TestKarvon.write(dir, "feeds.yml", CONFIG.formatted("wire"));
        server = TestKarvon.start(dir.resolve("feeds.yml"), dir.resolve("data"), ENV, clock, false);
        base = TestKarvon.base(server);
        hub = base + "/websub";
        sub = new SpecSubscriber();
    }

    @AfterAll
    static void stop() {
        if (sub != null) sub.close();
        if (server != null) server.close();
    }

    static String topic(String file) {
        return base + "/feeds/" + file;
    }

    /** Publishes a new English article through the CMS API; returns its title. */
    static String publish(String lang) throws Exception {
        int n = ARTICLES.incrementAndGet();
        String title = "WebSub story " + n + " " + lang;
        HttpResponse<byte[]> r = http.post(base + "/api/articles", """
                {"id": "ws-%d-%s", "lang": "%s", "translation_key": "ws-%d", "slug": "ws-%d-%s", "title": "%s",
                 "summary": "Pushed to subscribers."}""".formatted(n, lang, lang, n, n, lang, title),
                "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).isEqualTo(201);
        return title;
    }

    static JsonNode websub() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/api/websub", "Authorization", "Bearer " + ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode subscription(String topicUrl, String name) throws Exception {
        String shownCallback = sub.callback(name).substring(0, sub.callback(name).indexOf("/cb/")) + "/…";
        for (JsonNode s : websub().path("subscriptions")) {
            if (s.path("topic").asText().equals(topicUrl) && s.path("callback").asText().equals(shownCallback)
                    && s.path("state").asText().equals("active")) {
                return s;
            }
        }
        return null;
    }

    /** Waits for what the hub does in the background (real HTTP to the subscriber); gives up after 10 s. */
    static JsonNode await(Predicate<JsonNode> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode w = websub();
            if (done.test(w)) return w;
            if (System.nanoTime() > until) throw new AssertionError("not reached: " + w.toPrettyString());
            Thread.sleep(20);
        }
    }

    /** Active subscriptions to a topic (callbacks are shown only as scheme, host and port, so they are counted). */
    static int active(JsonNode w, String file) {
        int n = 0;
        for (JsonNode s : w.path("subscriptions")) {
            if (s.path("topic").asText().equals(topic(file)) && s.path("state").asText().equals("active")) n++;
        }
        return n;
    }

    /** Subscribes with the secret and waits until the hub has verified and applied it (one more active subscription). */
    static Map<String, String> subscribeVerified(String file, String name, String lease, String secret, String... headers)
            throws Exception {
        int before = active(websub(), file);
        HttpResponse<String> r = sub.subscribe(hub, topic(file), name, lease, secret, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Map<String, String> v = sub.awaitVerification(name);
        await(w -> active(w, file) == before + 1);
        return v;
    }

    @Test
    void everyFeedAdvertisesTheHubAndItselfInBodyAndHeaders() throws Exception {
        for (String f : new String[] {"en.rss", "en.atom", "en.json"}) {
            HttpResponse<byte[]> r = http.get(topic(f));
            assertThat(r.headers().allValues("Link")).as(f)
                    .containsExactly("<" + hub + ">; rel=\"hub\", <" + topic(f) + ">; rel=\"self\"");
            if (f.endsWith(".json")) {
                JsonNode j = JSON.readTree(r.body());
                assertThat(j.path("hubs").get(0).path("type").asText()).isEqualTo("WebSub");
                assertThat(j.path("hubs").get(0).path("url").asText()).isEqualTo(hub);
                assertThat(j.path("feed_url").asText()).isEqualTo(topic(f));
            } else {
                Xml x = new Xml(r.body());
                String scope = f.endsWith(".rss") ? "/rss/channel" : "/a:feed";
                assertThat(x.string(scope + "/a:link[@rel='hub']/@href")).isEqualTo(hub);
                assertThat(x.string(scope + "/a:link[@rel='self']/@href")).isEqualTo(topic(f));
            }
        }
        HttpResponse<byte[]> wire = http.get(topic("wire.atom"), "Authorization", "Bearer " + DEMO);
        assertThat(new Xml(wire.body()).string("/a:feed/a:link[@rel='hub']/@href")).isEqualTo(hub);
    }

    @Test
    void aVerifiedSubscriberGetsTheNewFeedSignedAfterACmsPost() throws Exception {
        Map<String, String> v = subscribeVerified("en.atom", "signed", "999999999", "s3cret-of-the-subscriber");
        assertThat(v).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", topic("en.atom"))
                .containsEntry("hub.lease_seconds", "172800");   // asked for more than max_lease (2d)
        assertThat(v.get("hub.challenge")).hasSizeGreaterThanOrEqualTo(16);

        String title = publish("en");
        SpecSubscriber.Delivery d = sub.awaitDelivery("signed");
        assertThat(d.text()).contains(title);
        assertThat(d.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(d.link()).isEqualTo("<" + hub + ">; rel=\"hub\", <" + topic("en.atom") + ">; rel=\"self\"");
        assertThat(d.signature()).startsWith("sha256=");
        assertThat(SpecSubscriber.signatureValid("s3cret-of-the-subscriber", d.body(), d.signature())).isTrue();
        assertThat(SpecSubscriber.signatureValid("another-secret", d.body(), d.signature())).isFalse();
        // the full contents of the topic, as a reader would fetch it
        assertThat(d.body()).isEqualTo(http.get(topic("en.atom")).body());

        // a Russian story does not change the English feed: nothing is sent
        publish("ru");
        String next = publish("en");
        assertThat(sub.awaitDelivery("signed").text()).contains(next);
        assertThat(sub.pending("signed")).isZero();
        JsonNode s = subscription(topic("en.atom"), "signed");
        assertThat(s.path("signed").asBoolean()).isTrue();
        assertThat(s.path("last_status").asInt()).isEqualTo(200);
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void aSlowSubscriberDelaysNoOther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        sub.hold("slow", release);
        subscribeVerified("ru.json", "slow", null, null);
        subscribeVerified("ru.json", "quick", null, null);
        try {
            String title = publish("ru");
            // the slow one does not answer until the quick one has its delivery: were they in line, this would hang
            SpecSubscriber.Delivery quick;
            try {
                quick = sub.awaitDelivery("quick");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; hub state: " + websub().toPrettyString(), e);
            }
            assertThat(quick.text()).contains(title);
        } finally {
            release.countDown();
        }
        assertThat(sub.awaitDelivery("slow").text()).contains("WebSub story");
    }

    @Test
    void anEmbargoLiftingIsDeliveredWhenTheClockReachesIt() throws Exception {
        subscribeVerified("world.rss", "embargo", null, null);
        Instant lift = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<byte[]> r = http.post(base + "/api/articles", """
                {"id": "embargoed-1", "lang": "en", "translation_key": "embargoed-1", "slug": "embargoed-1",
                 "title": "Held until the embargo lifts", "embargo_until": "%s"}""".formatted(lift),
                "Authorization", "Bearer " + CMS);
        assertThat(r.statusCode()).isEqualTo(201);
        String later = publish("en");   // a story without embargo: delivered, and the embargoed one is not in it
        SpecSubscriber.Delivery before = sub.awaitDelivery("embargo");
        assertThat(before.text()).contains(later).doesNotContain("Held until the embargo lifts");
        clock.set(lift.plusSeconds(1));   // no write happens: the hub knows when the feed changes by itself
        SpecSubscriber.Delivery d = sub.awaitDelivery("embargo");
        assertThat(d.text()).contains("Held until the embargo lifts");
    }

    @Test
    void aChallengeNotEchoedLeavesNoSubscription() throws Exception {
        sub.intent("liar", SpecSubscriber.Intent.WRONG_CHALLENGE);
        sub.intent("refuser", SpecSubscriber.Intent.NOT_FOUND);
        assertThat(sub.subscribe(hub, topic("en.rss"), "liar", null, null).statusCode()).isEqualTo(202);
        assertThat(sub.subscribe(hub, topic("en.rss"), "refuser", null, null).statusCode()).isEqualTo(202);
        sub.awaitVerification("liar");
        sub.awaitVerification("refuser");
        JsonNode w = await(x -> x.path("refused").size() >= 2);
        assertThat(w.path("refused").toString()).contains("did not echo hub.challenge").contains("HTTP 404");

        subscribeVerified("en.rss", "honest", null, null);
        String title = publish("en");
        SpecSubscriber.Delivery d = sub.awaitDelivery("honest");
        assertThat(d.text()).contains(title);
        assertThat(d.signature()).isNull();   // no secret given, no signature
        assertThat(sub.pending("liar") + sub.pending("refuser")).isZero();
        assertThat(active(websub(), "en.rss")).as("only the honest subscriber holds a subscription to en.rss").isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAtOnceWithTheReason() throws Exception {
        HttpResponse<String> r = sub.subscribe(hub, base + "/feeds/nope.atom", "x", null, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("hub.topic: ");
        r = sub.subscribe(hub, topic("en.atom"), "x", "soon", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("hub.lease_seconds: expected a positive whole number");
        r = sub.subscribe(hub, topic("en.atom"), "x", null, "x".repeat(200));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("hub.secret: must be less than 200 bytes");
        r = sub.request(hub, Map.of("hub.mode", "subscribe", "hub.topic", topic("en.atom"), "hub.callback", "ftp://127.0.0.1/x"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("hub.callback: expected an absolute http or https URL");
        r = sub.request(hub, Map.of("hub.mode", "publish", "hub.url", topic("en.atom")));
        assertThat(r.statusCode()).isEqualTo(400);
        // a private feed needs the partner's key, and only a partner allowed to read it
        r = sub.subscribe(hub, topic("wire.atom"), "x", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        r = sub.subscribe(hub, topic("wire.atom"), "x", null, null, "Authorization", "Bearer wrong-key");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(sub.verificationsPending("x")).isZero();
    }

    @Test
    void unsubscribingIsVerifiedAndStopsDeliveries() throws Exception {
        subscribeVerified("en.json", "leaving", null, "k");
        subscribeVerified("en.json", "staying", null, "k");
        HttpResponse<String> r = sub.unsubscribe(hub, topic("en.json"), "leaving");
        assertThat(r.statusCode()).isEqualTo(202);
        Map<String, String> v = sub.awaitVerification("leaving");
        assertThat(v).containsEntry("hub.mode", "unsubscribe").containsEntry("hub.topic", topic("en.json"));
        await(w -> w.path("subscriptions").toString().contains("\"unsubscribed\""));

        String title = publish("en");
        SpecSubscriber.Delivery d = sub.awaitDelivery("staying");
        assertThat(d.text()).contains(title);
        assertThat(d.contentType()).isEqualTo("application/feed+json; charset=utf-8");
        assertThat(sub.pending("leaving")).isZero();
    }

    @Test
    void aLeaseEndsOnTheClockAndThenNothingIsSent() throws Exception {
        subscribeVerified("ru.rss", "short", "3600", null);
        subscribeVerified("ru.rss", "long", "86400", null);
        clock.advance(Duration.ofHours(2));
        await(w -> w.path("subscriptions").toString().contains("\"expired\""));
        String title = publish("ru");
        assertThat(sub.awaitDelivery("long").text()).contains(title);
        assertThat(sub.pending("short")).isZero();
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffUntilItArrives() throws Exception {
        subscribeVerified("ru.atom", "flaky", null, "flaky-secret");
        sub.answer("flaky", 500, 503);
        String title = publish("ru");
        assertThat(sub.awaitDelivery("flaky").text()).contains(title);          // answered 500
        JsonNode s = await(w -> failures(w, "ru.atom") == 1);
        assertThat(sub.pending("flaky")).isZero();
        clock.advance(Duration.ofSeconds(40));                                  // first retry after about 30 s
        assertThat(sub.awaitDelivery("flaky").text()).contains(title);          // answered 503
        await(w -> failures(w, "ru.atom") == 2);
        clock.advance(Duration.ofSeconds(40));                                  // the second waits about a minute
        assertThat(sub.pending("flaky")).isZero();
        clock.advance(Duration.ofSeconds(30));
        SpecSubscriber.Delivery d = sub.awaitDelivery("flaky");                 // answered 200
        assertThat(SpecSubscriber.signatureValid("flaky-secret", d.body(), d.signature())).isTrue();
        await(w -> failures(w, "ru.atom") == 0);
        JsonNode counts = websub().path("counts");
        assertThat(counts.path("deliveries").path("failed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(counts.path("subscriptions").path("active").asInt()).isPositive();
    }

    private static int failures(JsonNode w, String file) {
        for (JsonNode s : w.path("subscriptions")) {
            if (s.path("topic").asText().endsWith("/" + file) && s.path("callback").asText().equals(
                    sub.callback("flaky").substring(0, sub.callback("flaky").indexOf("/cb/")) + "/…")
                    && s.path("state").asText().equals("active") && s.path("signed").asBoolean()) {
                return s.path("failures").asInt();
            }
        }
        return -1;
    }

    @Test
    void aPartnerSubscribesToAPrivateFeedWithItsKeyUntilItsAccessIsWithdrawn() throws Exception {
        // the key as for pulling: here inside the topic URL, as a reader that cannot send headers would use it
        HttpResponse<String> r = sub.subscribe(hub, topic("wire.atom") + "?key=" + DEMO, "partner", null, "p");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(sub.awaitVerification("partner")).containsEntry("hub.mode", "subscribe");
        await(w -> w.path("subscriptions").toString().contains("\"partner\":\"demo\""));
        String title = publish("ru");
        assertThat(sub.awaitDelivery("partner").text()).contains(title);

        // the partner loses the feed in feeds.yml: the next change is not delivered, and the hub says so
        Files.writeString(dir.resolve("feeds.yml"), CONFIG.formatted("en"));
        assertThat(server.reloader().reload().applied()).isTrue();
        try {
            publish("en");
            Map<String, String> denied = sub.awaitVerification("partner");
            assertThat(denied).containsEntry("hub.mode", "denied").containsEntry("hub.topic", topic("wire.atom"));
            await(w -> w.path("subscriptions").toString().contains("\"revoked\""));
            assertThat(sub.pending("partner")).isZero();
        } finally {
            Files.writeString(dir.resolve("feeds.yml"), CONFIG.formatted("wire"));
            assertThat(server.reloader().reload().applied()).isTrue();
        }
    }

    @Test
    void subscriptionsSurviveARestart(@TempDir Path other) throws Exception {
        // a fixed site.base_url, as in production: the feed (its self link) is the same before and after
        TestKarvon.write(other, "feeds.yml", CONFIG.formatted("wire").replace("  title: Karvon WebSub test",
                "  title: Karvon WebSub test\n  base_url: https://news.karvon.test"));
        MutableClock c = new MutableClock(TestKarvon.T0);
        try (KarvonServer first = TestKarvon.start(other.resolve("feeds.yml"), other.resolve("data"), ENV, c, false)) {
            String b = TestKarvon.base(first);
            assertThat(sub.subscribe(b + "/websub", "https://news.karvon.test/feeds/en.atom", "durable", null, "d")
                    .statusCode()).isEqualTo(202);
            sub.awaitVerification("durable");
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!new String(http.get(b + "/api/websub", "Authorization", "Bearer " + ADMIN).body()).contains("\"active\"")) {
                if (System.nanoTime() > until) throw new AssertionError("subscription not verified");
                Thread.sleep(20);
            }
        }
        // a new process on the same data folder (and another port): the subscription is still there
        try (KarvonServer second = TestKarvon.start(other.resolve("feeds.yml"), other.resolve("data"), ENV, c, false)) {
            String b = TestKarvon.base(second);
            HttpResponse<byte[]> r = http.post(b + "/api/articles", """
                    {"id": "after-restart", "lang": "en", "translation_key": "after-restart", "slug": "after-restart",
                     "title": "Delivered after a restart"}""", "Authorization", "Bearer " + CMS);
            assertThat(r.statusCode()).isEqualTo(201);
            SpecSubscriber.Delivery d = sub.awaitDelivery("durable");   // the first one since the restart
            assertThat(d.text()).contains("Delivered after a restart");
            assertThat(SpecSubscriber.signatureValid("d", d.body(), d.signature())).isTrue();
        }
    }

    @Test
    void aLoopbackCallbackIsRefusedUnlessAllowed() throws Exception {
        Files.writeString(dir.resolve("feeds.yml"), CONFIG.formatted("wire").replace("allow_private_callbacks: true",
                "allow_private_callbacks: false"));
        assertThat(server.reloader().reload().applied()).isTrue();
        try {
            HttpResponse<String> r = sub.subscribe(hub, topic("en.atom"), "loopback", null, null);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("hub.callback: loopback and private addresses are refused");
            r = sub.request(hub, Map.of("hub.mode", "subscribe", "hub.topic", topic("en.atom"),
                    "hub.callback", "http://[::ffff:7f00:1]:" + sub.callback("x").split(":")[2]));
            assertThat(r.statusCode()).isEqualTo(400);
        } finally {
            Files.writeString(dir.resolve("feeds.yml"), CONFIG.formatted("wire"));
            // allowing private callbacks again weakens security: a reload applies it only when asked by name
            assertThat(server.reloader().reload().applied()).isFalse();
            assertThat(server.reloader().reload(Set.of(EditCheck.Confirm.WEAKEN_SECURITY)).applied()).isTrue();
        }
    }
}
