package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address check and the connection use one DNS answer, on every hop; the trust of an intranet source goes by its
 * name, never by what another name resolves to; a resolver that does not answer cannot hold a fetch past its deadline.
 */
class FetcherDnsTest {
    static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(3), 64 * 1024, 3, "karvon-test/1");
    static final String RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    MockWebServer server;
    InetAddress loopback;
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        loopback = InetAddress.getByName("127.0.0.1");
        server = new MockWebServer();
        server.start(loopback, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers every name with {@code first} once, then with {@code later}: what a rebinding DNS server does. */
    Dns rebinding(InetAddress first, InetAddress later) {
        return host -> lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet() == 1
                ? List.of(first) : List.of(later);
    }

    URI at(String host, String path) {
        return URI.create("http://" + host + ":" + server.getPort() + path);
    }

    @Test
    void everyHopConnectsToTheAnswerThatWasChecked() throws Exception {
        // the test server's loopback address stands for a public one; the later answer is the metadata service
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", at("hop.test", "/next").toString()).build());
        server.enqueue(new MockResponse.Builder().body(RSS).build());
        try (Fetcher f = new Fetcher(SETTINGS, Clock.systemUTC(), rebinding(loopback, metadata),
                a -> a.equals(loopback) || AddressGuard.isPublic(a))) {
            FetchResult r = f.fetch(FetchRequest.of(at("feed.test", "/feed")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.finalUrl()).isEqualTo(at("hop.test", "/next"));
        }
        assertThat(lookups).as("one question per host: nothing re-resolves between check and connect")
                .containsOnlyKeys("feed.test", "hop.test").allSatisfy((host, n) -> assertThat(n.get()).isEqualTo(1));
        assertThat(server.takeRequest().getHeaders().get("Host")).isEqualTo("feed.test:" + server.getPort());
        assertThat(server.takeRequest().getHeaders().get("Host")).isEqualTo("hop.test:" + server.getPort());
    }

    @Test
    void aNewLookupIsCheckedAgain() throws Exception {
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        try (Fetcher f = new Fetcher(SETTINGS, Clock.systemUTC(), rebinding(metadata, loopback),
                a -> a.equals(loopback) || AddressGuard.isPublic(a))) {
            FetchException e = catchFetch(f, FetchRequest.of(at("feed.test", "/feed")));
            assertThat(e.reason()).isEqualTo("blocked-address");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anIntranetSourceLendsItsTrustByNameNotByAddress() throws Exception {
        // here loopback is private, as in production; the intranet source is configured on it
        Dns dns = host -> switch (host) {
            case "intranet.test", "alias.test", "localhost" -> List.of(loopback);
            default -> throw new UnknownHostException(host);
        };
        try (Fetcher f = new Fetcher(SETTINGS, Clock.systemUTC(), dns, AddressGuard::isPublic)) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", at("alias.test", "/x").toString()).build());
            FetchException e = catchFetch(f, new FetchRequest(at("intranet.test", "/feed"), null, null, null, Map.of(), true));
            assertThat(e.reason()).as("another name for the same address is not the configured host").isEqualTo("blocked-address");
            assertThat(server.getRequestCount()).isEqualTo(1);

            // localhost and 127.0.0.1 are one machine by their names alone
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", at("localhost", "/next").toString()).build());
            server.enqueue(new MockResponse.Builder().body(RSS).build());
            FetchResult r = f.fetch(new FetchRequest(at("127.0.0.1", "/feed"), null, null, null, Map.of(), true));
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void aResolverThatDoesNotAnswerCannotHoldTheFetchPastItsDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        Dns stuck = host -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new UnknownHostException("interrupted");
            }
            answered.set(true);
            return List.of(loopback);
        };
        FetchSettings quick = new FetchSettings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(800),
                64 * 1024, 3, "karvon-test/1");
        try (Fetcher f = new Fetcher(quick, Clock.systemUTC(), stuck, a -> true)) {
            FetchException e = catchFetch(f, FetchRequest.of(at("slow.test", "/feed")));
            assertThat(e.reason()).isEqualTo("timeout");
            assertThat(e.getMessage()).contains("dns");
            assertThat(answered).as("the fetch gave up while the resolver was still busy").isFalse();
        } finally {
            never.countDown();
        }
    }

    static FetchException catchFetch(Fetcher f, FetchRequest r) {
        try {
            f.fetch(r);
        } catch (FetchException e) {
            return e;
        }
        throw new AssertionError("fetch succeeded: " + r.url());
    }
}
