package uz.karvon.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KarvonConfig.PartnerSpec;
import uz.karvon.ingest.fetch.AddressGuard;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Topics;
import uz.karvon.publish.Topics.Topic;
import uz.karvon.store.Database;
import uz.karvon.store.RoleLeases;
import uz.karvon.store.StoreException;

/**
 * The built-in WebSub hub (W3C Recommendation, 2018) for karvon's own feeds. A request is checked at once (topic,
 * callback, lease, secret, the partner for a private feed) and answered {@code 202}; its intent is then verified with
 * the callback, and only a verified request changes anything (§5.1). Subscriptions are stored; deliveries are
 * {@link Deliveries}' job. Every feed change reaches {@link #feedsChanged}; with {@code websub.hub} naming an external
 * hub, public feeds' changes are also pinged there ({@link HubPing}).
 *
 * <p>Several instances on one database form one hub: any of them takes and verifies requests and stores what they
 * grant; the one holding the {@value #ROLE} role ({@link RoleLeases}) delivers (and pings), and reads the grants the
 * others stored every second. When it stops, another takes the role over once its lease (the database's
 * {@code lease}) runs out, or at once after a clean stop. A subscriber gets each version once, not once per instance.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CALLBACK = 2048;
    private static final int MAX_SECRET_BYTES = 199;   // §5.1: "MUST be less than 200 bytes"
    private static final int KEPT_REFUSALS = 50;
    /** Requests waiting for verification at most; more get 503 and are retried by their subscriber. */
    private static final int MAX_WAITING = 1024;
    /** Ended subscriptions stay listed this long after their lease. */
    private static final Duration KEEP_ENDED = Duration.ofDays(30);
    static final String ROLE = "websub-delivery";
    /** Grants are read back from this long before the last read: commits of other instances arrive late. */
    private static final Duration GRANT_SLACK = Duration.ofSeconds(10);
    /** Counts of a hub that does not deliver come from the database, at most this often. */
    private static final Duration COUNTS_FRESH = Duration.ofSeconds(5);

    /** A subscription request as the form gave it; {@code partnerId} is the partner the web layer authenticated. */
    public record Request(String mode, String topic, String callback, String leaseSeconds, String secret, String partnerId) {}

    /** The HTTP answer to a request: 202 with a note, or an error status with a plain-text message. */
    public record Answer(int status, String message) {}

    /** A request whose verification failed (or that could not be applied), for the admin listing. */
    public record Refusal(Instant at, String mode, String topic, String callback, String reason) {}

    private final Supplier<KarvonConfig> config;
    private final FeedPublisher publisher;
    private final HubStore store;
    private final HubStats stats = new HubStats();
    private final Deliveries deliveries;
    private final IntentVerifier verifier;
    private final HubPing ping;
    private final Clock clock;
    private final ThreadPoolExecutor verifications;
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private final Object applyLock = new Object();
    private final RoleLeases roles;
    private final String instanceId;
    private final Duration roleLease;
    private final ScheduledExecutorService roleTimer;
    private Instant renewAt = Instant.MIN;     // role timer thread only
    private Instant grantsFrom = Instant.MIN;  // role timer thread only
    private Instant heldUntil = Instant.MIN;   // role timer thread only: the lease last renewed
    private volatile StoredCounts storedCounts;

    /** {@code at}: System.nanoTime() when read (the counts' age is real time, whatever the clock says). */
    private record StoredCounts(long at, Map<HubSubscription.State, Integer> counts) {}

    /**
     * @param instanceId this instance's id, the owner of the delivery role while it holds it
     * @param roleLease  how long the role outlives an instance that stops renewing it (the database's {@code lease})
     */
    public Hub(Supplier<KarvonConfig> config, FeedPublisher publisher, Database db, OutboundHttp http, Clock clock,
               String instanceId, Duration roleLease) {
        this.config = config;
        this.publisher = publisher;
        this.store = new HubStore(db);
        this.clock = clock;
        this.roles = new RoleLeases(db);
        this.instanceId = instanceId;
        this.roleLease = roleLease;
        this.deliveries = new Deliveries(config, publisher, http, store, stats, clock);
        this.roleTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "karvon-websub-role");
            t.setDaemon(true);
            return t;
        });
        this.verifier = new IntentVerifier(http);
        this.ping = new HubPing(config, publisher, http);
        AtomicInteger n = new AtomicInteger();
        int threads = config.get().websub().deliveryWorkers();
        this.verifications = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_WAITING), r -> {
            Thread t = new Thread(r, "karvon-websub-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.verifications.allowCoreThreadTimeOut(true);
    }

    /** Takes the delivery role if nobody holds it (always, alone on a database), then keeps checking every second. */
    public void start() {
        roleTick();
        deliveries.start();
        roleTimer.scheduleWithFixedDelay(this::roleTick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Renews the role a quarter of a lease before it would run out (or tries to take it), takes every subscription on
     * gaining it, drops them on losing it, and while delivering merges the grants stored since the last look.
     */
    private void roleTick() {
        try {
            Instant now = clock.instant();
            boolean delivering = deliveries.delivering();
            if (!delivering || !now.isBefore(renewAt)) {
                boolean held = roles.hold(ROLE, instanceId, now, roleLease);
                renewAt = now.plus(roleLease.dividedBy(4));
                if (held) heldUntil = now.plus(roleLease);
                if (held && !delivering) {
                    deliveries.take(store.loadAll());
                    grantsFrom = now.minus(GRANT_SLACK);
                    // changes made while nobody delivered: an external hub is pinged for every public feed once
                    ping.feedsChanged(config.get().feeds().stream().map(FeedSpec::id).collect(Collectors.toSet()));
                    LOG.info("websub: this instance delivers the hub's notifications ({} subscriptions active)", deliveries.active());
                    return;
                }
                if (!held && delivering) {
                    deliveries.drop();
                    LOG.warn("websub: another instance took over the hub's deliveries");
                    return;
                }
            }
            if (delivering) {
                List<HubSubscription> granted = store.grantedSince(grantsFrom);
                grantsFrom = now.minus(GRANT_SLACK);
                deliveries.merge(granted);
            }
        } catch (StoreException e) {
            LOG.warn("websub: delivery role: {}", e.getMessage());
            // unable to renew: past the lease another instance may deliver, so this one stops
            if (deliveries.delivering() && !clock.instant().isBefore(heldUntil)) {
                deliveries.drop();
                LOG.warn("websub: the delivery role's lease ran out unrenewed; this instance stopped delivering");
            }
        } catch (RuntimeException e) {
            LOG.error("websub: delivery role: {}", e.toString());
        }
    }

    /** Whether this instance delivers the hub's notifications (holds the role). */
    public boolean delivering() {
        return deliveries.delivering();
    }

    /** Feeds whose content may have changed (the publisher's one notice, for every kind of write, on every instance). */
    public void feedsChanged(Set<String> feedIds) {
        if (!deliveries.delivering()) return;   // the instance delivering hears of every change too
        deliveries.feedsChanged(feedIds);
        ping.feedsChanged(feedIds);
    }

    /** A private feed (or one carrying embargoed stories) is for partners: a subscription needs one. */
    public static boolean needsPartner(FeedSpec f) {
        return !f.isPublic() || f.includeEmbargoed();
    }

    /** Whether the partner (null: none) may read the feed now: the rule pulling follows, applied per delivery. */
    public static boolean mayRead(KarvonConfig cfg, String partnerId, FeedSpec f) {
        if (!needsPartner(f)) return true;
        if (partnerId == null) return false;
        for (PartnerSpec p : cfg.partners()) {
            if (p.id().equals(partnerId)) return p.mayRead(f);
        }
        return false;
    }

    /** Checks a request, answers it, and (when it is acceptable) verifies and applies it in the background. */
    public Answer request(Request r) {
        KarvonConfig cfg = config.get();
        String mode = r.mode() == null ? "" : r.mode().trim().toLowerCase(Locale.ROOT);
        if (mode.equals("publish")) {
            return new Answer(400, "hub.mode=publish: this hub publishes karvon's own feeds and knows when they change;"
                    + " no ping is needed");
        }
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            return new Answer(400, "hub.mode: expected subscribe or unsubscribe, got \"" + clip(r.mode()) + "\"");
        }
        if (r.topic() == null || r.topic().isBlank()) return new Answer(400, "hub.topic: missing");
        Optional<Topic> topic = Topics.parse(cfg, r.topic());
        if (topic.isEmpty()) {
            return new Answer(400, "hub.topic: \"" + clip(Topics.withoutKey(r.topic())) + "\" is not a feed of this hub;"
                    + " topics are the feeds' self links" + (cfg.feeds().isEmpty() ? ""
                    : ", such as " + Topics.url(cfg, new Topic(cfg.feeds().get(0).id(), FeedFormat.ATOM))));
        }
        FeedSpec feed = cfg.feed(topic.get().feedId()).orElseThrow();
        if (needsPartner(feed) && r.partnerId() == null) return new Answer(401, "hub.topic: a private feed; subscribe with your partner key");
        if (!mayRead(cfg, r.partnerId(), feed)) return new Answer(403, "hub.topic: your key may not read this feed");
        String callbackProblem = callbackProblem(r.callback(), cfg.websub().allowPrivateCallbacks());
        if (callbackProblem != null) return new Answer(400, "hub.callback: " + callbackProblem);
        long lease;
        try {
            lease = lease(r.leaseSeconds(), cfg.websub());
        } catch (IllegalArgumentException e) {
            return new Answer(400, "hub.lease_seconds: " + e.getMessage());
        }
        String secret = r.secret() == null || r.secret().isEmpty() ? null : r.secret();
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            return new Answer(400, "hub.secret: must be less than 200 bytes");
        }
        String callback = r.callback().trim();
        try {
            if (mode.equals("subscribe") && isFull(cfg)
                    && existing(topic.get(), callback).filter(s -> s.state() == HubSubscription.State.ACTIVE).isEmpty()) {
                return new Answer(503, "the hub holds its maximum of " + cfg.websub().maxSubscriptions()
                        + " subscriptions (websub.max_subscriptions)");
            }
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
            return new Answer(503, "the hub's store is not available; try again in a minute");
        }
        String partner = needsPartner(feed) ? r.partnerId() : null;
        resize(cfg.websub().deliveryWorkers());
        try {
            verifications.execute(() -> verifyAndApply(mode, r.topic().trim(), topic.get(), callback, lease, secret, partner));
        } catch (RejectedExecutionException e) {
            return new Answer(503, "too many verifications in progress; try again in a minute");
        }
        return new Answer(202, mode + " request accepted; the hub will verify it with a GET to hub.callback");
    }

    private void verifyAndApply(String mode, String givenTopic, Topic topic, String callback, long lease, String secret,
                                String partner) {
        KarvonConfig cfg = config.get();
        Instant requested = clock.instant();   // §5.3: the lease runs from the verification request
        String problem = verifier.verify(callback, mode, givenTopic, mode.equals("subscribe") ? lease : null,
                cfg.websub().allowPrivateCallbacks(), cfg.websub().deliveryTimeout());
        if (problem != null) {
            refuse(mode, topic, callback, problem);
            return;
        }
        try {
            synchronized (applyLock) {
                Optional<HubSubscription> existing = existing(topic, callback);
                if (mode.equals("unsubscribe")) {
                    if (existing.isEmpty()) return;
                    HubSubscription ended = new HubSubscription(existing.get().id(), topic, callback, existing.get().secret(),
                            existing.get().partnerId(), HubSubscription.State.UNSUBSCRIBED, existing.get().leaseSeconds(),
                            existing.get().createdAt(), existing.get().verifiedAt(), requested, existing.get().deliveredEtag(),
                            existing.get().lastDeliveryAt(), existing.get().lastStatus(), existing.get().lastError(),
                            existing.get().failures(), null);
                    store.save(List.of(ended), clock.instant());
                    deliveries.put(ended);
                    LOG.info("websub: unsubscribed {} from {}", Callbacks.shown(callback), topic);
                    return;
                }
                boolean renewing = existing.isPresent() && existing.get().state() == HubSubscription.State.ACTIVE;
                if (!renewing && isFull(cfg)) {
                    refuse(mode, topic, callback, "the hub is full (websub.max_subscriptions)");
                    return;
                }
                // A new subscriber has what it just fetched; it is sent the next version. A renewal keeps its place.
                String version = renewing ? existing.get().deliveredEtag() : currentVersion(topic);
                HubSubscription sub = new HubSubscription(existing.map(HubSubscription::id).orElseGet(Hub::newId), topic,
                        callback, secret, partner, HubSubscription.State.ACTIVE, lease,
                        existing.map(HubSubscription::createdAt).orElse(requested), requested, requested.plusSeconds(lease),
                        version, renewing ? existing.get().lastDeliveryAt() : null, renewing ? existing.get().lastStatus() : 0,
                        renewing ? existing.get().lastError() : null, renewing ? existing.get().failures() : 0,
                        renewing ? existing.get().nextAttempt() : null);
                store.save(List.of(sub), clock.instant());
                deliveries.put(sub);
                LOG.info("websub: {} {} to {} for {}", renewing ? "renewed" : "subscribed", Callbacks.shown(callback), topic,
                        Duration.ofSeconds(lease));
            }
        } catch (StoreException e) {
            LOG.error("websub: {}", e.getMessage());
            refuse(mode, topic, callback, "could not be stored: " + e.getMessage());
        }
    }

    /** The subscription (topic, callback): as delivered here, or as stored when another instance delivers. */
    private Optional<HubSubscription> existing(Topic topic, String callback) throws StoreException {
        return deliveries.delivering() ? deliveries.find(topic, callback) : store.find(topic, callback);
    }

    private boolean isFull(KarvonConfig cfg) {
        return counts().getOrDefault(HubSubscription.State.ACTIVE, 0) >= cfg.websub().maxSubscriptions();
    }

    /** Subscriptions by state: this instance's when it delivers, else the database's (a few seconds old at most). */
    private Map<HubSubscription.State, Integer> counts() {
        if (deliveries.delivering()) return deliveries.countByState();
        StoredCounts c = storedCounts;
        long now = System.nanoTime();
        if (c == null || now - c.at() >= COUNTS_FRESH.toNanos()) {
            try {
                c = new StoredCounts(now, store.countByState());
                storedCounts = c;
            } catch (StoreException e) {
                LOG.warn("websub: {}", e.getMessage());
                return c == null ? Map.of() : c.counts();
            }
        }
        return c.counts();
    }

    /** Verifications run on as many threads as deliveries; a reload that changes the number applies it here. */
    private synchronized void resize(int n) {
        if (verifications.getMaximumPoolSize() == n) return;
        if (n > verifications.getMaximumPoolSize()) {
            verifications.setMaximumPoolSize(n);
            verifications.setCorePoolSize(n);
        } else {
            verifications.setCorePoolSize(n);
            verifications.setMaximumPoolSize(n);
        }
    }

    private String currentVersion(Topic t) {
        try {
            return TopicContent.current(publisher, t).map(Rendered::etag).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("websub: could not render {} for a new subscription ({}); it is sent the feed as it is", t, e.toString());
            return null;   // unknown: the first delivery sends the topic as it is
        }
    }

    private void refuse(String mode, Topic topic, String callback, String reason) {
        LOG.info("websub: {} of {} to {} not applied: {}", mode, Callbacks.shown(callback), topic, reason);
        synchronized (refusals) {
            refusals.addFirst(new Refusal(clock.instant(), mode, topic.toString(), Callbacks.shown(callback), reason));
            while (refusals.size() > KEPT_REFUSALS) refusals.removeLast();
        }
    }

    /** A positive whole number clamped to the configured bounds; absent: the default lease. */
    static long lease(String given, KarvonConfig.Websub w) {
        if (given == null || given.isBlank()) return w.defaultLease().toSeconds();
        long v;
        try {
            v = Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a positive whole number of seconds, got \"" + clip(given) + "\"");
        }
        if (v <= 0) throw new IllegalArgumentException("expected a positive whole number of seconds, got " + v);
        return Math.max(w.minLease().toSeconds(), Math.min(v, w.maxLease().toSeconds()));
    }

    /**
     * An absolute http(s) URL without user info or fragment, at most 2048 characters; a loopback or private address
     * literal (or localhost) only with {@code websub.allow_private_callbacks}. A name that resolves to one is refused
     * when it is connected to, by the same guard fetching uses.
     */
    static String callbackProblem(String callback, boolean allowPrivate) {
        if (callback == null || callback.isBlank()) return "missing";
        String c = callback.trim();
        if (c.length() > MAX_CALLBACK) return "longer than " + MAX_CALLBACK + " characters";
        URI u;
        try {
            u = new URI(c);
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return "expected an absolute http or https URL";
        if (u.getHost() == null) return "the URL has no host";
        if (u.getRawUserInfo() != null) return "user info in the URL is not allowed";
        if (u.getRawFragment() != null) return "a fragment is not allowed";
        if (!allowPrivate && AddressGuard.namesPrivateAddress(u.getHost())) {
            return "loopback and private addresses are refused (websub.allow_private_callbacks is false)";
        }
        return null;
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String clip(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    /** Every subscription the hub knows, active or ended (from the database when another instance delivers). */
    public List<HubSubscription> subscriptions() {
        if (deliveries.delivering()) return deliveries.all();
        try {
            return store.loadAll();
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
            return List.of();
        }
    }

    /** The most recent refused or failed requests, newest first. */
    public List<Refusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Subscriptions by state, deliveries by outcome and delivery latency, for operators and metrics. */
    public HubStats.Snapshot stats() {
        return stats.snapshot(counts());
    }

    /** Forgets subscriptions whose lease ended more than 30 days ago (hourly housekeeping). */
    public void purge() {
        Instant cutoff = clock.instant().minus(KEEP_ENDED);
        try {
            store.purgeEndedBefore(cutoff);
            deliveries.purgeEndedBefore(cutoff);
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
        }
    }

    /** Stops as a killed process would: the role stays held until its lease runs out, nothing more is saved. */
    public void abandon() {
        roleTimer.shutdownNow();
        verifications.shutdownNow();
        ping.close();
        deliveries.abandon();
    }

    @Override
    public void close() {
        roleTimer.shutdownNow();
        verifications.shutdownNow();
        ping.close();
        boolean delivering = deliveries.delivering();
        deliveries.close();
        if (delivering) {
            try {
                roles.release(ROLE, instanceId);   // another instance takes over at once, not after the lease
            } catch (StoreException e) {
                LOG.warn("websub: {}", e.getMessage());
            }
        }
    }
}
