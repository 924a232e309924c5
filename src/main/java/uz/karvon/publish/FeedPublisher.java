package uz.karvon.publish;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import uz.karvon.article.ArticleFacet;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.metrics.Metrics;
import uz.karvon.publish.profile.ProfileReport;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.publish.render.Paging;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.store.FeedVersionStore;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;
import uz.karvon.store.StoryClusterStore;

/**
 * Serves rendered feed pages from a Caffeine cache sized in bytes. A hit touches neither the database nor a
 * renderer; a miss reads the page from the store ({@link FeedPager}) and renders it. The key holds what the
 * request returns: feed, format, page, the configuration generation and the feed's own generation. A change to
 * an article bumps only the generations of the feeds that show it (before or after the change), so an in-flight
 * render that started before the change can never be served after it, and the other feeds stay cached. Entries
 * expire by themselves at the next embargo lift, so an embargoed story goes public at its instant.
 */
public final class FeedPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);

    private final Archive archive;
    private final FeedPager pager;
    private final SourceItemStore sourceItems;
    private final StoryClusterStore clusters;
    private final Map<String, Long> feedGenerations = new ConcurrentHashMap<>();
    private final FeedRenderer renderer;
    private final Clock clock;
    private final AtomicReference<KarvonConfig> config;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Rendered> cache;
    private final LastModified lastModified;
    private final ProfileReport profileReport = new ProfileReport();
    private final NinjsFeeds ninjs;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final Metrics metrics;

    private record Key(String feedId, FeedFormat format, PageRequest page, long generation, long feedGeneration) {}

    /**
     * @param versions   validators last served, shared with the other instances (the same Last-Modified everywhere)
     * @param cacheBytes how many bytes of rendered pages (raw and gzip) to keep
     */
    public FeedPublisher(KarvonConfig config, Archive archive, SourceItemStore sourceItems, FeedRenderer renderer,
                         Clock clock, long cacheBytes, Metrics metrics) {
        this(config, archive, sourceItems, null, renderer, null, clock, cacheBytes, metrics);
    }

    /** @param clusters where the event clusters of feed pages are read ({@code null}: feeds carry none) */
    public FeedPublisher(KarvonConfig config, Archive archive, SourceItemStore sourceItems, StoryClusterStore clusters,
                         FeedRenderer renderer, Clock clock, long cacheBytes, Metrics metrics) {
        this(config, archive, sourceItems, clusters, renderer, null, clock, cacheBytes, metrics);
    }

    /**
     * @param clusters where the event clusters of feed pages are read ({@code null}: feeds carry none)
     * @param versions validators last served, shared with the other instances (the same Last-Modified everywhere);
     *                 {@code null}: kept in memory
     */
    public FeedPublisher(KarvonConfig config, Archive archive, SourceItemStore sourceItems, StoryClusterStore clusters,
                         FeedRenderer renderer, FeedVersionStore versions, Clock clock, long cacheBytes, Metrics metrics) {
        this.clusters = clusters;
        this.config = new AtomicReference<>(config);
        this.lastModified = new LastModified(versions);
        this.archive = archive;
        this.pager = new FeedPager(archive, sourceItems);
        this.sourceItems = sourceItems;
        this.renderer = renderer;
        this.clock = clock;
        this.ninjs = new NinjsFeeds(archive, renderer);
        this.metrics = metrics;
        this.cache = RenderedCache.build(clock, cacheBytes);
        metrics.cache("feeds", cache);
    }

    public KarvonConfig config() {
        return config.get();
    }

    public Archive archive() {
        return archive;
    }

    /** Swaps in a new configuration atomically; readers see the old or the new one, never a mix. */
    public void reconfigure(KarvonConfig next) {
        config.set(next);
        changed();
    }

    /** Everything may have changed: every cached page is rendered again on next use. */
    public void changed() {
        generation.incrementAndGet();
        cache.invalidateAll();
        Set<String> all = new HashSet<>();
        for (FeedSpec f : config.get().feeds()) all.add(f.id());
        feedsChanged(all);
    }

    /** Article versions with these facets changed: only the feeds that show (or showed) them are rendered again. */
    public void articlesChanged(List<ArticleFacet> facets) {
        KarvonConfig cfg = config.get();
        Set<String> targets = Archive.targets(cfg);
        Set<String> stale = new HashSet<>();
        for (FeedSpec f : cfg.feeds()) {
            for (ArticleFacet facet : facets) {
                if (FeedMembership.mayCarry(f, facet, targets)) {
                    stale.add(f.id());
                    break;
                }
            }
        }
        invalidate(stale);
    }

    /** New or changed items of these sources: only the feeds that carry them are re-rendered. */
    public void sourcesChanged(Set<String> sourceIds) {
        Set<String> stale = new HashSet<>();
        for (FeedSpec f : config.get().feeds()) {
            if (f.sources().stream().anyMatch(sourceIds::contains)) stale.add(f.id());
        }
        invalidate(stale);
    }

    /**
     * Stories joined event clusters (issue 18): feeds that carry these sources, or agency articles, link to them
     * and are rendered again.
     */
    public void clustersChanged(Set<String> sourceIds, boolean articles) {
        Set<String> stale = new HashSet<>();
        for (FeedSpec f : config.get().feeds()) {
            if (f.cluster() == KarvonConfig.ClusterMode.OFF || f.sources().isEmpty()) continue;
            if ((articles && f.includeArticles()) || f.sources().stream().anyMatch(sourceIds::contains)) stale.add(f.id());
        }
        invalidate(stale);
    }

    private void invalidate(Set<String> feedIds) {
        if (feedIds.isEmpty()) return;
        for (String id : feedIds) feedGenerations.merge(id, 1L, Long::sum);
        cache.asMap().keySet().removeIf(k -> feedIds.contains(k.feedId()));
        feedsChanged(feedIds);
    }

    /**
     * Registers a listener told the ids of feeds whose content may have changed, once their cached renders are gone
     * (WebSub: the hub compares what it last delivered with a fresh render). Called on the thread that applied the
     * change (a writer, or the change follower for other instances' writes): keep it short. Embargo lifts change
     * feeds without a write; {@link Rendered#validUntil()} says when.
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

    public Optional<Served> render(String feedId, FeedFormat format, PageRequest page) {
        KarvonConfig cfg = config.get();
        Optional<FeedSpec> spec = cfg.feed(feedId);
        if (spec.isEmpty()) return Optional.empty();
        long gen = generation.get();
        long feedGen = feedGenerations.getOrDefault(feedId, 0L);
        boolean[] rendered = {false};
        Rendered r = cache.get(new Key(feedId, format, page, gen, feedGen), k -> {
            rendered[0] = true;
            long start = System.nanoTime();
            Rendered made = renderNow(cfg, spec.get(), format, page);
            metrics.rendered(format.extension(), System.nanoTime() - start);
            return made;
        });
        return Optional.of(new Served(r, !rendered[0]));
    }

    private Rendered renderNow(KarvonConfig cfg, FeedSpec spec, FeedFormat format, PageRequest request) {
        Instant now = clock.instant();
        Set<String> targets = Archive.targets(cfg);
        FeedPager.Reading reading = new FeedPager.Reading(spec, targets,
                FeedSelection.preference(spec.language(), cfg.site().languageFallbacks()), now);
        FeedPager.Page page = pager.page(reading, request);
        ClusterView.Result clustered = ClusterView.of(cfg, spec, page.rows(), clusters, reading.order(), now, new SiteUrls(cfg.site().baseUrl()));
        page = new FeedPager.Page(clustered.rows(), page.next(), page.previous());
        List<String> keys = page.rows().stream().filter(r -> r.article() != null).map(r -> r.article().translationKey()).toList();
        Map<String, List<Article>> versions = archive.versions(keys, targets);
        List<String> itemIds = page.rows().stream().filter(r -> r.item() != null).map(r -> r.item().id()).toList();
        Map<String, Set<String>> alsoCarriedBy = itemIds.isEmpty() ? Map.of() : alsoCarriedBy(itemIds);
        List<Article> withdrawn = spec.isPublic() || !request.isFirst() ? List.of()
                : archive.withdrawnSince(now.minus(cfg.server().tombstoneRetention()), targets);
        FeedAssembler assembler = new FeedAssembler(cfg);
        FeedAssembler.Assembled a = assembler.assemble(spec, page, request, versions, alsoCarriedBy, withdrawn, clustered.clusters(), now);
        PageLinks links = PageLinks.of(assembler.urls(), spec.id(), format, request, page);
        Instant validUntil = archive.nextEmbargoLift(now).orElse(null);
        byte[] raw;
        Paging paging;
        if (format.isNinjs()) { // the same page as the other formats, its links in the Link header only
            raw = ninjs.feed(cfg, a, NinjsFeeds.Sources.of(page, withdrawn, versions), now, format == FeedFormat.NINJS_NDJSON);
            paging = links.paging();
        } else {
            PlatformOutput.Output out = PlatformOutput.render(cfg, spec, format, a, links, renderer, profileReport, now);
            raw = out.raw();
            paging = out.paging();
            if (out.changesAt() != null && (validUntil == null || out.changesAt().isBefore(validUntil))) validUntil = out.changesAt();
        }
        for (Tombstone t : a.tombstones()) { // a tombstone leaves the feed when retention ends
            Instant gone = t.when().plus(cfg.server().tombstoneRetention());
            if (validUntil == null || gone.isBefore(validUntil)) validUntil = gone;
        }
        String etag = etag(raw);
        Instant modified = request.isFirst()
                ? lastModified.of(spec.id() + "." + format.extension(), etag, a.channel().updated(), now)
                : min(a.channel().updated(), now.truncatedTo(ChronoUnit.SECONDS));
        return new Rendered(raw, gzip(raw), etag, modified, format.contentType(), validUntil, paging);
    }

    /** What the feeds' platform profiles left out at their last render ({@code GET /api/feeds}). */
    public ProfileReport profileReport() {
        return profileReport;
    }

    /**
     * One article as an IPTC ninjs object ({@code /api/ninjs/{id}}), with who may read it; looked up by id in the
     * store (a generated script version by {@code <id>~<script>}), with its story's versions; not cached.
     */
    public Optional<NinjsStory> ninjs(String articleId) {
        KarvonConfig cfg = config.get();
        Instant now = clock.instant();
        Set<String> targets = Archive.targets(cfg);
        Optional<Article> found = archive.article(articleId, targets);
        if (found.isEmpty()) return Optional.empty();
        Article a = found.get();
        List<Article> versions = archive.versions(List.of(a.translationKey()), targets).getOrDefault(a.translationKey(), List.of());
        Entry entry = a.status() == Article.Status.WITHDRAWN ? null : new FeedAssembler(cfg).entry(a, versions, true, now);
        return ninjs.story(cfg, a, versions, entry, now)
                .map(s -> new NinjsStory(s.json(), s.audience() == NinjsFeeds.Audience.EMBARGO_PARTNERS));
    }

    /** @param embargoPartnersOnly true: only partners allowed to read embargoed stories may see it */
    public record NinjsStory(byte[] json, boolean embargoPartnersOnly) {}

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Map<String, Set<String>> alsoCarriedBy(List<String> itemIds) {
        try {
            return sourceItems.alsoCarriedBy(itemIds);
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
