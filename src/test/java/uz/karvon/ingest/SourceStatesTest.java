package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.server.TestKarvon;
import uz.karvon.store.Database;
import uz.karvon.store.SourceStateStore;
import uz.karvon.store.TestDatabases;

/**
 * Source states shared through the database, on SQLite and PostgreSQL: a poll's outcome never lands on a state that
 * started afresh meanwhile, a leased source is polled by one instance only until its lease expires, and the per-host
 * limit counts every instance's leases. Time is given, never waited for.
 */
class SourceStatesTest {
    static final Instant T0 = TestKarvon.T0;
    static final Duration INTERVAL = Duration.ofMinutes(15);
    static final Duration LEASE = Duration.ofSeconds(60);
    static final String OLD = "http://partner.example/old.rss";
    static final String NEW = "http://partner.example/new.rss";

    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    SourceStates open(TestDatabases.Kind kind, String owner) throws Exception {
        if (db == null) db = TestDatabases.open(kind, dir);
        return new SourceStates(new SourceStateStore(db), owner, LEASE);
    }

    static SourceSpec spec(String id, String url) {
        return new SourceSpec(id, id, URI.create(url), null, INTERVAL, ZoneId.of("Asia/Tashkent"), null, Map.of(), null,
                List.of(), List.of(), false);
    }

    static Map<String, SourceSpec> configured(SourceSpec... specs) {
        Map<String, SourceSpec> out = new LinkedHashMap<>();
        for (SourceSpec s : specs) out.put(s.id(), s);
        return out;
    }

    /** What a successful 200 poll that started from {@code from} at {@code at} returns. */
    static SourceState polled(SourceState from, String etag, Instant at) {
        return new SourceState(from.sourceId(), new String(from.url()), etag, null, null, at, at, 200, null, null, at.plus(INTERVAL),
                0, false, 1, null);
    }

    static List<SourceStates.Poll> claim(SourceStates states, int want, int perHost, Map<String, SourceSpec> cfg, Instant at)
            throws Exception {
        return states.cycle(List.of(), false, want, perHost, cfg, at).claimed();
    }

