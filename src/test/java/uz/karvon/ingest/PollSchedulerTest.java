package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.Ingest;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.SourceStateStore;

/** The poller with a clock that never moves: what a reload in the middle of a poll and an Error out of a poll do. */
class PollSchedulerTest {
    static final Ingest INGEST = new Ingest(Duration.ofMinutes(15), Duration.ofHours(6), 1 << 20, Duration.ofSeconds(20),
            2, 2, Duration.ofDays(30), List.of());

    @TempDir
    Path dir;
    Database db;
    MockWebServer upstream;
    final TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
    final CountDownLatch releaseOld = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        db = Database.open(dir);
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getTarget();
                if (path.equals("/old.rss")) {
                    releaseOld.await(20, TimeUnit.SECONDS);       // the poll is in flight until the test says
                    return feed("\"old\"", "o1");
                }
                if (path.equals("/new.rss")) return feed("\"new\"", "n1");
                return new MockResponse.Builder().code(503).build();
            }
        });
        upstream.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        releaseOld.countDown();
        upstream.close();
        db.close();
    }

    static MockResponse feed(String etag, String guid) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").addHeader("ETag", etag)
                .body("<rss version=\"2.0\"><channel><title>t</title><link>http://example.uz/</link><description>d</description>"
                        + "<item><guid>" + guid + "</guid><title>Yangilik " + guid + "</title><link>http://example.uz/" + guid
                        + "</link></item></channel></rss>").build();
    }

    SourceSpec source(String path) {
        URI url = upstream.url(path).uri();
        return new SourceSpec("s", "S", url, null, Duration.ofMinutes(15), ZoneId.of("Asia/Tashkent"), null, Map.of(), null,
                List.of(), List.of(), false);
    }

    static KarvonConfig config(SourceSpec s) {
        return new KarvonConfig(null, null, null, INGEST, List.of(), List.of(s), List.of(), List.of());
    }

    @Test
    void aReloadThatMovesASourceMidPollPollsTheNewUrlOnceWithoutTheOldValidators() throws Exception {
        BlockingQueue<Set<String>> changed = new LinkedBlockingQueue<>();
        SourceStates states = new SourceStates(new SourceStateStore(db));
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), clock);
             PollScheduler poller = new PollScheduler(config(source("/old.rss")),
                     new SourceRefresher(fetcher, new SourceItemStore(db), LanguageDetector.standard(), clock), states,
                     clock, 2, changed::add, e -> { })) {
            poller.start();
            assertThat(upstream.takeRequest(20, TimeUnit.SECONDS).getTarget()).isEqualTo("/old.rss");
            poller.reconfigure(config(source("/new.rss")));                  // while /old.rss is still answering
            releaseOld.countDown();

            RecordedRequest next = upstream.takeRequest(20, TimeUnit.SECONDS);
            assertThat(next.getTarget()).isEqualTo("/new.rss");
            assertThat(next.getHeaders().get("If-None-Match")).as("no validator of the old URL").isNull();
            assertThat(changed.poll(20, TimeUnit.SECONDS)).containsExactly("s");   // the old poll's items
            assertThat(changed.poll(20, TimeUnit.SECONDS)).containsExactly("s");   // the new poll's items

            SourceState s = states.get("s");
            assertThat(s.url()).isEqualTo(source("/new.rss").url().toString());
            assertThat(s.etag()).isEqualTo("\"new\"");
            assertThat(s.nextAttempt()).as("not due again before its interval (the clock has not moved)")
                    .isAfter(clock.instant());
            assertThat(upstream.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void anErrorOutOfAPollStopsPollingAndIsReported() throws Exception {
        // the fetcher reads its clock for a 503's Retry-After: this one is out of memory
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        Clock exhausted = new Clock() {
            @Override
            public Instant instant() {
                throw oom;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        CompletableFuture<Error> fatal = new CompletableFuture<>();
        SourceStates states = new SourceStates(new SourceStateStore(db));
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), exhausted);
             PollScheduler poller = new PollScheduler(config(source("/unavailable.rss")),
                     new SourceRefresher(fetcher, new SourceItemStore(db), LanguageDetector.standard(), clock), states,
                     clock, 2, ids -> { }, fatal::complete)) {
            poller.start();
            assertThat(fatal.get(20, TimeUnit.SECONDS)).isSameAs(oom);
            assertThat(states.get("s").lastAttempt()).as("not turned into one source's error").isNull();
        }
    }
}
