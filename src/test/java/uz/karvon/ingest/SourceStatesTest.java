package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.SourceStateStore;

/**
 * Source states under the worker, HTTP and reload threads that change them: a poll's outcome never lands on a state
 * that started afresh meanwhile. Time is given, never waited for.
 */
class SourceStatesTest {
    static final Instant T0 = TestKarvon.T0;
    static final Duration INTERVAL = Duration.ofMinutes(15);
    static final String OLD = "http://partner.example/old.rss";
    static final String NEW = "http://partner.example/new.rss";

    @TempDir
    Path dir;
    Database db;
    SourceStates states;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir);
        states = new SourceStates(new SourceStateStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static SourceSpec spec(String url) {
        return new SourceSpec("s", "S", URI.create(url), null, INTERVAL, ZoneId.of("Asia/Tashkent"), null, Map.of(), null,
                List.of(), List.of(), false);
    }

    /**
     * What a successful 200 poll that started from {@code from} at {@code at} returns. Its URL is an equal string, not
     * the same one, as when the refresher takes it from the configuration.
     */
    static SourceState polled(SourceState from, String etag, Instant at) {
        return new SourceState(from.sourceId(), new String(from.url()), etag, null, null, at, at, 200, null, null, at.plus(INTERVAL),
                0, false, 1, null);
    }

    @Test
    void aReloadThatChangesTheUrlMidPollDiscardsTheOldOutcome() {
        states.reconcile(List.of(spec(OLD)), T0);
        SourceStates.Poll old = states.startPoll(spec(OLD), T0);
        Instant reload = T0.plusSeconds(1);
        states.reconcile(List.of(spec(NEW)), reload);                       // the admin's edit, while the poll runs

        assertThat(states.finishPoll(old, polled(old.state(), "\"old\"", T0.plusSeconds(2)))).isFalse();
        SourceState fresh = states.get("s");
        assertThat(fresh.url()).isEqualTo(NEW);
        assertThat(fresh.etag()).as("no validator of the old URL").isNull();
        assertThat(fresh.nextAttempt()).as("the new URL is due at once").isEqualTo(reload);

        SourceStates.Poll next = states.startPoll(spec(NEW), reload);
        assertThat(next.state().etag()).isNull();
        assertThat(states.finishPoll(next, polled(next.state(), "\"new\"", reload))).isTrue();
        SourceState after = states.get("s");
        assertThat(after.etag()).isEqualTo("\"new\"");
        assertThat(after.nextAttempt()).as("polled once, then not due before its interval").isEqualTo(reload.plus(INTERVAL));
    }

    @Test
    void aUrlChangedAndChangedBackMidPollStillDiscardsTheOutcome() {
        states.reconcile(List.of(spec(OLD)), T0);
        SourceStates.Poll old = states.startPoll(spec(OLD), T0);
        states.reconcile(List.of(spec(NEW)), T0);
        states.reconcile(List.of(spec(OLD)), T0);
        assertThat(states.finishPoll(old, polled(old.state(), "\"stale\"", T0))).isFalse();
        assertThat(states.get("s").etag()).isNull();
    }

    @Test
    void aStateLeftForAnotherUrlIsNeverPolledWithItsValidators() {
        states.reconcile(List.of(spec(OLD)), T0);
        SourceStates.Poll first = states.startPoll(spec(OLD), T0);
        states.finishPoll(first, polled(first.state(), "\"old\"", T0));
        // the configuration already names the new URL, the reload has not reconciled states yet
        SourceStates.Poll poll = states.startPoll(spec(NEW), T0.plusSeconds(1));
        assertThat(poll.state().url()).isEqualTo(NEW);
        assertThat(poll.state().etag()).isNull();
        assertThat(states.finishPoll(poll, polled(poll.state(), "\"new\"", T0.plusSeconds(1)))).isTrue();
        assertThat(states.get("s").nextAttempt()).isAfter(T0.plusSeconds(1));
    }

    @Test
    void aRefreshAskedForDuringAPollKeepsTheSourceDue() {
        states.reconcile(List.of(spec(OLD)), T0);
        SourceStates.Poll poll = states.startPoll(spec(OLD), T0);
        states.dueNow("s", T0.plusSeconds(5));
        assertThat(states.finishPoll(poll, polled(poll.state(), "\"v2\"", T0.plusSeconds(6)))).isTrue();
        SourceState s = states.get("s");
        assertThat(s.etag()).isEqualTo("\"v2\"");
        assertThat(s.nextAttempt()).isEqualTo(T0.plusSeconds(5));
    }
}
