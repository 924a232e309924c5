package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/**
 * The store boundary seen over HTTP: the database failing is a 503 with Retry-After (try again later), a bug in
 * the code reading it is a 500; each is logged once. The failures are real ones, made in the database file
 * through a second connection while the server runs.
 */
class StoreFailureTest {
    @TempDir
    Path dir;
    KarvonServer server;
    String base;
    final TestKarvon.Http http = new TestKarvon.Http();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws Exception {
        server = TestKarvon.start(TestKarvon.copyBundled(dir), dir.resolve("data"), Map.of("KARVON_CMS_TOKEN", "cms"),
                new TestKarvon.MutableClock(TestKarvon.T0), true);
        base = TestKarvon.base(server);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        server.close();
    }

    @Test
    void aDatabaseFailureIsA503WithRetryAfterAndABugA500() throws Exception {
        try (Connection side = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/karvon.db"));
             Statement sql = side.createStatement()) {
            // a value the code reading articles does not expect: its bug, not the database's
            sql.executeUpdate("UPDATE article SET status = 'bogus' WHERE id = (SELECT MIN(id) FROM article)");
            HttpResponse<byte[]> bug = http.get(base + "/feeds/en.rss");
            assertThat(bug.statusCode()).isEqualTo(500);
            assertThat(bug.headers().firstValue("Retry-After")).isEmpty();
            List<ILoggingEvent> errors = errors();
            assertThat(errors).as("logged once, with its stack trace").singleElement()
                    .satisfies(e -> assertThat(e.getThrowableProxy()).isNotNull());
            sql.executeUpdate("UPDATE article SET status = 'published' WHERE status = 'bogus'");

            // the table is gone: the database cannot answer
            sql.executeUpdate("ALTER TABLE article RENAME TO article_away");
            log.list.clear();
            HttpResponse<byte[]> down = http.get(base + "/feeds/en.rss");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).contains("30");
            assertThat(TestKarvon.Http.text(down)).isEqualTo("{\"error\":\"database unavailable\"}");
            assertThat(errors()).as("one line, no stack trace").singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).startsWith("GET /feeds/en.rss: database unavailable: ").contains("no such table");
                assertThat(e.getThrowableProxy()).isNull();
            });
            HttpResponse<byte[]> post = http.post(base + "/api/articles", "{\"id\":\"x-1\",\"lang\":\"en\",\"translation_key\":\"x\","
                    + "\"slug\":\"x\",\"title\":\"X\"}", "Authorization", "Bearer cms");
            assertThat(post.statusCode()).isEqualTo(503);
            assertThat(TestKarvon.Http.text(post)).contains("nothing was stored");

            sql.executeUpdate("ALTER TABLE article_away RENAME TO article");
            assertThat(http.get(base + "/feeds/en.rss").statusCode()).as("back once the database is").isEqualTo(200);
        }
    }

    private List<ILoggingEvent> errors() {
        return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    }
}
