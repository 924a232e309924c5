package uz.karvon.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.UzbekTransliterator;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.SourceItem;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;

/**
 * Serves rendered feeds from a Caffeine cache. A hit touches neither the database nor a renderer.
 * Every article or configuration change bumps a generation number that is part of the key, so an
 * in-flight render that started before the change can never be served after it. Entries expire by
 * themselves at the next embargo lift, so an embargoed story goes public at its instant.
 */
public final class FeedPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);
    /** How many of the newest articles feeds and pages are drawn from. */
    static final int SNAPSHOT_SIZE = 10_000;

    private final ArticleStore store;
    private final SourceItemStore sourceItems;
    private final UzbekTransliterator transliterator = UzbekTransliterator.standard();
    private final Map<String, Long> feedGenerations = new ConcurrentHashMap<>();
    private final FeedRenderer renderer;
    private final Clock clock;
    private final AtomicReference<KarvonConfig> config;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final Cache<Key, Rendered> cache;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    private record Key(String feedId, FeedFormat format, long generation, long feedGeneration) {}

    private record Snapshot(long generation, ArticleSnapshot articles) {}

    public FeedPublisher(KarvonConfig config, ArticleStore store, SourceItemStore sourceItems, FeedRenderer renderer, Clock clock) {
        this.config = new AtomicReference<>(config);
        this.store = store;
        this.sourceItems = sourceItems;
        this.renderer = renderer;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(2_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<Key, Rendered>() {
                    @Override
                    public long expireAfterCreate(Key k, Rendered r, long now) {
                        return r.validUntil() == null ? Long.MAX_VALUE
                                : Math.max(0, Duration.between(clock.instant(), r.validUntil()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(Key k, Rendered r, long now, long current) {
                        return expireAfterCreate(k, r, now);
                    }

                    @Override
                    public long expireAfterRead(Key k, Rendered r, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    public KarvonConfig config() {
        return config.get();
    }

    /** Swaps in a new configuration atomically; readers see the old or the new one, never a mix. */
    public void reconfigure(KarvonConfig next) {
        config.set(next);
        changed();
    }

    /** Called after any stored change: cached feeds and the snapshot are rebuilt on next use. */
    public void changed() {
        generation.incrementAndGet();
        cache.invalidateAll();
        Set<String> all = new HashSet<>();
        for (FeedSpec f : config.get().feeds()) all.add(f.id());
        feedsChanged(all);
    }

    /** New or changed items of these sources: only the feeds that carry them are re-rendered. */
    public void sourcesChanged(Set<String> sourceIds) {
        Set<String> stale = new HashSet<>();
        for (FeedSpec f : config.get().feeds()) {
            if (f.sources().stream().anyMatch(sourceIds::contains)) {
                feedGenerations.merge(f.id(), 1L, Long::sum);
                cache.asMap().keySet().removeIf(k -> k.feedId().equals(f.id()));
                stale.add(f.id());
            }
        }
        feedsChanged(stale);
    }

    /**
     * Registers a listener told the ids of feeds whose content may have changed, once their cached renders are gone
     * (WebSub: the hub compares what it last delivered with a fresh render). Called on the writer's thread: keep it
     * short. Embargo lifts change feeds without a write; {@link Rendered#validUntil()} says when.
     */
    public void onFeedsChanged(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    private void feedsChanged(Set<String> feedIds) {
        if (feedIds.isEmpty()) return;
        Set<String> ids = Set.copyOf(feedIds);
        for (Consumer<Set<String>> l : listeners) {
            try {
                l.accept(ids);
            } catch (RuntimeException e) {
                LOG.warn("feed change listener: {}", e.toString());
            }
        }
    }

    public Optional<Rendered> render(String feedId, FeedFormat format) {
        KarvonConfig cfg = config.get();
        Optional<FeedSpec> spec = cfg.feed(feedId);
        if (spec.isEmpty()) return Optional.empty();
        long gen = generation.get();
        long feedGen = feedGenerations.getOrDefault(feedId, 0L);
        return Optional.of(cache.get(new Key(feedId, format, gen, feedGen), k -> renderNow(cfg, spec.get(), format, gen)));
    }

    /** The current article view, shared by feeds and pages; rebuilt lazily after a change. */
    public ArticleSnapshot articles() {
        long gen = generation.get();
        Snapshot s = snapshot.get();
        if (s != null && s.generation() == gen) return s.articles();
        try {
            List<Article> list = new ArrayList<>(store.recent(SNAPSHOT_SIZE));
            Set<String> scripts = new HashSet<>();
            for (FeedSpec f : config.get().feeds()) {
                if (f.transliterate() && f.language() != null) scripts.add(f.language());
            }
            list.addAll(ScriptVersions.generate(list, scripts, transliterator));
            ArticleSnapshot fresh = new ArticleSnapshot(list);
            snapshot.set(new Snapshot(gen, fresh));
            return fresh;
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Rendered renderNow(KarvonConfig cfg, FeedSpec spec, FeedFormat format, long gen) {
        Instant now = clock.instant();
        ArticleSnapshot articles = articles();
        FeedAssembler.Assembled a = new FeedAssembler(cfg).assemble(spec, articles, sourceItemsFor(spec), now);
        byte[] raw = switch (format) {
            case RSS -> renderer.rss(a.channel(), a.entries());
            case ATOM -> renderer.atom(a.channel(), a.entries(), a.tombstones());
            case JSON -> renderer.json(a.channel(), a.entries());
        };
        Instant validUntil = articles.nextEmbargoLift(now).orElse(null);
        for (Tombstone t : a.tombstones()) { // a tombstone leaves the feed when retention ends
            Instant gone = t.when().plus(cfg.server().tombstoneRetention());
            if (validUntil == null || gone.isBefore(validUntil)) validUntil = gone;
        }
        String etag = etag(raw);
        Instant lastModified = lastModified(spec.id() + "." + format.extension(), etag, a.channel().updated(), now);
        return new Rendered(raw, gzip(raw), etag, lastModified, format.contentType(), validUntil);
    }

    private record Version(String etag, Instant lastModified) {}

    private final Map<String, Version> versions = new ConcurrentHashMap<>();

    /**
     * Last-Modified never goes backwards while content changes: a withdrawal removes the newest item, yet the
     * feed changed now. The first render uses the newest item's time, so it is stable across restarts.
     */
    private Instant lastModified(String key, String etag, Instant newestItem, Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        Version v = versions.compute(key, (k, prev) -> {
            Instant content = newestItem.isAfter(second) ? second : newestItem;
            if (prev == null) return new Version(etag, content);
            if (prev.etag().equals(etag)) return prev;
            Instant changed = content.isAfter(prev.lastModified()) ? content : second;
            return new Version(etag, changed.isAfter(prev.lastModified()) ? changed : prev.lastModified().plusSeconds(1));
        });
        return v.lastModified();
    }

    private FeedAssembler.SourceItems sourceItemsFor(FeedSpec spec) {
        if (spec.sources().isEmpty() || sourceItems == null) return FeedAssembler.SourceItems.NONE;
        try {
            List<SourceItem> items = sourceItems.recent(spec.sources(), spec.limit() * 4);
            return new FeedAssembler.SourceItems(items, sourceItems.alsoCarriedBy(items.stream().map(SourceItem::id).toList()));
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String etag(byte[] raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
