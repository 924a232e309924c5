package uz.karvon.websub;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Topics.Topic;
import uz.karvon.store.StoreException;

/**
 * Delivers topic content to the hub's active subscriptions. One dispatcher thread hands due deliveries to a
 * bounded pool of {@code websub.delivery_workers}, at most {@code websub.delivery_per_host} to one callback host,
 * one at a time per subscription; every request has the {@code websub.delivery_timeout} deadline, so a slow or dead
 * subscriber holds one worker for that long at most and never the others. A delivery carries the topic as it is
 * when sent (a burst of changes becomes one delivery), and only if it differs from what the subscriber last
 * received. Failures are retried with exponential backoff (30 s doubling to 1 h) for as long as the lease runs
 * (WebSub §7: kept until the lease ends); a 410 ends the subscription. Outcomes are saved in batches.
 *
 * <p>On several instances only the one holding the hub's delivery role delivers ({@link Hub}): it {@link #take}s every
 * stored subscription when it gains the role, {@link #merge}s the grants other instances verified, and {@link #drop}s
 * them all when it loses the role.
 */
final class Deliveries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    /** A subscription's place in the queue; fields guarded by {@link #lock}. */
    private static final class Slot {
        HubSubscription sub;
        boolean pending;          // the topic may differ from what the subscriber has
        boolean inFlight;
        long pendingSince;        // System.nanoTime() when the change was learned of, for the latency figure

        Slot(HubSubscription sub) {
            this.sub = sub;
        }
    }

    private final Supplier<KarvonConfig> config;
    private final DeliveryAttempt attempt;
    private final HubStore store;
    private final HubStats stats;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<Topic, Set<String>> byTopic = new HashMap<>();
    /** The spec's subscription key, (topic, callback), to the subscription's id. */
    private final Map<Key, String> byKey = new HashMap<>();

    private record Key(Topic topic, String callback) {}
    /** When a topic changes by itself (an embargo lifts, a tombstone ages out): its subscribers are checked then. */
    private final Map<Topic, Instant> recheck = new HashMap<>();
    private final Map<String, Integer> perHost = new HashMap<>();
    private final Map<String, HubSubscription> dirty = new LinkedHashMap<>();
    /** Pending, not in flight, not waiting for a retry: handed out in this order. */
    private final Set<String> ready = new LinkedHashSet<>();
    /**
     * Expiries, due retries and topic rechecks are found by a walk over every subscription, at most once a second of
     * real time ({@link System#nanoTime}: a wall clock set back must not stop it).
     */
    private long lastScan = System.nanoTime() - SCAN_EVERY_NANOS;
    private static final long SCAN_EVERY_NANOS = 1_000_000_000L;
    private final ThreadPoolExecutor workers;
    private final Thread dispatcher;
    private int running;
    /** Whether this instance delivers (holds the role); guarded by {@link #lock}. */
    private boolean delivering;
    private Instant lastFlush = Instant.EPOCH;
    private volatile boolean stopped;

    Deliveries(Supplier<KarvonConfig> config, FeedPublisher publisher, OutboundHttp http, HubStore store, HubStats stats,
               Clock clock) {
        this.config = config;
        this.attempt = new DeliveryAttempt(config, publisher, http);
        this.store = store;
        this.stats = stats;
        this.clock = clock;
        int n = config.get().websub().deliveryWorkers();
        AtomicInteger names = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "karvon-websub-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatchLoop, "karvon-websub-dispatch");
        this.dispatcher.setDaemon(true);
    }

    /**
     * This instance delivers from now on, to these (every stored) subscriptions: active ones are checked against their
     * topics once (changes made while nobody delivered; a delivery the last holder made but had not saved is sent
     * again, which WebSub subscribers must tolerate).
     */
    void take(List<HubSubscription> subs) {
        synchronized (lock) {
            forget();
            delivering = true;
            long now = System.nanoTime();
            for (HubSubscription s : subs) {
                Slot slot = new Slot(s);
                slots.put(s.id(), slot);
                byKey.put(new Key(s.topic(), s.callback()), s.id());
                if (s.state() != HubSubscription.State.ACTIVE) continue;
                byTopic.computeIfAbsent(s.topic(), k -> new HashSet<>()).add(s.id());
                markPending(slot, now);
            }
            lock.notifyAll();
        }
    }

    /** Another instance delivers now: what this one did is saved, and it forgets every subscription. */
    void drop() {
        flush(clock.instant());
        synchronized (lock) {
            delivering = false;
            forget();
            dirty.clear();
        }
    }

    boolean delivering() {
        synchronized (lock) {
            return delivering;
        }
    }

    /** Called holding the lock. Deliveries in flight finish; their outcomes are discarded (their slots are gone). */
    private void forget() {
        slots.clear();
        byTopic.clear();
        byKey.clear();
        recheck.clear();
        ready.clear();
    }

    /**
     * Grants read back from the store (made on any instance, this one included): one this instance has not applied
     * yet replaces the subscription's terms (lease, secret, state); what deliveries did stays as this instance knows
     * it, since it is the one delivering.
     */
    void merge(List<HubSubscription> rows) {
        synchronized (lock) {
            if (!delivering) return;
            for (HubSubscription row : rows) {
                Slot slot = slots.get(row.id());
                if (slot != null && slot.sub.sameGrant(row)) continue;
                if (slot != null && slot.sub.state() == HubSubscription.State.ACTIVE) {
                    HubSubscription next = row.withProgressOf(slot.sub);
                    putLocked(next);
                    dirty.put(next.id(), next);
                } else {
                    putLocked(row);
                }
            }
            lock.notifyAll();
        }
    }

    void start() {
        dispatcher.start();
    }

    /** These feeds may have changed: their subscribers are checked (and delivered to if they did). */
    void feedsChanged(Set<String> feedIds) {
        synchronized (lock) {
            long now = System.nanoTime();
            for (Map.Entry<Topic, Set<String>> e : byTopic.entrySet()) {
                if (!feedIds.contains(e.getKey().feedId())) continue;
                for (String id : e.getValue()) markPending(slots.get(id), now);
            }
            lock.notifyAll();
        }
    }

    /** Called holding the lock. A subscription waiting for a retry stays waiting; the scan hands it out when due. */
    private void markPending(Slot s, long now) {
        if (s == null) return;
        if (!s.pending) {
            s.pending = true;
            s.pendingSince = now;
        }
        if (!s.inFlight && s.sub.nextAttempt() == null) ready.add(s.sub.id());
    }

    /** A verified (re)subscription, or an ended one: replaces what was there under its id. */
    void put(HubSubscription sub) {
        synchronized (lock) {
            if (delivering) putLocked(sub);
            lock.notifyAll();
        }
    }

    private void putLocked(HubSubscription sub) {
        Slot slot = slots.computeIfAbsent(sub.id(), k -> new Slot(sub));
        slot.sub = sub;
        byKey.put(new Key(sub.topic(), sub.callback()), sub.id());
        Set<String> ids = byTopic.computeIfAbsent(sub.topic(), k -> new HashSet<>());
        if (sub.state() == HubSubscription.State.ACTIVE) {
            ids.add(sub.id());
            markPending(slot, System.nanoTime());   // delivers only if the topic moved past deliveredEtag
        } else {
            ids.remove(sub.id());
            slot.pending = false;
        }
    }

    Optional<HubSubscription> find(Topic topic, String callback) {
        synchronized (lock) {
            String id = byKey.get(new Key(topic, callback));
            Slot s = id == null ? null : slots.get(id);
            return s == null ? Optional.empty() : Optional.of(s.sub);
        }
    }

    List<HubSubscription> all() {
        synchronized (lock) {
            List<HubSubscription> out = new ArrayList<>(slots.size());
            for (Slot s : slots.values()) out.add(s.sub);
            return out;
        }
    }

    Map<HubSubscription.State, Integer> countByState() {
        Map<HubSubscription.State, Integer> out = new EnumMap<>(HubSubscription.State.class);
        for (HubSubscription.State st : HubSubscription.State.values()) out.put(st, 0);
        synchronized (lock) {
            for (Slot s : slots.values()) out.merge(s.sub.state(), 1, Integer::sum);
        }
        return out;
    }

    /** Forgets subscriptions that ended (their lease over) before {@code cutoff}; returns how many. */
    int purgeEndedBefore(Instant cutoff) {
        synchronized (lock) {
            int before = slots.size();
            slots.values().removeIf(s -> {
                boolean gone = s.sub.state() != HubSubscription.State.ACTIVE && !s.inFlight
                        && s.sub.expiresAt().isBefore(cutoff) && !dirty.containsKey(s.sub.id());
                if (gone) byKey.remove(new Key(s.sub.topic(), s.sub.callback()));
                return gone;
            });
            return before - slots.size();
        }
    }

    int active() {
        synchronized (lock) {
            int n = 0;
            for (Set<String> ids : byTopic.values()) n += ids.size();
            return n;
        }
    }

    private void dispatchLoop() {
        while (!stopped) {
            try {
                KarvonConfig cfg = config.get();
                Instant now = clock.instant();
                resize(cfg.websub().deliveryWorkers());
                synchronized (lock) {
                    Instant nextRetry = dispatch(cfg, now);
                    long waitMs = nextRetry == null ? 1000 : Math.min(1000, Math.max(5, Duration.between(now, nextRetry).toMillis()));
                    lock.wait(waitMs);
                }
                flushIfDue(clock.instant());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("websub dispatcher: {}", e.toString());
            }
        }
    }

    /**
     * Hands out what is ready, within the worker and per-host limits; returns the earliest retry still waiting.
     * Called holding the lock, on every wake (a change, a completion); the walk over all subscriptions for expiries,
     * due retries and rechecks runs at most once a second, so a fan-out to N subscribers costs O(N), not O(N²).
     */
    private Instant dispatch(KarvonConfig cfg, Instant now) {
        Instant nextRetry = null;
        if (!delivering) return null;
        long nanoNow = System.nanoTime();
        if (nanoNow - lastScan >= SCAN_EVERY_NANOS) {
            nextRetry = scan(now);
            lastScan = nanoNow;
        }
        int limit = cfg.websub().deliveryWorkers();
        int hostLimit = cfg.websub().deliveryPerHost();
        for (Iterator<String> it = ready.iterator(); it.hasNext() && running < limit; ) {
            Slot s = slots.get(it.next());
            if (s == null || s.inFlight || !s.pending || s.sub.state() != HubSubscription.State.ACTIVE) {
                it.remove();
                continue;
            }
            HubSubscription sub = s.sub;
            String host = host(sub.callback());
            int busy = perHost.getOrDefault(host, 0);
            if (busy >= hostLimit) continue;
            it.remove();
            perHost.put(host, busy + 1);
            running++;
            s.inFlight = true;
            s.pending = false;
            long since = s.pendingSince;
            workers.execute(() -> deliver(s, sub, host, since));
        }
        return nextRetry;
    }

    /** Ends lapsed leases, readies due retries and the subscribers of topics due for a recheck. */
    private Instant scan(Instant now) {
        long nanoNow = System.nanoTime();
        for (Map.Entry<Topic, Instant> e : List.copyOf(recheck.entrySet())) {
            if (e.getValue().isAfter(now)) continue;
            recheck.remove(e.getKey());
            for (String id : byTopic.getOrDefault(e.getKey(), Set.of())) markPending(slots.get(id), nanoNow);
        }
        Instant nextRetry = null;
        for (Slot s : slots.values()) {
            HubSubscription sub = s.sub;
            if (sub.state() != HubSubscription.State.ACTIVE) continue;
            if (!sub.expiresAt().isAfter(now)) {   // the lease ended: no more deliveries, no more retries
                end(s, HubSubscription.State.EXPIRED, null);
                continue;
            }
            if (!s.pending || s.inFlight || sub.nextAttempt() == null) continue;
            if (sub.nextAttempt().isAfter(now)) {
                if (nextRetry == null || sub.nextAttempt().isBefore(nextRetry)) nextRetry = sub.nextAttempt();
            } else {
                ready.add(sub.id());
            }
        }
        return nextRetry;
    }

    private void end(Slot s, HubSubscription.State state, String error) {
        s.sub = s.sub.withState(state, error);
        s.pending = false;
        ready.remove(s.sub.id());
        Set<String> ids = byTopic.get(s.sub.topic());
        if (ids != null) ids.remove(s.sub.id());
        dirty.put(s.sub.id(), s.sub);
    }

    private void deliver(Slot slot, HubSubscription sub, String host, long since) {
        DeliveryAttempt.Outcome outcome;
        try {
            outcome = attempt.run(sub);
        } catch (Exception e) {   // OkHttp (Kotlin) may throw InterruptedException undeclared when we stop
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            outcome = DeliveryAttempt.Outcome.failure(0, "internal error: " + e.getClass().getSimpleName());
            if (!stopped) LOG.warn("websub delivery {}: {}", sub.id(), e.toString());
        }
        Instant now = clock.instant();
        synchronized (lock) {
            running--;
            perHost.merge(host, -1, Integer::sum);
            slot.inFlight = false;
            if (slots.get(sub.id()) != slot) {   // dropped (the role moved) or replaced meanwhile
                lock.notifyAll();
                return;
            }
            if (outcome.topicVersion() != null && outcome.validUntil() != null) {
                recheck.merge(sub.topic(), outcome.validUntil(), (a, b) -> a.isBefore(b) ? a : b);
            }
            if (slot.sub.state() == HubSubscription.State.ACTIVE) {
                apply(slot, outcome, now, since);
                // changed again while this one was on its way: hand it out again (unless a retry now waits)
                if (slot.pending && slot.sub.nextAttempt() == null) ready.add(slot.sub.id());
            }
            lock.notifyAll();
        }
    }

    private void apply(Slot slot, DeliveryAttempt.Outcome o, Instant now, long since) {
        HubSubscription cur = slot.sub;
        switch (o.kind()) {
            case UP_TO_DATE -> {
                if (!o.topicVersion().equals(cur.deliveredEtag())) slot.sub = cur.upToDate(o.topicVersion());
            }
            case DELIVERED -> {
                slot.sub = cur.delivered(o.topicVersion(), now, o.status());
                stats.count(HubStats.Outcome.DELIVERED);
                stats.latency(System.nanoTime() - since);
            }
            case GONE -> {
                stats.count(HubStats.Outcome.GONE);
                slot.sub = cur.failed(now, o.status(), o.error(), null);
                end(slot, HubSubscription.State.GONE, o.error());
            }
            case REVOKED -> {
                stats.count(HubStats.Outcome.REVOKED);
                end(slot, HubSubscription.State.REVOKED, o.error());
            }
            case FAILED -> {
                stats.count(HubStats.Outcome.FAILED);
                slot.sub = cur.failed(now, o.status(), o.error(), now.plus(backoff(cur.failures() + 1, cur.id())));
                if (!slot.pending) {
                    slot.pending = true;
                    slot.pendingSince = since;
                }
                if (cur.failures() == 0) LOG.info("websub: delivery of {} to subscription {} failed: {}", cur.topic(), cur.id(), o.error());
            }
        }
        dirty.put(slot.sub.id(), slot.sub);
    }

    /** 30 s, 1 min, 2 min … 1 h, ±10% so that subscribers failing together do not retry in lock-step. */
    static Duration backoff(int failures, String id) {
        long base = FIRST_RETRY.toMillis() << Math.min(20, Math.max(0, failures - 1));
        long ms = Math.min(base, MAX_RETRY.toMillis());
        long spread = ms / 10;
        long h = (id.hashCode() * 31L + failures) & 0x7fffffff;
        return Duration.ofMillis(ms - spread + (spread == 0 ? 0 : h % (2 * spread)));
    }

    private void resize(int n) {
        if (workers.getMaximumPoolSize() == n) return;
        if (n > workers.getMaximumPoolSize()) {
            workers.setMaximumPoolSize(n);
            workers.setCorePoolSize(n);
        } else {
            workers.setCorePoolSize(n);
            workers.setMaximumPoolSize(n);
        }
    }

    static String host(String callback) {
        String h = URI.create(callback).getHost();
        return h == null ? "" : h.toLowerCase(Locale.ROOT);
    }

    private void flushIfDue(Instant now) {
        if (Duration.between(lastFlush, now).compareTo(FLUSH_EVERY) >= 0 || now.isBefore(lastFlush)) flush(now);
    }

    /** Saves what deliveries did to changed subscriptions; a failure keeps them for the next try. */
    void flush(Instant now) {
        List<HubSubscription> batch;
        synchronized (lock) {
            lastFlush = now;
            if (dirty.isEmpty()) return;
            batch = new ArrayList<>(dirty.values());
            dirty.clear();
        }
        try {
            store.saveProgress(batch);
        } catch (StoreException e) {
            synchronized (lock) {
                for (HubSubscription s : batch) dirty.putIfAbsent(s.id(), s);
            }
            LOG.error("websub: could not save subscriptions: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
        flush(clock.instant());
    }

    /** Stops without saving what was not saved yet, as a process killed would (for tests of the other instances). */
    void abandon() {
        stop();
    }

    private void stop() {
        stopped = true;
        dispatcher.interrupt();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
