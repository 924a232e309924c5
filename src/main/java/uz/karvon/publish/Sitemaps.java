package uz.karvon.publish;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import uz.karvon.article.ArticleFacet;
import uz.karvon.config.KarvonConfig;
import uz.karvon.metrics.Metrics;
import uz.karvon.store.ArticleLink;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.FeedVersionStore;

/**
 * The sitemaps of the article pages, read from the store. {@code /sitemap.xml} is a sitemap index; file {@code n}
 * ({@code /sitemap-n.xml}) lists the public articles stored as numbers {@code (n-1)·L+1 … n·L} (their {@code seq}),
 * so it holds at most L URLs and an article never moves to another file. Each URL carries its story's language
 * versions as {@code xhtml:link hreflang} alternates, generated script versions included (they have no file of
 * their own, so a file never exceeds L). {@code /sitemap-news.xml} is the Google News sitemap: the last 48 hours.
 * Files are cached (sized in bytes) and invalidated one by one by the seq of the changed articles.
 */
public final class Sitemaps {
    /** The sitemap protocol's limit of URLs per file. */
    public static final int MAX_URLS_PER_FILE = 50_000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1,000 URLs per news sitemap. */
    static final int NEWS_LIMIT = 1_000;
    private static final String TYPE = "application/xml; charset=utf-8";

    private final ArticleStore store;
    private final Supplier<KarvonConfig> config;
    private final Clock clock;
    private final int urlsPerFile;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<KarvonConfig> seen = new AtomicReference<>();
    private final Map<Long, Long> fileGenerations = new ConcurrentHashMap<>();
    private final AtomicLong newsGeneration = new AtomicLong();
    private final Cache<Object, Rendered> cache;
    private final LastModified lastModified;
    private final Metrics metrics;

    private record FileKey(long file, long generation, long fileGeneration) {}

    private record NewsKey(long generation, long newsGeneration) {}

    /**
     * @param urlsPerFile at most {@link #MAX_URLS_PER_FILE}
     * @param cacheBytes  how many bytes of rendered files (raw and gzip) to keep
     */
    public Sitemaps(ArticleStore store, Supplier<KarvonConfig> config, Clock clock, int urlsPerFile, long cacheBytes,
                    Metrics metrics) {
        this(store, config, null, clock, urlsPerFile, cacheBytes, metrics);
    }

    /** @param versions validators last served, shared with the other instances; {@code null}: kept in memory */
    public Sitemaps(ArticleStore store, Supplier<KarvonConfig> config, FeedVersionStore versions, Clock clock, int urlsPerFile,
                    long cacheBytes, Metrics metrics) {
        if (urlsPerFile < 1 || urlsPerFile > MAX_URLS_PER_FILE) {
            throw new IllegalArgumentException("sitemap: urls per file must be 1.." + MAX_URLS_PER_FILE + ", got " + urlsPerFile);
        }
        this.store = store;
        this.config = config;
        this.lastModified = new LastModified(versions);
        this.clock = clock;
        this.urlsPerFile = urlsPerFile;
        this.metrics = metrics;
        this.cache = RenderedCache.build(clock, cacheBytes);
        metrics.cache("sitemaps", cache);
    }

    /** The generation of the configuration in use: a reload (new base URL, new scripts) makes every file again. */
    private long generation() {
        KarvonConfig now = config.get();
        KarvonConfig before = seen.getAndSet(now);
        if (before != null && before != now) {
            generation.incrementAndGet();
            cache.invalidateAll();
        }
        return generation.get();
    }

    /** Articles with these facets changed: their files (and the news sitemap) are made again on next use. */
    public void changed(List<ArticleFacet> facets) {
        for (ArticleFacet f : facets) {
            if (f.seqFrom() < 1) continue;
            for (long file = fileOf(f.seqFrom()); file <= fileOf(f.seqTo()); file++) fileGenerations.merge(file, 1L, Long::sum);
        }
        if (!facets.isEmpty()) newsGeneration.incrementAndGet();
    }

    /** {@code /sitemap.xml}: the files there are now, and the news sitemap. */
    public Rendered index() {
        String base = new SiteUrls(config.get().site().baseUrl()).base();
        long files = Math.max(1, fileOf(Archive.call(store::maxSeq)));
        List<String> locs = new ArrayList<>();
        for (long n = 1; n <= files; n++) locs.add(base + "/sitemap-" + n + ".xml");
        locs.add(base + "/sitemap-news.xml");
        return rendered("sitemap.xml", SitemapXml.index(locs), null);
    }

