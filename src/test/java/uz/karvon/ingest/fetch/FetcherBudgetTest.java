package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies in flight share one byte budget: a fetch waits for it, or fails as busy at its deadline, and never leaks it. */
class FetcherBudgetTest {
    static final long BODY = 40 * 1024;
    static final long BUDGET = 64 * 1024;

    MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static FetchSettings settings(Duration total) {
        return new FetchSettings(total, total, total, BUDGET, 3, "karvon-test/1", BUDGET);
    }

    FetchRequest request(String path) {
        return new FetchRequest(server.url(path).uri(), null, null, null, Map.of(), true);
    }

    MockResponse body(boolean chunked) {
        byte[] bytes = "x".repeat((int) BODY).getBytes();
        MockResponse.Builder b = new MockResponse.Builder();
        return (chunked ? b.chunkedBody(new Buffer().write(bytes), 4096) : b.body(new Buffer().write(bytes))).build();
    }

    @Test
    void aFetchWaitsWhileAnotherWorkerHoldsTheBudget() throws Exception {
        try (Fetcher f = new Fetcher(settings(Duration.ofSeconds(30)), Clock.systemUTC())) {
            BodyBudget budget = f.budget();
            server.enqueue(body(false));
            server.enqueue(body(true));
            try (BodyBudget.Lease parsing = budget.lease()) {
                assertThat(f.fetch(request("/a"), parsing).body()).hasSize((int) BODY);
                assertThat(budget.available()).as("held until the body is parsed").isEqualTo(BUDGET - BODY);

                CompletableFuture<FetchResult> second = CompletableFuture.supplyAsync(() -> {
                    try (BodyBudget.Lease lease = budget.lease()) {
                        return f.fetch(request("/b"), lease);
                    } catch (FetchException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(server.takeRequest(20, TimeUnit.SECONDS)).isNotNull();   // /a
                assertThat(server.takeRequest(20, TimeUnit.SECONDS)).isNotNull();   // /b is being read
                assertThat(second).isNotDone();
                parsing.close();                                                      // the first body is parsed
                assertThat(second.get(20, TimeUnit.SECONDS).body()).hasSize((int) BODY);
            }
            assertThat(budget.available()).as("every lease gave its bytes back").isEqualTo(BUDGET);
        }
    }

    @Test
    void aFetchThatFindsTheBudgetTakenFailsAsBusyAtItsDeadline() throws Exception {
        try (Fetcher f = new Fetcher(settings(Duration.ofMillis(700)), Clock.systemUTC())) {
            server.enqueue(body(false));
            server.enqueue(body(false));
            server.enqueue(body(true));
            server.enqueue(body(false));
            try (BodyBudget.Lease parsing = f.budget().lease()) {
                f.fetch(request("/a"), parsing);
                for (String path : new String[] {"/known-length", "/chunked"}) {
                    FetchException e = catchFetch(f, request(path));
                    assertThat(e.reason()).as(path).isEqualTo("busy");
                    assertThat(e.getMessage()).startsWith("fetch " + server.url(path) + ": ").contains("budget of " + BUDGET);
                }
            }
            assertThat(f.budget().available()).isEqualTo(BUDGET);
            assertThat(f.fetch(request("/after")).body()).hasSize((int) BODY);
            assertThat(f.budget().available()).as("a plain fetch gives its bytes back when it returns").isEqualTo(BUDGET);
        }
    }

    @Test
    void dropFolderFilesCountAgainstTheSameBudget(@TempDir Path dir) throws Exception {
        try (Fetcher f = new Fetcher(settings(Duration.ofMillis(500)), Clock.systemUTC())) {
            URI file = Files.write(dir.resolve("feed.xml"), "x".repeat((int) BODY).getBytes()).toUri();
            DropFolderReader reader = new DropFolderReader(List.of(dir), BUDGET);
            server.enqueue(body(false));
            try (BodyBudget.Lease parsing = f.budget().lease()) {
                f.fetch(request("/a"), parsing);
                try (BodyBudget.Lease mine = f.budget().lease()) {
                    long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    FetchException e = catchRead(() -> reader.read(file, null, mine, deadline));
                    assertThat(e.reason()).isEqualTo("busy");
                }
            }
            try (BodyBudget.Lease mine = f.budget().lease()) {
                assertThat(reader.read(file, null, mine, System.nanoTime()).body()).hasSize((int) BODY);
                assertThat(mine.held()).isEqualTo(BODY);
            }
        }
    }

    interface Read {
        FetchResult run() throws FetchException;
    }

    static FetchException catchRead(Read r) {
        try {
            r.run();
        } catch (FetchException e) {
            return e;
        }
        throw new AssertionError("read succeeded");
    }

    static FetchException catchFetch(Fetcher f, FetchRequest r) {
        return catchRead(() -> f.fetch(r));
    }
}