    static boolean finish(SourceStates states, SourceStates.Poll poll, SourceState outcome, Instant at) throws Exception {
        return states.cycle(List.of(new SourceStates.Finished(poll, outcome)), false, 0, 1, Map.of(), at).stored()
                .contains(poll.sourceId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aReloadThatChangesTheUrlMidPollDiscardsTheOldOutcome(TestDatabases.Kind kind) throws Exception {
        SourceStates states = open(kind, "a");
        states.reconcile(List.of(spec("s", OLD)), T0);
        SourceStates.Poll old = claim(states, 5, 5, configured(spec("s", OLD)), T0).get(0);
        Instant reload = T0.plusSeconds(1);
        states.reconcile(List.of(spec("s", NEW)), reload);                        // the admin's edit, while the poll runs

        assertThat(finish(states, old, polled(old.state(), "\"old\"", T0.plusSeconds(2)), T0.plusSeconds(2))).isFalse();
        SourceState fresh = states.get("s");
        assertThat(fresh.url()).isEqualTo(NEW);
        assertThat(fresh.etag()).as("no validator of the old URL").isNull();
        assertThat(fresh.nextAttempt()).as("the new URL is due at once").isEqualTo(reload);

        SourceStates.Poll next = claim(states, 5, 5, configured(spec("s", NEW)), reload.plusSeconds(2)).get(0);
        assertThat(next.state().etag()).isNull();
        assertThat(finish(states, next, polled(next.state(), "\"new\"", reload), reload.plusSeconds(2))).isTrue();
        SourceState after = states.get("s");
        assertThat(after.etag()).isEqualTo("\"new\"");
        assertThat(after.nextAttempt()).as("polled once, then not due before its interval").isEqualTo(reload.plus(INTERVAL));
        assertThat(claim(states, 5, 5, configured(spec("s", NEW)), reload.plusSeconds(3))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aUrlChangedAndChangedBackMidPollStillDiscardsTheOutcome(TestDatabases.Kind kind) throws Exception {
        SourceStates states = open(kind, "a");
        states.reconcile(List.of(spec("s", OLD)), T0);
        SourceStates.Poll old = claim(states, 5, 5, configured(spec("s", OLD)), T0).get(0);
        states.reconcile(List.of(spec("s", NEW)), T0);
        states.reconcile(List.of(spec("s", OLD)), T0);
        assertThat(finish(states, old, polled(old.state(), "\"stale\"", T0), T0)).isFalse();
        assertThat(states.get("s").etag()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRefreshAskedForDuringAPollKeepsTheSourceDue(TestDatabases.Kind kind) throws Exception {
        SourceStates states = open(kind, "a");
        states.reconcile(List.of(spec("s", OLD)), T0);
        SourceStates.Poll poll = claim(states, 5, 5, configured(spec("s", OLD)), T0).get(0);
        states.dueNow("s", T0.plusSeconds(5));
        assertThat(finish(states, poll, polled(poll.state(), "\"v2\"", T0.plusSeconds(6)), T0.plusSeconds(6))).isTrue();
        SourceState s = states.get("s");
        assertThat(s.etag()).isEqualTo("\"v2\"");
        assertThat(s.nextAttempt()).isEqualTo(T0.plusSeconds(5));
    }

    /** Two instances: a leased source is the holder's until its lease expires; then the other takes it over. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aLeasedSourceIsPolledByOneInstanceUntilItsLeaseExpires(TestDatabases.Kind kind) throws Exception {
        SourceStates a = open(kind, "a");
        SourceStates b = open(kind, "b");
        Map<String, SourceSpec> cfg = configured(spec("s", OLD));
        a.reconcile(List.of(spec("s", OLD)), T0);
        b.reconcile(List.of(spec("s", OLD)), T0);                                 // both start: one state
        SourceStates.Poll byA = claim(a, 5, 5, cfg, T0).get(0);
        assertThat(claim(b, 5, 5, cfg, T0.plusSeconds(30))).as("leased to a").isEmpty();

        // a stops answering (killed); its lease runs out and b takes the source over, with a's validators
        Instant later = T0.plus(LEASE).plusSeconds(1);
        SourceStates.Poll byB = claim(b, 5, 5, cfg, later).get(0);
        assertThat(byB.state().url()).isEqualTo(OLD);
        assertThat(finish(a, byA, polled(byA.state(), "\"late\"", later), later)).as("a's lease was taken over").isFalse();
        assertThat(finish(b, byB, polled(byB.state(), "\"b\"", later), later)).isTrue();
        assertThat(a.get("s").etag()).isEqualTo("\"b\"");
        assertThat(claim(a, 5, 5, cfg, later.plusSeconds(1))).as("polled this interval").isEmpty();
    }

    /** per_host_concurrency counts the leases of every instance; a 410 is remembered for all of them. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void thePerHostLimitAndA410AreSharedByEveryInstance(TestDatabases.Kind kind) throws Exception {
        SourceStates a = open(kind, "a");
        SourceStates b = open(kind, "b");
        SourceSpec s1 = spec("s1", "http://one.example/1"), s2 = spec("s2", "http://one.example/2"),
                s3 = spec("s3", "http://one.example/3"), other = spec("o", "http://other.example/feed");
        Map<String, SourceSpec> cfg = configured(s1, s2, s3, other);
        a.reconcile(List.copyOf(cfg.values()), T0);
        Instant t = T0.plusSeconds(5);
        assertThat(claim(a, 1, 2, cfg, t)).hasSize(1);
        List<SourceStates.Poll> byB = claim(b, 10, 2, cfg, t);
        // one.example has two leases now (a's and b's): its third source waits; other.example is free
        assertThat(byB).extracting(SourceStates.Poll::sourceId).hasSize(2).contains("o");
        assertThat(claim(b, 10, 2, cfg, t)).isEmpty();

        SourceStates.Poll first = byB.stream().filter(p -> !p.sourceId().equals("o")).findFirst().orElseThrow();
        SourceState gone = new SourceState(first.sourceId(), first.state().url(), null, null, null, t, null, 410, "gone",
                "gone", null, 1, true, 0, null);
        assertThat(finish(b, first, gone, t)).isTrue();
        List<SourceStates.Poll> third = claim(a, 10, 2, cfg, t.plus(INTERVAL).plus(INTERVAL));
        assertThat(third).extracting(SourceStates.Poll::sourceId).doesNotContain(first.sourceId()).contains("s3");
        assertThat(b.get(first.sourceId()).gone()).isTrue();

        a.dueNow(first.sourceId(), t.plusSeconds(1));                            // the admin's refresh retries a 410
        assertThat(claim(b, 10, 5, cfg, t.plusSeconds(2))).extracting(SourceStates.Poll::sourceId).contains(first.sourceId());
    }
}
