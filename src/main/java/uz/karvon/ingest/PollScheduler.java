package uz.karvon.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.store.StoreException;

/**
 * Refreshes every source when it is due, with {@code workers} polls at once in this instance and at most
 * {@code per_host_concurrency} requests to one host across every instance on the database. One dispatcher thread
 * talks to the database: each step stores finished polls and claims due sources in one transaction
 * ({@link SourceStates#cycle}), and a worker pool fetches what it claimed. A claimed source is leased to this
 * instance, renewed while it runs, so no other instance polls it; if this instance dies, its leases expire and
 * the others take its sources over.
 *
 * <p>A source is never given up on: failures back off up to a cap and keep retrying there; only {@code 410 Gone}
 * stops polling (until the admin changes the URL). An {@link Error} out of a refresh (out of memory, a broken class
 * path) is not one source's problem: polling stops and {@code onFatal} is told, so the process can fail fast.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    /** How often, at most, the dispatcher looks at the database when nothing happens here (others' changes). */
    private static final long IDLE_MILLIS = 1_000;

    private final SourceRefresher refresher;
    private final SourceStates states;
    private final Clock clock;
    private final Consumer<Set<String>> onItemsChanged;
    private final Consumer<Error> onFatal;
    private final ExecutorService workers;
    private final int workerCount;
    private final Thread dispatcher;
    private final Object lock = new Object();
    /** Polls claimed by this instance and not yet finished. */
    private final Map<String, SourceStates.Poll> running = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<SourceStates.Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicLong pushedBytes = new AtomicLong();
    private volatile KarvonConfig config;
    private volatile boolean reconcile = true;
    private volatile boolean poked;
    private volatile boolean stopped;
    private volatile boolean abandoned;
    private final FetchHistory history;

    public PollScheduler(KarvonConfig config, SourceRefresher refresher, SourceStates states, Clock clock,
                         int workerCount, Consumer<Set<String>> onItemsChanged, Consumer<Error> onFatal) {
        this(config, refresher, states, clock, workerCount, onItemsChanged, onFatal, null);
    }

    /** @param history where every fetch is recorded (the admin's page per source); null: nowhere */
    public PollScheduler(KarvonConfig config, SourceRefresher refresher, SourceStates states, Clock clock,
                         int workerCount, Consumer<Set<String>> onItemsChanged, Consumer<Error> onFatal,
                         FetchHistory history) {
        this.history = history;
        this.config = config;
        this.refresher = refresher;
        this.states = states;
        this.clock = clock;
        this.onItemsChanged = onItemsChanged;
        this.onFatal = onFatal;
        this.workerCount = workerCount;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "karvon-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatchLoop, "karvon-dispatch");
        this.dispatcher.setDaemon(true);
    }

    public void start() {
        dispatcher.start();
    }

    /**
     * Applies a new configuration: new sources start, removed ones stop (their items stay), changed URLs start
     * afresh. The database is brought in line by the dispatcher (and again after a failure), not by the caller.
     */
    public void reconfigure(KarvonConfig next) {
        config = next;
        reconcile = true;
        wake();
    }

    /**
     * A feed a WebSub hub pushed for this source, stored on a poll worker through the same path as a fetch; feeds
     * carrying the source are re-rendered when items changed. Pushes waiting for a worker are bounded (a few bodies
     * of {@code ingest.max_body_size}); beyond that, or for a source no longer configured, the future fails at once.
     */
    public CompletableFuture<SourceRefresher.Pushed> push(String sourceId, byte[] body, String contentType, URI topic) {
        KarvonConfig cfg = config;
        Optional<SourceSpec> spec = cfg.source(sourceId);
        if (spec.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException("source " + sourceId + " is no longer configured"));
        long limit = Math.max(4 * cfg.ingest().maxBodyBytes(), 1);
        if (pushedBytes.addAndGet(body.length) > limit || stopped) {
            pushedBytes.addAndGet(-body.length);
            return CompletableFuture.failedFuture(new IllegalStateException("too many pushes waiting; the hub should retry"));
        }
        CompletableFuture<SourceRefresher.Pushed> done = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    SourceRefresher.Pushed p = refresher.ingestPushed(spec.get(), config.ingest(), body, contentType, topic);
                    done.complete(p);
                    if (p.changed()) onItemsChanged.accept(Set.of(sourceId));
                } catch (Exception | StackOverflowError e) {
                    done.completeExceptionally(e);
                } catch (Error e) {
                    done.completeExceptionally(e);
                    fatal(sourceId, e);
                } finally {
                    pushedBytes.addAndGet(-body.length);
                }
            });
        } catch (RejectedExecutionException e) {
            pushedBytes.addAndGet(-body.length);
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Makes a source due now (admin "refresh now"), for whichever instance claims it; asked during a poll, it is polled again after. */
    public void refreshNow(String sourceId) throws StoreException {
        states.dueNow(sourceId, clock.instant());
        wake();
    }

    private void wake() {
        synchronized (lock) {
            poked = true;
            lock.notifyAll();
        }
    }

    private void dispatchLoop() {
        Instant nextDue = null;
        long lookedAt = System.nanoTime() - IDLE_MILLIS * 1_000_000L; // real time: a clock that stands still (tests) still sees others' changes
        Instant lastRenew = clock.instant();
        boolean failing = false;
        while (!stopped) {
            List<SourceStates.Finished> done = drain();
            try {
                Instant now = clock.instant();
                KarvonConfig cfg = config;
                if (reconcile) {
                    reconcile = false;
                    try {
                        states.reconcile(cfg.sources(), now);
                    } catch (StoreException | RuntimeException e) {
                        reconcile = true;
                        throw e;
                    }
                    poked = true;
                }
                int free = workerCount - running.size();
                boolean renew = !running.isEmpty() && Duration.between(lastRenew, now).compareTo(states.lease().dividedBy(3)) >= 0;
                boolean look = free > 0 && (poked || (nextDue != null && !now.isBefore(nextDue))
                        || System.nanoTime() - lookedAt >= IDLE_MILLIS * 1_000_000L);
                if (!done.isEmpty() || renew || look) {
                    poked = false;
                    SourceStates.Cycle cycle = states.cycle(done, renew, look ? free : 0, cfg.ingest().perHostConcurrency(),
                            configured(cfg), now);
                    Set<String> changed = new LinkedHashSet<>();
                    for (SourceStates.Finished f : done) if (f.itemsChanged()) changed.add(f.poll().sourceId());
                    done = List.of();
                    // after the outcomes are stored: whoever looks at a changed feed sees the state that goes with it
                    if (!changed.isEmpty()) onItemsChanged.accept(changed);
                    if (renew) lastRenew = now;
                    if (look) {
                        lookedAt = System.nanoTime();
                        nextDue = cycle.nextDue();
                    }
                    for (SourceStates.Poll p : cycle.claimed()) {
                        running.put(p.sourceId(), p);
                        workers.execute(() -> run(p));
                    }
                    if (failing) LOG.info("poller: the database answers again; polling resumes");
                    failing = false;
                }
                waitForWork(nextDue, now);
            } catch (InterruptedException e) {
                requeue(done);
                return;
            } catch (StoreException | RuntimeException e) {
                requeue(done);
                if (!failing) LOG.error("poller: {}; retrying every second", e.getMessage());
                failing = true;
                try {
                    synchronized (lock) {
                        lock.wait(IDLE_MILLIS);
                    }
                } catch (InterruptedException ie) {
                    return;
                }
            } catch (Error e) {
                fatal("(none: dispatcher)", e);
                return;
            }
        }
    }

    private void waitForWork(Instant nextDue, Instant now) throws InterruptedException {
        synchronized (lock) {
            if (!finished.isEmpty() || poked || stopped) return;
            long waitMs = IDLE_MILLIS;
            if (running.size() < workerCount && nextDue != null) {
                waitMs = Math.min(waitMs, Math.max(5, Duration.between(now, nextDue).toMillis()));
            }
            lock.wait(waitMs);
        }
    }

    private List<SourceStates.Finished> drain() {
        List<SourceStates.Finished> out = new ArrayList<>();
        for (SourceStates.Finished f; (f = finished.poll()) != null; ) out.add(f);
        return out;
    }

    private void requeue(List<SourceStates.Finished> done) {
        finished.addAll(done);
    }

    /** The sources this instance's feeds.yml names, by id. */
    private static Map<String, SourceSpec> configured(KarvonConfig cfg) {
        Map<String, SourceSpec> out = new LinkedHashMap<>();
        for (SourceSpec s : cfg.sources()) out.put(s.id(), s);
        return out;
    }

    private void run(SourceStates.Poll poll) {
        boolean changed = false;
        String id = poll.sourceId();
        SourceState outcome = null;
        try {
            if (stopped) return;
            KarvonConfig cfg = config;
            // a reload may have removed or changed the source since the claim: poll what feeds.yml says now
            Optional<SourceSpec> current = cfg.source(id);
            if (current.isEmpty()) return;
            SourceSpec spec = current.get();
            SourceState from = poll.state();
            if (from == null || !from.url().equals(spec.url().toString())) {
                from = SourceState.fresh(id, spec.url().toString(), clock.instant()); // never one URL's validators for another
            }
            Instant started = clock.instant();
            SourceRefresher.Result r = refresher.refresh(spec, cfg.ingest(), from);
            if (history != null) history.record(r, started, Duration.between(started, clock.instant()).toMillis());
            outcome = r.state();
            changed = r.changed();                // items were stored either way: feeds are rendered again
            if (r.state().lastError() != null && r.state().failures() == 1) {
                LOG.warn("source {}: {}", id, r.state().lastError());
            }
        } catch (Error e) {
            fatal(id, e);
        } finally {
            if (!abandoned) {
                finished.add(new SourceStates.Finished(poll, outcome, changed));
                synchronized (lock) {
                    running.remove(id);
                    lock.notifyAll();
                }
            }
        }
    }

    /** Stops polling for good and reports once; the error is not swallowed into one source's state. */
    private void fatal(String sourceId, Error e) {
        synchronized (lock) {
            if (stopped) return;
            stopped = true;
            lock.notifyAll();
        }
        LOG.error("poller: {} while refreshing source {}; polling stopped", e, sourceId, e);
        onFatal.accept(e);
    }

    /** Stops polling, stores what finished and gives every lease back, so other instances poll on at once. */
    @Override
    public void close() {
        stopped = true;
        dispatcher.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            dispatcher.join(5_000);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        if (abandoned) return;
        try {
            List<SourceStates.Finished> done = drain();
            if (!done.isEmpty()) states.cycle(done, false, 0, 1, Map.of(), clock.instant());
            states.releaseAll();
        } catch (StoreException | RuntimeException e) {
            LOG.warn("poller: leases not given back ({}); other instances take the sources over when they expire", e.getMessage());
        }
    }

    /**
     * Stops as a killed process would: no outcome stored, no lease given back (they expire after the lease time).
     * For tests of takeover, and for a process that must stop touching the database at once.
     */
    public void abandon() {
        abandoned = true;
        close();
    }

    /** For status pages: sources in configuration order with their state (null before its first reconciliation). */
    public List<Map.Entry<SourceSpec, SourceState>> snapshot() throws StoreException {
        Map<String, SourceState> all = states.all();
        List<Map.Entry<SourceSpec, SourceState>> out = new ArrayList<>();
        for (SourceSpec s : config.sources()) out.add(new AbstractMap.SimpleImmutableEntry<>(s, all.get(s.id())));
        return out;
    }

    /** This instance's id on its leases. */
    public String owner() {
        return states.owner();
    }
}
