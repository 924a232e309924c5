package uz.karvon.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.ingest.HubLink;
import uz.karvon.ingest.PushChannel;
import uz.karvon.ingest.fetch.AddressGuard;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;

/**
 * WebSub subscriber for sources. A source whose feed advertises a hub is subscribed to (callback
 * {@code site.base_url}/websub/callback/TOKEN, a fresh secret, {@code websub.default_lease}), verified, and renewed
 * when a tenth of its lease is left. A push is accepted only with a valid {@code X-Hub-Signature} under our secret;
 * what to do with it is the poller's (the same path as a fetch). While pushes arrive the source is still polled, at
 * {@code websub.push_poll_interval} (or its own interval, if longer); polling takes over at the normal interval when
 * the lease lapses, the hub denies us, or a safety-net poll finds items no push brought.
 *
 * <p>On a database shared by several instances (PostgreSQL) the stored rows are the truth: a source is polled by
 * whichever instance holds its lease, and the hub's verification or push reaches whichever instance the load balancer
 * picks, so each of those reads the source's row before it decides and writes it back after. Renewals and time-outs
 * ({@link #tick}) are the job of the one instance holding the hub's delivery role. Alone on SQLite, memory is the
 * truth and every change is written through.
 */
public final class SourceSubscriptions implements PushChannel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceSubscriptions.class);
    public static final String CALLBACK_PATH = "/websub/callback/";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A failed or expired subscription is tried again after this; a denied one after a day. */
    static final Duration RETRY = Duration.ofHours(1);
    static final Duration RETRY_DENIED = Duration.ofDays(1);
    /** A hub that has not verified our request by then is taken to have refused it. */
    static final Duration VERIFY_WITHIN = Duration.ofHours(1);
    private static final int MAX_CHALLENGE = 200;

    private final Supplier<KarvonConfig> config;
    private final SourcePushStore store;
    private final OutboundHttp http;
    private final Clock clock;
    private final Map<String, SourcePush> bySource = new ConcurrentHashMap<>();
    private final Map<String, String> byToken = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor requests;
    private final boolean shared;
    private volatile long lastReload = System.nanoTime() - RELOAD_EVERY_NANOS;
    private static final long RELOAD_EVERY_NANOS = 5_000_000_000L;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public SourceSubscriptions(Supplier<KarvonConfig> config, Database db, OutboundHttp http, Clock clock) throws StoreException {
        this.config = config;
        this.store = new SourcePushStore(db);
        this.shared = db.shared();
        this.http = http;
        this.clock = clock;
        for (SourcePush p : store.loadAll()) {
            bySource.put(p.sourceId(), p);
            byToken.put(p.token(), p.sourceId());
        }
        AtomicInteger n = new AtomicInteger();
        // a few at once: ten thousand sources finding their hubs on the first poll cycle must not queue for hours
        this.requests = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "karvon-websub-subscriber-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.requests.allowCoreThreadTimeOut(true);
    }

    // ---- what polling tells us, and asks

    @Override
    public void advertised(SourceSpec source, HubLink link) {
        KarvonConfig cfg = config.get();
        SourcePush cur = fresh(source.id());
        Instant now = clock.instant();
        if (link == null || !cfg.websub().subscribeSources()) {
            if (cur != null && (cur.state() == SourcePush.State.ACTIVE || cur.state() == SourcePush.State.SUBSCRIBING)) {
                submit(() -> request(source.id(), "unsubscribe"));
            }
            return;
        }
        boolean same = cur != null && cur.hub().equals(link.hub()) && cur.topic().equals(link.topic());
        if (same) {
            Duration wait = switch (cur.state()) {
                case ACTIVE, SUBSCRIBING, UNSUBSCRIBING -> null;   // renewals and time-outs are tick()'s
                case DENIED -> RETRY_DENIED;
                case FAILED, EXPIRED, UNSUBSCRIBED -> RETRY;
            };
            if (wait == null || (cur.requestedAt() != null && cur.requestedAt().plus(wait).isAfter(now))) return;
        }
        SourcePush next = same ? cur : new SourcePush(source.id(), link.hub(), link.topic(),
                cur != null ? cur.token() : token(), secret(), SourcePush.State.FAILED, null, 0, null,
                cur == null ? null : cur.lastPush(), cur == null ? 0 : cur.pushes(), cur == null ? 0 : cur.rejected(),
                null, false);
        put(next);
        submit(() -> request(source.id(), "subscribe"));
    }

    @Override
    public Duration pollInterval(SourceSpec source, int newItems) {
        SourcePush p = fresh(source.id());
        Instant now = clock.instant();
        if (p == null || !p.live(now)) return source.interval();
        if (newItems > 0 && !p.missed()) {
            LOG.info("source {}: a safety-net poll found {} items the hub did not push; polling every {} until pushes"
                    + " resume", source.id(), newItems, source.interval());
            update(source.id(), q -> q.withMissed(true));
            return source.interval();
        }
        if (p.missed()) return source.interval();
        Duration safety = config.get().websub().pushPollInterval();
        return safety.compareTo(source.interval()) > 0 ? safety : source.interval();
    }

    // ---- the hub talking to our callback

    /**
     * A verification of intent (or a denial) at our callback. Returns the body to answer 200 with (the challenge;
     * empty for an acknowledged denial), or empty to answer 404: we do not agree (§5.3).
     */
    public Optional<String> verify(String token, String mode, String topic, String challenge, String leaseSeconds,
                                   String reason) {
        String id = sourceOf(token);
        SourcePush p = id == null ? null : bySource.get(id);
        if (p == null || mode == null || !sameTopic(p.topic(), topic)) return Optional.empty();
        Instant now = clock.instant();
        switch (mode) {
            case "denied" -> {
                String why = reason == null || reason.isBlank() ? "" : ": " + clip(reason);
                update(id, q -> q.with(SourcePush.State.DENIED, "the hub denied the subscription" + why));
                LOG.warn("source {}: the hub {} denied our subscription", id, p.hub());
                return Optional.of("");
            }
            case "subscribe" -> {
                if (!validChallenge(challenge)) return Optional.empty();
                if (p.state() != SourcePush.State.SUBSCRIBING && p.state() != SourcePush.State.ACTIVE) return Optional.empty();
                long lease = parseLease(leaseSeconds);
                if (lease <= 0) return Optional.empty();   // §5.3: the hub MUST supply it for subscribe
                SourcePush verified = update(id, q -> q.verified(lease, now));
                if (p.state() == SourcePush.State.SUBSCRIBING) {
                    LOG.info("source {}: subscribed at {} until {}", id, p.hub(), verified.leaseExpires());
                }
                return Optional.of(challenge);
            }
            case "unsubscribe" -> {
                if (!validChallenge(challenge) || p.state() != SourcePush.State.UNSUBSCRIBING) return Optional.empty();
                update(id, q -> q.with(SourcePush.State.UNSUBSCRIBED, null));
                return Optional.of(challenge);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** What became of a push: the source it is for, or why it is not taken. */
    public sealed interface Push permits Unknown, Rejected, Accepted {}

    /** No subscription has this callback (any more): answer 410 so the hub stops. */
    public record Unknown() implements Push {}

    /** The signature is missing or wrong: dropped (§8: the subscriber MUST ignore it). */
    public record Rejected(String sourceId) implements Push {}

    /** Authentic: hand the body to the poller; {@code topic} is what relative links resolve against. */
    public record Accepted(String sourceId, URI topic) implements Push {}

    /** Checks a pushed body against the secret of the subscription its callback belongs to. */
    public Push receive(String token, byte[] body, String signature) {
        String id = sourceOf(token);
        SourcePush p = id == null ? null : bySource.get(id);
        if (p == null || p.state() == SourcePush.State.UNSUBSCRIBED) return new Unknown();
        if (!Signature.verify(p.secret(), body, signature)) {
            update(id, q -> q.rejectedOne(signature == null ? "a push without X-Hub-Signature was dropped"
                    : "a push with an invalid X-Hub-Signature was dropped"));
            LOG.warn("source {}: dropped a push with {} signature", id, signature == null ? "no" : "an invalid");
            rejected.incrementAndGet();
            return new Rejected(id);
        }
        accepted.incrementAndGet();
        return new Accepted(id, p.topic());
    }

    /** The poller stored a push. */
    public void pushStored(String sourceId) {
        update(sourceId, q -> q.pushed(clock.instant()));
    }

    /** The poller could not use a push (it did not parse, or no worker was free). */
    public void pushFailed(String sourceId, String why) {
        update(sourceId, q -> q.with(q.state(), "push not stored: " + why));
    }

    /** Whether a callback token is ours: checked before a pushed body is read. */
    public boolean knows(String token) {
        return sourceOf(token) != null;
    }

    public Optional<SourcePush> status(String sourceId) {
        return Optional.ofNullable(fresh(sourceId));
    }

    // ---- time

    /**
     * Renews leases with a tenth left, expires lapsed ones, gives up on requests the hub never verified, and
     * unsubscribes sources no longer in feeds.yml. The server calls it every minute.
     */
    public void tick() {
        if (shared) reloadAll();
        Instant now = clock.instant();
        KarvonConfig cfg = config.get();
        for (SourcePush p : List.copyOf(bySource.values())) {
            String id = p.sourceId();
            if (cfg.source(id).isEmpty()) {
                if (p.state() == SourcePush.State.ACTIVE) submit(() -> request(id, "unsubscribe"));
                else if (p.state() != SourcePush.State.UNSUBSCRIBING) forget(id);
                continue;
            }
            switch (p.state()) {
                case ACTIVE -> {
                    if (!p.leaseExpires().isAfter(now)) {
                        update(id, q -> q.with(SourcePush.State.EXPIRED, "the lease ended before a renewal was verified"));
                        LOG.info("source {}: websub lease ended; polling at the normal interval", id);
                    } else if (Duration.between(now, p.leaseExpires()).getSeconds() <= Math.max(60, p.leaseSeconds() / 10)
                            && (p.requestedAt() == null || p.requestedAt().plus(Duration.ofMinutes(10)).isBefore(now))) {
                        submit(() -> request(id, "subscribe"));   // a renewal: the same callback and secret
                    }
                }
                case SUBSCRIBING, UNSUBSCRIBING -> {
                    if (p.requestedAt() != null && p.requestedAt().plus(VERIFY_WITHIN).isBefore(now)) {
                        update(id, q -> q.with(SourcePush.State.FAILED, "the hub did not verify the request within "
                                + VERIFY_WITHIN.toMinutes() + " minutes"));
                    }
                }
                default -> { }
            }
        }
    }

    // ---- requests to the hub

    private void submit(Runnable r) {
        try {
            requests.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.warn("websub: subscriber queue full; request dropped (retried later)");
        }
    }

    /** Sends subscribe or unsubscribe to the source's hub (§5.1), following one 307/308 to another hub. */
    private void request(String sourceId, String mode) {
        SourcePush p = bySource.get(sourceId);
        if (p == null) return;
        KarvonConfig cfg = config.get();
        Instant now = clock.instant();
        String base = cfg.site().baseUrl();
        if (AddressGuard.namesPrivateAddress(URI.create(base).getHost()) && !AddressGuard.namesPrivateAddress(p.hub().getHost())) {
            update(sourceId, q -> q.with(SourcePush.State.FAILED, "not subscribed: site.base_url " + base
                    + " cannot be reached by the hub " + p.hub().getHost() + "; set site.base_url to karvon's public address"));
            return;
        }
        boolean unsubscribe = mode.equals("unsubscribe");
        SourcePush.State waiting = unsubscribe ? SourcePush.State.UNSUBSCRIBING
                : p.state() == SourcePush.State.ACTIVE ? SourcePush.State.ACTIVE : SourcePush.State.SUBSCRIBING;
        URI hub = p.hub();
        // saved first: the hub may verify before its answer to this request arrives
        update(sourceId, q -> q.requested(q.hub(), waiting, now));
        String form = "hub.mode=" + mode
                + "&hub.topic=" + enc(p.topic().toString())
                + "&hub.callback=" + enc(base + CALLBACK_PATH + p.token())
                + (unsubscribe ? "" : "&hub.lease_seconds=" + cfg.websub().defaultLease().toSeconds()
                + "&hub.secret=" + enc(p.secret()));
        String problem = null;
        for (int hop = 0; hop < 2; hop++) {
            try {
                OutboundHttp.Reply r = http.post(hub, allowPrivate(cfg, sourceId, hub), Map.of(),
                        form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
                        cfg.websub().deliveryTimeout(), 2048);
                if (r.ok()) {
                    problem = null;
                    break;
                }
                if ((r.status() == 307 || r.status() == 308) && r.location() != null && hop == 0) {
                    hub = hub.resolve(r.location().trim());   // §5.1: the hub moved; retry there
                    URI moved = hub;
                    update(sourceId, q -> q.requested(moved, waiting, now));
                    continue;
                }
                String says = new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
                problem = "the hub answered HTTP " + r.status() + (says.isEmpty() ? "" : ": " + clip(says));
                break;
            } catch (FetchException e) {
                problem = "the hub could not be reached: " + e.getMessage();
                break;
            } catch (IllegalArgumentException e) {
                problem = "the hub redirected to an invalid URL";
                break;
            }
        }
        if (problem != null) {
            String why = problem;
            SourcePush after = bySource.get(sourceId);
            // a failed renewal leaves the running lease alone; it is tried again, and expires if it never works
            if (after != null && after.state() != SourcePush.State.ACTIVE) update(sourceId, q -> q.with(SourcePush.State.FAILED, why));
            else update(sourceId, q -> q.with(q.state(), why));
            LOG.info("source {}: websub {} at {} failed: {}", sourceId, mode, hub, why);
        }
    }

    /** A hub on a private address only with websub.allow_private_callbacks, or on the intranet source's own host. */
    private static boolean allowPrivate(KarvonConfig cfg, String sourceId, URI hub) {
        if (cfg.websub().allowPrivateCallbacks()) return true;
        Optional<SourceSpec> s = cfg.source(sourceId);
        if (s.isEmpty() || s.get().url().getHost() == null || hub.getHost() == null) return false;
        boolean privateSource = s.get().privateNetwork() || AddressGuard.namesPrivateAddress(s.get().url().getHost());
        return privateSource && s.get().url().getHost().equalsIgnoreCase(hub.getHost());
    }

    // ---- state

    private void put(SourcePush p) {
        SourcePush old = bySource.put(p.sourceId(), p);
        if (old != null && !old.token().equals(p.token())) byToken.remove(old.token());
        byToken.put(p.token(), p.sourceId());
        save(p);
    }

    /** Applies a change to the source's subscription as stored now (read first when instances share the database). */
    private SourcePush update(String sourceId, UnaryOperator<SourcePush> change) {
        fresh(sourceId);
        SourcePush after = bySource.computeIfPresent(sourceId, (k, cur) -> change.apply(cur));
        if (after != null) save(after);
        return after;
    }

    /** The source's subscription, read from the database first when instances share it. */
    private SourcePush fresh(String sourceId) {
        if (!shared) return bySource.get(sourceId);
        try {
            Optional<SourcePush> row = store.find(sourceId);
            if (row.isEmpty()) {
                SourcePush gone = bySource.remove(sourceId);
                if (gone != null) byToken.remove(gone.token());
                return null;
            }
            return adopt(row.get());
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
            return bySource.get(sourceId);
        }
    }

    /** The source a callback token belongs to (null: none); read from the database when instances share it. */
    private String sourceOf(String token) {
        if (token == null) return null;
        if (!shared) return byToken.get(token);
        try {
            return store.findByToken(token).map(p -> adopt(p).sourceId()).orElse(null);
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
            return byToken.get(token);
        }
    }

    /** Every stored subscription, as the database has them (the delivery role's tick, on a shared database). */
    private void reloadAll() {
        lastReload = System.nanoTime();
        try {
            List<SourcePush> rows = store.loadAll();
            Set<String> ids = new HashSet<>();
            for (SourcePush p : rows) ids.add(adopt(p).sourceId());
            for (String id : List.copyOf(bySource.keySet())) {
                if (!ids.contains(id)) byToken.remove(bySource.remove(id).token());
            }
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
        }
    }

    /** Takes a stored row as this instance's copy; whether a safety-net poll missed a push is kept (it is not stored). */
    private SourcePush adopt(SourcePush row) {
        SourcePush old = bySource.get(row.sourceId());
        SourcePush p = old != null && old.missed() && old.token().equals(row.token()) ? row.withMissed(true) : row;
        bySource.put(p.sourceId(), p);
        if (old != null && !old.token().equals(p.token())) byToken.remove(old.token());
        byToken.put(p.token(), p.sourceId());
        return p;
    }

    private void forget(String sourceId) {
        SourcePush p = bySource.remove(sourceId);
        if (p == null) return;
        byToken.remove(p.token());
        try {
            store.delete(sourceId);
        } catch (StoreException e) {
            LOG.warn("websub: {}", e.getMessage());
        }
    }

    private void save(SourcePush p) {
        try {
            store.save(p, clock.instant());
        } catch (StoreException e) {
            LOG.warn("websub: could not save the subscription of source {}: {}", p.sourceId(), e.getMessage());
        }
    }

    private static boolean sameTopic(URI ours, String given) {
        if (given == null) return false;
        try {
            return ours.equals(URI.create(given.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** §9: subscribers restrict the challenge they echo — short, printable ASCII. */
    private static boolean validChallenge(String c) {
        if (c == null || c.isEmpty() || c.length() > MAX_CHALLENGE) return false;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < 0x21 || ch > 0x7e) return false;
        }
        return true;
    }

    private static long parseLease(String s) {
        if (s == null) return -1;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** Every source's subscription by source id, for status pages (from the database, at most 5 s old, when shared). */
    public SortedMap<String, SourcePush> statuses() {
        if (shared && System.nanoTime() - lastReload >= RELOAD_EVERY_NANOS) reloadAll();
        return new TreeMap<>(bySource);
    }

    /** Signed pushes this instance accepted since it started. */
    public long pushesAccepted() {
        return accepted.get();
    }

    /** Pushes this instance dropped for a missing or wrong signature since it started. */
    public long pushesRejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