    /** {@code /sitemap-n.xml}, or empty when there is no such file. */
    public Optional<Served> file(long n) {
        if (n < 1 || n > Math.max(1, fileOf(Archive.call(store::maxSeq)))) return Optional.empty();
        return Optional.of(cached(new FileKey(n, generation(), fileGenerations.getOrDefault(n, 0L)), () -> renderFile(n)));
    }

    /** {@code /sitemap-news.xml}. */
    public Served news() {
        return cached(new NewsKey(generation(), newsGeneration.get()), this::renderNews);
    }

    private Served cached(Object key, Supplier<Rendered> render) {
        boolean[] made = {false};
        Rendered r = cache.get(key, k -> {
            made[0] = true;
            long start = System.nanoTime();
            Rendered file = render.get();
            metrics.rendered("sitemap", System.nanoTime() - start);
            return file;
        });
        return new Served(r, !made[0]);
    }

    private long fileOf(long seq) {
        return seq <= 0 ? 0 : (seq - 1) / urlsPerFile + 1;
    }

    private Rendered renderFile(long n) {
        KarvonConfig cfg = config.get();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        Set<String> targets = Archive.targets(cfg);
        Instant now = clock.instant();
        long from = (n - 1) * urlsPerFile + 1;
        List<ArticleLink> links = Archive.call(() -> store.publicLinks(from, from + urlsPerFile - 1, now));
        Map<String, List<ArticleLink>> versions = Archive.call(() -> store.versionLinks(
                links.stream().map(ArticleLink::translationKey).toList()));
        List<SitemapXml.Url> out = new ArrayList<>(links.size());
        for (ArticleLink a : links) {
            List<ArticleLink> story = versions.getOrDefault(a.translationKey(), List.of(a));
            List<SitemapXml.Alternate> alternates = new ArrayList<>();
            for (ArticleLink v : story) {
                if (v.isPublicAt(now)) alternates.add(new SitemapXml.Alternate(v.lang(), urls.article(v.lang(), v.slug())));
            }
            for (ArticleLink v : story) { // generated versions, as Archive.versions makes them
                String target = ScriptVersions.other(v.lang());
                if (target == null || !targets.contains(target) || !v.isPublicAt(now)) continue;
                if (story.stream().noneMatch(s -> s.lang().equals(target))) {
                    alternates.add(new SitemapXml.Alternate(target, urls.article(target, v.slug())));
                }
            }
            Instant updated = a.updated().isAfter(now) ? now : a.updated();
            out.add(new SitemapXml.Url(urls.article(a.lang(), a.slug()), updated, alternates));
        }
        return rendered("sitemap-" + n + ".xml", SitemapXml.urlset(out), Archive.call(() -> store.nextEmbargoLift(now)).orElse(null));
    }

    private Rendered renderNews() {
        KarvonConfig cfg = config.get();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        Instant now = clock.instant();
        List<ArticleLink> recent = Archive.call(() -> store.publicLinksSince(now.minus(NEWS_WINDOW), now, NEWS_LIMIT));
        List<SitemapXml.NewsUrl> out = new ArrayList<>();
        Instant validUntil = Archive.call(() -> store.nextEmbargoLift(now)).orElse(null);
        for (ArticleLink a : recent) {
            out.add(new SitemapXml.NewsUrl(urls.article(a.lang(), a.slug()), cfg.site().agency(), newsLanguage(a.lang()),
                    a.published(), a.title()));
            Instant leaves = a.published().plus(NEWS_WINDOW); // an article leaves the window by itself
            if (validUntil == null || leaves.isBefore(validUntil)) validUntil = leaves;
        }
        return rendered("sitemap-news.xml", SitemapXml.news(out), validUntil);
    }

    /**
     * Google News wants ISO 639 codes, except zh-cn and zh-tw for Simplified and Traditional Chinese
     * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
     */
    static String newsLanguage(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        if (l.getLanguage().equals("zh")) {
            return "Hant".equals(l.getScript()) || Set.of("TW", "HK", "MO").contains(l.getCountry()) ? "zh-tw" : "zh-cn";
        }
        return l.getLanguage().isEmpty() ? tag.toLowerCase(Locale.ROOT) : l.getLanguage();
    }

    /** Last-Modified from the shared store: every instance sends the same one with the same bytes. */
    private Rendered rendered(String key, byte[] raw, Instant validUntil) {
        Instant now = clock.instant();
        String etag = FeedPublisher.etag(raw);
        return new Rendered(raw, FeedPublisher.gzip(raw), etag, lastModified.of(key, etag, now, now), TYPE, validUntil);
    }
}
