package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig.Ingest;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.SourceItemStore;

/** One refresh of one source: what it logs, which failures stay with the source, which limit the parser keeps. */
class SourceRefresherTest {
    /**
     * Media RSS values ROME's media module cannot read: it logs each with a stack trace (three of one kind, one of
     * another), on every parse.
     */
    // channel-level Media RSS: ROME's media parser still reads it (item-level media is read by karvon before ROME,
    // and ROME's channel-level parse warns only about thumbnails)
    static final String ODD_MEDIA = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"
            + "<channel><title>t</title><link>http://example.uz/</link><description>d</description>"
            + "<media:thumbnail url=\"http://example.uz/a b.jpg\"/>"
            + "<media:thumbnail url=\"http://example.uz/c d.jpg\"/>"
            + "<item><guid>m1</guid><title>Rasm</title><link>http://example.uz/1</link></item>"
            + "<item><guid>m2</guid><title>Rasm 2</title><link>http://example.uz/2</link></item></channel></rss>";

    @TempDir
    Path dir;
    Database db;
    SourceItemStore items;
    final TestKarvon.MutableClock clock = new TestKarvon.MutableClock(TestKarvon.T0);
    Path drop;
    ListAppender<ILoggingEvent> logged;
    Logger root;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("data"));
        items = new SourceItemStore(db);
        drop = Files.createDirectories(dir.resolve("drop"));
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void close() {
        root.detachAppender(logged);
        db.close();
    }

    Ingest ingest(long maxBodyBytes) {
        return new Ingest(Duration.ofMinutes(15), Duration.ofHours(6), maxBodyBytes, Duration.ofSeconds(10), 2, 4,
                Duration.ofDays(30), List.of(drop));
    }

    static SourceSpec spec(String id, URI url) {
        return new SourceSpec(id, id, url, null, Duration.ofMinutes(15), ZoneId.of("Asia/Tashkent"), null, Map.of(), null,
                List.of(), List.of(), false);
    }

    SourceRefresher refresher(Fetcher fetcher) {
        return new SourceRefresher(fetcher, items, LanguageDetector.standard(), clock);
    }

    List<ILoggingEvent> warnings() {
        return logged.list.stream().filter(e -> e.getLevel().levelInt >= ch.qos.logback.classic.Level.WARN_INT).toList();
    }

    @Test
    void aRomeWarningIsOneLinePerSourceAndProblemAnHourWithoutAStackTrace() throws Exception {
        URI a = Files.writeString(drop.resolve("a.xml"), ODD_MEDIA).toUri();
        URI b = Files.writeString(drop.resolve("b.xml"), ODD_MEDIA).toUri();
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), clock)) {
            SourceRefresher refresher = refresher(fetcher);
            Supplier<SourceState> pollA = () -> refresher.refresh(spec("a", a), ingest(1 << 20),
                    SourceState.fresh("a", a.toString(), clock.instant())).state();

            assertThat(pollA.get().lastError()).isNull();     // the feed is fine apart from the odd attributes
            assertThat(warnings()).as("one line per kind of problem: two bad thumbnails").hasSize(1)
                    .allSatisfy(e -> {
                        assertThat(e.getLoggerName()).isEqualTo(SourceRefresher.class.getName());
                        assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
                        assertThat(e.getFormattedMessage()).startsWith("source a: feed problem: rome ").doesNotContain("\n");
                    });
            assertThat(warnings()).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("thumbnail tag").contains("URISyntaxException").contains("2 times"));

            clock.advance(Duration.ofMinutes(59));
            pollA.get();
            assertThat(warnings()).as("repeated within the hour: not logged").hasSize(1);

            refresher.refresh(spec("b", b), ingest(1 << 20), SourceState.fresh("b", b.toString(), clock.instant()));
            assertThat(warnings()).as("another source with the same problems gets its own lines").hasSize(2);

            clock.advance(Duration.ofMinutes(1));
            pollA.get();
            assertThat(warnings()).as("an hour later the problem is logged again").hasSize(3);
            assertThat(logged.list).noneMatch(e -> e.getLoggerName().startsWith("com.rometools"));
        }
    }

    @Test
    void theParserKeepsToIngestMaxBodySize() throws Exception {
        // the fetcher was built with 16 MiB; a reload set max_body_size to 64 KiB: the parser follows feeds.yml now
        String big = ODD_MEDIA.replace("<title>t</title>", "<title>t</title><!--" + "x".repeat(70_000) + "-->");
        try (MockWebServer server = new MockWebServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults(), clock)) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/rss+xml").body(big).build());
            URI url = server.url("/feed.rss").uri();
            SourceState s = refresher(fetcher).refresh(spec("big", url), ingest(64 << 10),
                    SourceState.fresh("big", url.toString(), clock.instant())).state();
            assertThat(s.errorReason()).isEqualTo("parse:too-large");
            assertThat(s.lastError()).contains("limit " + (64 << 10));
        }
    }

    @Test
    void errorsAreNotSwallowedButExceptionsStayWithTheirSource() throws Exception {
        // The fetcher reads its clock for a 503's Retry-After: a clock that fails stands in for anything that fails
        // inside a refresh.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Clock failing = new Clock() {
            @Override
            public Instant instant() {
                Throwable t = failure.get();
                if (t instanceof Error e) throw e;
                throw (RuntimeException) t;
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
        try (MockWebServer server = new MockWebServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults(), failing)) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            URI url = server.url("/feed.rss").uri();
            SourceRefresher refresher = refresher(fetcher);
            Supplier<SourceRefresher.Result> poll = () -> {
                server.enqueue(new MockResponse.Builder().code(503).build());
                return refresher.refresh(spec("s", url), ingest(1 << 20), SourceState.fresh("s", url.toString(), clock.instant()));
            };

            OutOfMemoryError oom = new OutOfMemoryError("simulated");
            failure.set(oom);
            assertThatThrownBy(poll::get).as("out of memory is not one source's problem").isSameAs(oom);
            LinkageError linkage = new NoClassDefFoundError("simulated");
            failure.set(linkage);
            assertThatThrownBy(poll::get).isSameAs(linkage);

            failure.set(new IllegalStateException("a bug"));
            SourceState bug = poll.get().state();
            assertThat(bug.errorReason()).isEqualTo("internal");
            assertThat(bug.failures()).isEqualTo(1);
            assertThat(bug.nextAttempt()).isAfter(clock.instant());

            failure.set(new StackOverflowError());
            assertThat(poll.get().state().errorReason()).as("a too-deep input unwinds: per source").isEqualTo("internal");
        }
    }
}
