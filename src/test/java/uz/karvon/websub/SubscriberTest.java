package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;

/**
 * karvon as a subscriber, against {@link SpecHub} (a publisher and hub written from the Recommendation): discovery
 * on the first poll, verification of intent, signed pushes through the fetch path, refused pushes, the safety-net
 * poll interval, renewal and expiry on a fake clock. The methods run in order: they follow one subscription's life.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriberTest {
    static final String ADMIN = "admin-token-subscriber";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SpecHub hub;
    static KarvonServer server;
    static String base;
    static final Http http = new Http();
    static final MutableClock clock = new MutableClock(TestKarvon.T0);
    static Map<String, String> request;   // karvon's subscription request, as the hub received it

    @BeforeAll
    static void start() throws Exception {
        hub = new SpecHub();
        TestKarvon.write(dir, "feeds.yml", """
                security:
                  admin_token: {env: KARVON_ADMIN_TOKEN}
                websub:
                  allow_private_callbacks: true
                  push_poll_interval: 2h
                """ + hub.partnerConfig());
        server = TestKarvon.start(dir.resolve("feeds.yml"), dir.resolve("data"), Map.of("KARVON_ADMIN_TOKEN", ADMIN), clock, false);
        base = TestKarvon.base(server);
        request = hub.awaitRequest();   // the first poll found the hub in the feed
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (hub != null) hub.close();
    }

    static JsonNode push() throws Exception {
        HttpResponse<byte[]> r = http.get(base + "/api/sources", "Authorization", "Bearer " + ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("sources").get(0);
    }

    static JsonNode await(Predicate<JsonNode> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode s = push();
            if (done.test(s)) return s;
            if (System.nanoTime() > until) throw new AssertionError("not reached: " + s.toPrettyString());
            Thread.sleep(20);
        }
    }

    static String feed() throws Exception {
        return TestKarvon.Http.text(http.get(base + "/feeds/partner-news.atom"));
    }

    @Test
    @Order(1)
    void theAdvertisedHubIsAskedForASignedSubscriptionAndItsVerificationAnswered() throws Exception {
        assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", hub.topic())
                .containsEntry("hub.lease_seconds", "864000");
        assertThat(request.get("hub.callback")).startsWith(base + "/websub/callback/");
        assertThat(request.get("hub.callback").substring((base + "/websub/callback/").length())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(request.get("hub.secret")).hasSizeGreaterThanOrEqualTo(32).hasSizeLessThan(200);
        assertThat(push().path("push").path("state").asText()).isEqualTo("subscribing");

        String callback = request.get("hub.callback");
        // §5.3: a topic or mode we did not ask for, or no lease, is not agreed to
        assertThat(hub.verify(callback, "subscribe", hub.base() + "/other.atom", "c1", 3600L).statusCode()).isEqualTo(404);
        assertThat(hub.verify(callback, "unsubscribe", hub.topic(), "c2", null).statusCode()).isEqualTo(404);
        assertThat(hub.verify(callback, "subscribe", hub.topic(), "c3", null).statusCode()).isEqualTo(404);
        assertThat(hub.verify(base + "/websub/callback/not-a-token", "subscribe", hub.topic(), "c4", 3600L).statusCode()).isEqualTo(404);

        HttpResponse<String> ok = hub.verify(callback, "subscribe", hub.topic(), "echo-me-7f3a", 7200L);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("echo-me-7f3a");
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode p = push().path("push");
        assertThat(p.path("state").asText()).isEqualTo("active");
        assertThat(p.path("lease_expires").asText()).isEqualTo(clock.instant().plusSeconds(7200).toString());
        assertThat(p.path("hub").asText()).isEqualTo(hub.hubUrl());
    }

    @Test
    @Order(2)
    void aSignedPushIsStoredThroughTheSamePathAsAFetch() throws Exception {
        String secret = request.get("hub.secret");
        String body = hub.document(SpecHub.entry("pushed", "Pushed story",
                "<p>Hello <script>alert(1)</script><a href=\"/rel\">link</a></p>"), SpecHub.entry("first", "The first story", "<p>Already there.</p>"));
        HttpResponse<String> r = hub.push(request.get("hub.callback"), body, SpecHub.sign("sha256", secret, body));
        assertThat(r.statusCode()).isEqualTo(202);
        await(s -> s.path("push").path("pushes").asLong() == 1);
        String feed = feed();
        assertThat(feed).contains("Pushed story").contains("Already there.");
        assertThat(feed).doesNotContain("<script").doesNotContain("alert(1)");   // sanitized like any fetched item
        assertThat(feed).contains("href=\"https://publisher.example/rel\"");    // relative links resolved

        // the hub's stated method is used (§8): sha1 is accepted too, as most hubs sign with it
        String again = hub.document(SpecHub.entry("pushed-2", "Second pushed story", "<p>Two.</p>"));
        assertThat(hub.push(request.get("hub.callback"), again, SpecHub.sign("sha1", secret, again)).statusCode()).isEqualTo(202);
        await(s -> s.path("push").path("pushes").asLong() == 2);
        assertThat(feed()).contains("Second pushed story");
    }

    @Test
    @Order(3)
    void aPushWithoutAValidSignatureIsDropped() throws Exception {
        String callback = request.get("hub.callback");
        String forged = hub.document(SpecHub.entry("forged", "Forged story", "<p>Not from the hub.</p>"));
        assertThat(hub.push(callback, forged, SpecHub.sign("sha256", "not-the-secret", forged)).statusCode()).isEqualTo(202);
        assertThat(hub.push(callback, forged, null).statusCode()).isEqualTo(202);
        String signedOther = hub.document(SpecHub.entry("x", "Other body", "<p>x</p>"));
        assertThat(hub.push(callback, forged, SpecHub.sign("sha256", request.get("hub.secret"), signedOther)).statusCode()).isEqualTo(202);
        JsonNode s = await(x -> x.path("push").path("rejected_pushes").asLong() == 3);
        assertThat(s.path("push").path("last_error").asText()).contains("dropped");
        assertThat(s.path("push").path("pushes").asLong()).isEqualTo(2);
        assertThat(feed()).doesNotContain("Forged story");
        // a callback that is not (or no longer) ours: 410, so the hub stops
        assertThat(hub.push(base + "/websub/callback/0123456789abcdef", forged, null).statusCode()).isEqualTo(410);
    }

    @Test
    @Order(4)
    void whilePushesArriveTheSourceIsPolledAsASafetyNetAndPollingTakesOverWhenTheyMissItems() throws Exception {
        Instant now = clock.instant();
        assertThat(http.post(base + "/api/sources/partner/refresh", "", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(202);
        JsonNode s = await(x -> Instant.parse(x.path("last_attempt").asText("1970-01-01T00:00:00Z")).equals(now)
                && x.has("next_attempt") && Instant.parse(x.path("next_attempt").asText()).isAfter(now.plus(Duration.ofMinutes(30))));
        Instant next = Instant.parse(s.path("next_attempt").asText());
        assertThat(next).isBetween(now.plus(Duration.ofMinutes(108)), now.plus(Duration.ofMinutes(132)));   // 2h ±10%
        assertThat(s.path("push").path("polling").asText()).startsWith("safety net");

        // the publisher adds an item the hub never pushes: the safety-net poll finds it, and polling takes over
        hub.feed(SpecHub.entry("unpushed", "Never pushed", "<p>Missed.</p>"), SpecHub.entry("first", "The first story", "<p>Already there.</p>"));
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        assertThat(http.post(base + "/api/sources/partner/refresh", "", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(202);
        s = await(x -> Instant.parse(x.path("last_attempt").asText()).equals(later));
        assertThat(Instant.parse(s.path("next_attempt").asText())).isBefore(later.plus(Duration.ofMinutes(12)));   // 10m ±10%
        assertThat(s.path("push").path("polling").asText()).startsWith("normal interval");
        assertThat(feed()).contains("Never pushed");

        // the next push restores the safety-net interval
        String body = hub.document(SpecHub.entry("pushed-3", "Third pushed story", "<p>Three.</p>"));
        hub.push(request.get("hub.callback"), body, SpecHub.sign("sha256", request.get("hub.secret"), body));
        s = await(x -> x.path("push").path("pushes").asLong() == 3);
        assertThat(s.path("push").path("polling").asText()).startsWith("safety net");
    }

    @Test
    @Order(5)
    void theLeaseIsRenewedBeforeItEndsAndPollingTakesOverWhenItLapses() throws Exception {
        Instant expires = Instant.parse(push().path("push").path("lease_expires").asText());
        server.websub().subscriber().tick();
        assertThat(hub.noRequest()).isTrue();                     // most of the lease is left: nothing to do
        clock.set(expires.minus(Duration.ofMinutes(13)));
        server.websub().subscriber().tick();
        assertThat(hub.noRequest()).isTrue();
        clock.set(expires.minus(Duration.ofMinutes(11)));            // less than a tenth of the 2h lease is left
        server.websub().subscriber().tick();
        Map<String, String> renewal = hub.awaitRequest();
        assertThat(renewal).containsEntry("hub.mode", "subscribe").containsEntry("hub.callback", request.get("hub.callback"))
                .containsEntry("hub.secret", request.get("hub.secret"));

        // the hub never verifies the renewal: the lease runs out, and the source is polled at its own interval
        clock.set(expires.plusSeconds(1));
        server.websub().subscriber().tick();
        JsonNode s = push();
        assertThat(s.path("push").path("state").asText()).isEqualTo("expired");
        assertThat(s.path("push").path("polling").asText()).isEqualTo("normal interval");
    }
}
