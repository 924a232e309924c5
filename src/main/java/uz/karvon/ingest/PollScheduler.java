package uz.karvon.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * Refreshes every source when it is due, with at most {@code per_host_concurrency} requests to one host and
 * {@code workers} in all. One dispatcher thread hands due sources to a worker pool; states live in memory and
 * are written to the database in batches. A source is never given up on: failures back off up to a cap and
 * keep retrying there; only {@code 410 Gone} stops polling (until the admin changes the URL).
 * An {@link Error} out of a refresh (out of memory, a broken class path) is not one source's problem: polling
 * stops and {@code onFatal} is told, so the process can fail fast instead of limping on.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final SourceRefresher refresher;
    private final SourceStates states;
    private final Clock clock;
    private final Consumer<Set<String>> onItemsChanged;
    private final Consumer<Error> onFatal;
    private final ExecutorService workers;
    private final int workerCount;
    private final Thread dispatcher;
    private final Object lock = new Object();
    private final Map<String, Integer> inFlightPerHost = new HashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong pushedBytes = new AtomicLong();
    private volatile KarvonConfig config;
    private volatile boolean stopped;
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
        states.reconcile(config.sources(), clock.instant());
        this.dispatcher = new Thread(this::dispatchLoop, "karvon-dispatch");
        this.dispatcher.setDaemon(true);
    }

    public void start() {
        dispatcher.start();
    }

    /** Applies a new configuration: new sources start, removed ones stop (their items stay), changed URLs start afresh. */
    public void reconfigure(KarvonConfig next) {
        config = next;
        states.reconcile(next.sources(), clock.instant());
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

    /** Makes a source due now (admin "refresh now"); asked while it is being polled, it is polled again after. */
    public void refreshNow(String sourceId) {
        states.dueNow(sourceId, clock.instant());
        wake();
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void dispatchLoop() {
        List<SourceSpec> pending = new ArrayList<>();
        Instant nextScan = Instant.MIN;
        Instant nextDue = null;
        while (!stopped) {
            try {
                Instant now = clock.instant();
                KarvonConfig cfg = config;
                int limit = cfg.ingest().perHostConcurrency();
                synchronized (lock) {
                    if (pending.isEmpty() || !now.isBefore(nextScan)) {
                        // Rescanning is O(sources); between scans, completions only drain the pending list.
                        pending.clear();
                        nextDue = null;
                        for (SourceSpec spec : cfg.sources()) {
                            if (running.contains(spec.id())) continue;
                            SourceState st = states.get(spec.id());
                            if (st == null || !st.url().equals(spec.url().toString())) {
                                pending.add(spec);      // a reload is reconciling it: the poll starts it afresh
                                continue;
                            }
                            if (st.nextAttempt() == null) continue;
                            if (st.nextAttempt().isAfter(now)) {
                                if (nextDue == null || st.nextAttempt().isBefore(nextDue)) nextDue = st.nextAttempt();
                            } else {
                                pending.add(spec);
                            }
                        }
                        nextScan = now.plusMillis(500);
                    }
                    for (Iterator<SourceSpec> it = pending.iterator(); it.hasNext(); ) {
                        // Every worker busy: the rest would only wait in the pool's queue. Stopping here keeps
                        // each completion O(1) instead of a walk over all pending sources.
                        if (running.size() >= workerCount) break;
                        SourceSpec spec = it.next();
                        String host = hostKey(spec);
                        int busy = inFlightPerHost.getOrDefault(host, 0);
                        if (busy >= limit) continue;
                        it.remove();
                        inFlightPerHost.put(host, busy + 1);
                        running.add(spec.id());
                        workers.execute(() -> run(spec, host));
                    }
                    long waitMs = Duration.between(clock.instant(), nextScan).toMillis();
                    if (pending.isEmpty() && nextDue != null) {
                        waitMs = Math.min(Math.max(waitMs, Duration.between(clock.instant(), nextDue).toMillis()), 1000);
                    }
                    lock.wait(Math.max(5, Math.min(waitMs, 1000)));
                }
                states.flushIfDue(clock.instant());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("poll dispatcher: {}", e.toString());
            } catch (Error e) {
                fatal("(none: dispatcher)", e);
                return;
            }
        }
    }

    private void run(SourceSpec queued, String host) {
        boolean changed = false;
        SourceSpec spec = queued;
        try {
            if (stopped) return;
            KarvonConfig cfg = config;
            // a reload may have removed or changed the source while it waited: poll what feeds.yml says now
            Optional<SourceSpec> current = cfg.source(queued.id());
            if (current.isEmpty()) return;
            spec = current.get();
            SourceStates.Poll poll = states.startPoll(spec, clock.instant());
            Instant started = clock.instant();
            SourceRefresher.Result r = refresher.refresh(spec, cfg.ingest(), poll.state());
            if (history != null) history.record(r, started, Duration.between(started, clock.instant()).toMillis());
            states.finishPoll(poll, r.state());   // discarded if the source started afresh meanwhile
            changed = r.changed();                // items were stored either way: feeds are rendered again
            if (r.state().lastError() != null && r.state().failures() == 1) {
                LOG.warn("source {}: {}", spec.id(), r.state().lastError());
            }
        } catch (Error e) {
            fatal(spec.id(), e);
        } finally {
            synchronized (lock) {
                inFlightPerHost.merge(host, -1, Integer::sum);
                running.remove(spec.id());
                lock.notifyAll();
            }
        }
        if (changed) onItemsChanged.accept(Set.of(spec.id()));
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

    private static String hostKey(SourceSpec s) {
        String h = s.url().getHost();
        return h == null ? "(file)" : h.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        stopped = true;
        dispatcher.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        states.flush(clock.instant());
    }

    /** For status pages: sources in configuration order with their state. */
    public List<Map.Entry<SourceSpec, SourceState>> snapshot() {
        List<Map.Entry<SourceSpec, SourceState>> out = new ArrayList<>();
        for (SourceSpec s : config.sources()) out.add(new AbstractMap.SimpleImmutableEntry<>(s, states.get(s.id())));
        return out;
    }

}
