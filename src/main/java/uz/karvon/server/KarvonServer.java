package uz.karvon.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.article.ArticleFacet;
import uz.karvon.article.ArticleImporter;
import uz.karvon.article.ArticleIntake;
import uz.karvon.cluster.ClusterSettings;
import uz.karvon.cluster.EventClusterer;
import uz.karvon.cluster.Gazetteer;
import uz.karvon.cluster.GazetteerException;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigFile;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;
import uz.karvon.ingest.FetchHistory;
import uz.karvon.ingest.PollScheduler;
import uz.karvon.ingest.SourceRefresher;
import uz.karvon.ingest.SourceStates;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.lang.UzbekTransliterator;
import uz.karvon.metrics.Metrics;
import uz.karvon.publish.Archive;
import uz.karvon.publish.ChangeFollower;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Sitemaps;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.stats.PullStats;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.ChangeLog;
import uz.karvon.store.Database;
import uz.karvon.store.FeedVersionStore;
import uz.karvon.store.FetchLogStore;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.SourceStateStore;
import uz.karvon.store.StoreException;
import uz.karvon.store.StoryClusterStore;
import uz.karvon.story.LiveClusters;
import uz.karvon.web.AppContext;
import uz.karvon.web.ConfigStatus;
import uz.karvon.web.WebApp;
import uz.karvon.websub.Hub;
import uz.karvon.websub.SourceSubscriptions;
import uz.karvon.websub.WebSub;

/** The running server: configuration, database, publisher, poller and web app wired together, started and stopped as one. */
public final class KarvonServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarvonServer.class);

    private final Database db;
    private final Javalin web;
    private final AppContext context;
    private final PollScheduler poller;
    private final Fetcher fetcher;
    private final ConfigReloader reloader;
    private final ScheduledExecutorService housekeeping;
    private final Database.Listener listener;
    private final Instances instances;
    private final OutboundHttp outbound;

    private KarvonServer(Database db, Javalin web, AppContext context, PollScheduler poller, Fetcher fetcher,
                         ConfigReloader reloader, ScheduledExecutorService housekeeping, Database.Listener listener,
                         Instances instances, OutboundHttp outbound) {
        this.db = db;
        this.web = web;
        this.context = context;
        this.poller = poller;
        this.fetcher = fetcher;
        this.reloader = reloader;
        this.housekeeping = housekeeping;
        this.listener = listener;
        this.instances = instances;
        this.outbound = outbound;
    }

    /**
     * @param watchConfig reload feeds.yml when the file changes (the server does; most tests call reload directly)
     */
    public record Options(Path configFile, Path dataDir, Integer port, String host, Clock clock, Map<String, String> env,
                          boolean loadSample, boolean watchConfig, Tuning tuning) {
        public Options(Path configFile, Path dataDir, Integer port, String host, Clock clock, Map<String, String> env,
                       boolean loadSample, boolean watchConfig) {
            this(configFile, dataDir, port, host, clock, env, loadSample, watchConfig, Tuning.DEFAULTS);
        }
    }

    /**
     * Cache sizes and limits. Memory is bounded by these, not by the archive: the defaults serve a million
     * articles in a 256 MB heap (BENCHMARKS.md). Tests make them small to prove nothing depends on a cache.
     *
     * @param feedCacheBytes            rendered feed pages, raw and gzip
     * @param sitemapCacheBytes         rendered sitemap files, raw and gzip
     * @param transliterationCacheChars generated uz-Cyrl/uz-Latn versions (title, summary, body)
     * @param sitemapUrlsPerFile        URLs per sitemap file (the protocol allows up to 50,000)
     * @param changePoll                how often the change log is read (imports and other instances)
     */
    public record Tuning(long feedCacheBytes, long sitemapCacheBytes, long transliterationCacheChars,
                         int sitemapUrlsPerFile, Duration changePoll) {
        public static final Tuning DEFAULTS = new Tuning(32L << 20, 16L << 20, 4L << 20, 10_000, Duration.ofSeconds(1));
    }

    public static KarvonServer start(Options o) throws ConfigException, StoreException, IOException {
        ConfigLoader loader = new ConfigLoader(o.env());
        ConfigFile configFile = ConfigLoader.read(o.configFile()); // one read: what runs is what the watcher compares with
        KarvonConfig config = loader.load(configFile);
        config.warnings().forEach(w -> LOG.warn("{}: {}", o.configFile().getFileName(), w));
        Database db = open(config.database(), o.dataDir());
        Fetcher fetcher = null;
        PollScheduler poller = null;
        Database.Listener listener = null;
        OutboundHttp outbound = null;
        WebSub websub = null;
        Metrics metrics = Metrics.prometheus();
        try {
            Tuning t = o.tuning();
            ArticleStore articles = new ArticleStore(db);
            SourceItemStore items = new SourceItemStore(db);
            FeedVersionStore versions = new FeedVersionStore(db);
            Archive archive = new Archive(articles, UzbekTransliterator.standard(), t.transliterationCacheChars(), metrics);
            StoryClusterStore clusterStore = new StoryClusterStore(db);
            FeedPublisher publisher = new FeedPublisher(config, archive, items, clusterStore,
                    new FeedRenderer(config.site().agency(), WebApp.FEED_STYLESHEET), versions, o.clock(), t.feedCacheBytes(), metrics);
            LiveClusters clusters = startClusters(clusterStore, config.ingest().clusterGazetteer(), o.clock());
            Sitemaps sitemaps = new Sitemaps(articles, publisher::config, versions, o.clock(), t.sitemapUrlsPerFile(),
                    t.sitemapCacheBytes(), metrics);
            ChangeLog changeLog = new ChangeLog(db);
            ChangeFollower follower = new ChangeFollower(changeLog, new ChangeFollower.Handler() {
                @Override
                public void articles(List<ArticleFacet> facets) {
                    publisher.articlesChanged(facets);
                    sitemaps.changed(facets);
                }

                @Override
                public void sources(Set<String> sourceIds) {
                    publisher.sourcesChanged(sourceIds);
                }
            });
            // a write of this process is applied before its request is answered; another instance's at once when
            // PostgreSQL notifies it, else (SQLite, a lost notification connection) within changePoll
            ArticleIntake intake = Wiring.intake(db, o.clock(), () -> follow(follower),
                    stored -> {
                        metrics.itemsStored("cms", stored.size());
                        linked(publisher, clusters.articles(stored));
                    });
            if (o.loadSample() && articles.count() == 0) loadSample(intake);

            ConfigReloader[] reloaderRef = new ConfigReloader[1];
            Instances instances = new Instances(db, o.clock(),
                    () -> reloaderRef[0] == null ? configFile.sha256() : reloaderRef[0].runningSha256());
            fetcher = new Fetcher(fetchSettings(config.ingest()), o.clock());
            outbound = new OutboundHttp(FetchSettings.defaults().userAgent());
            websub = new WebSub(new Hub(publisher::config, publisher, db, outbound, o.clock(),
                    instances.instanceId(), config.database().lease()),
                    new SourceSubscriptions(publisher::config, db, outbound, o.clock()));
            publisher.onFeedsChanged(websub.hub()::feedsChanged);   // every write path ends in this one notice
            SourceRefresher refresher = new SourceRefresher(fetcher, items, LanguageDetector.standard(), o.clock(),
                    websub.subscriber(), metrics, stored -> linked(publisher, clusters.items(stored)));
            ServerMeters.bind(metrics, db, websub);
            FetchHistory history = new FetchHistory(new FetchLogStore(db));
            SourceStates states = new SourceStates(new SourceStateStore(db), instances.instanceId(), config.database().lease());
            // items stored by a poll reach the feeds through the change log, as another instance's do
            poller = new PollScheduler(config, refresher, states, o.clock(), config.ingest().workers(),
                    ids -> follow(follower), KarvonServer::failFast, history);

            ConfigStatus status = new ConfigStatus(o.configFile(), o.clock().instant(), config.warnings());
            PullStats stats = new PullStats(new PullStatStore(db), o.clock());
            AppContext ctx = new AppContext(publisher, sitemaps, intake, articles, db, status, poller, stats, o.clock(),
                    websub, metrics, history, instances);
            ConfigReloader reloader = new ConfigReloader(configFile, loader, publisher, poller, status, o.clock(), ConfigReloader.SETTLE);
            reloaderRef[0] = reloader;
            Javalin web = WebApp.create(ctx, reloader::reload);
            int port = o.port() != null ? o.port() : config.server().port();
            String host = o.host() != null ? o.host() : config.server().host();
            web.start(host, port);
            reloader.servedOn(web.port());
            publisher.reconfigure(config.servedOn(web.port()));
            instances.heartbeat();
            poller.start();
            websub.hub().start();
            if (o.watchConfig()) reloader.watch();
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "karvon-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            AtomicBoolean followQueued = new AtomicBoolean();
            listener = db.listen(ChangeLog.CHANNEL, () -> {
                if (followQueued.compareAndSet(false, true)) { // a burst of notifications is one read of the log
                    housekeeping.execute(() -> {
                        followQueued.set(false);
                        follow(follower);
                    });
                }
            });
            instances.listening(listener);
            long poll = t.changePoll().toMillis();
            housekeeping.scheduleWithFixedDelay(() -> follow(follower), poll, poll, TimeUnit.MILLISECONDS);
            housekeeping.scheduleWithFixedDelay(() -> purge(items, publisher, o.clock()), 1, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(() -> pruneChanges(changeLog, o.clock()), 1, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(() -> purgeClusters(clusters, publisher, o.clock()), 2, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(stats::flush, 1, 1, TimeUnit.MINUTES);
            WebSub w = websub;
            housekeeping.scheduleWithFixedDelay(() -> websubTick(w), 1, 1, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(w.hub()::purge, 1, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(history::flush, 2, 2, TimeUnit.SECONDS);
            long beat = Instances.HEARTBEAT.toMillis();
            housekeeping.scheduleWithFixedDelay(instances::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
            LOG.info("karvon {} serving {} feeds and following {} sources on http://{}:{}/ (database: {} {})", instances.instanceId(),
                    config.feeds().size(), config.sources().size(), host, web.port(), db.dialect().label(), db.description());
            return new KarvonServer(db, web, ctx, poller, fetcher, reloader, housekeeping, listener, instances, outbound);
        } catch (RuntimeException | StoreException | IOException e) {
            if (listener != null) listener.close();
            if (poller != null) poller.close();
            if (websub != null) closeWebSub(websub);
            if (outbound != null) outbound.close();
            if (fetcher != null) fetcher.close();
            db.close();
            metrics.close();
            throw e;
        }
    }

    /** The database feeds.yml names: PostgreSQL shared with other instances, or SQLite in the data folder. */
    static Database open(KarvonConfig.DatabaseSpec spec, Path dataDir) throws StoreException {
        return spec.isPostgres() ? Database.open(spec.url(), spec.poolSize()) : Database.open(dataDir);
    }

    /**
     * Connect and read timeouts follow the total deadline (a slow drip must not outlive it); bodies in flight share
     * one budget of {@code workers × max_body_size}, at most a quarter of the heap.
     */
    static FetchSettings fetchSettings(KarvonConfig.Ingest ingest) {
        FetchSettings d = FetchSettings.defaults();
        Duration total = ingest.fetchTimeout();
        Duration read = total.compareTo(d.readTimeout()) < 0 ? total : d.readTimeout();
        Duration connect = total.compareTo(d.connectTimeout()) < 0 ? total : d.connectTimeout();
        long budget = FetchSettings.bodyBudget(ingest.workers(), ingest.maxBodyBytes(), Runtime.getRuntime().maxMemory());
        return new FetchSettings(connect, read, total, ingest.maxBodyBytes(), d.maxRedirects(), d.userAgent(), budget);
    }

    /**
     * An Error out of the poller (out of memory, a broken class path) leaves the process in no state to trust: exit,
     * through the shutdown hooks, so a supervisor restarts it (on a new thread: the failing worker may be waited for).
     */
    private static void failFast(Error e) {
        LOG.error("karvon: stopping after {} in the poller; restart it (a supervisor such as systemd does)", e.toString());
        Thread exit = new Thread(() -> System.exit(70), "karvon-fail-fast");
        exit.start();
    }

    /**
     * Renewals and expiries of our subscriptions to sources' hubs, by the instance delivering the hub's notifications;
     * never lets an exception stop the schedule.
     */
    private static void websubTick(WebSub w) {
        try {
            if (w.hub().delivering()) w.subscriber().tick();
        } catch (RuntimeException e) {
            LOG.warn("websub: {}", e.toString());
        }
    }

    private static void closeWebSub(WebSub w) {
        w.hub().close();
        w.subscriber().close();
    }

    /** Retention: items of external sources not seen for {@code ingest.retention} are removed (every instance's feeds follow the change log). */
    private static void purge(SourceItemStore items, FeedPublisher publisher, Clock clock) {
        try {
            Duration keep = publisher.config().ingest().retention();
            Instant now = clock.instant();
            int n = items.purgeLastSeenBefore(now.minus(keep), now);
            if (n > 0) LOG.info("retention: removed {} source items not seen for {}", n, keep);
        } catch (StoreException | RuntimeException e) {
            LOG.warn("retention: {}", e.getMessage());
        }
    }

    /** Event clustering (issue 18): the recent window rebuilt from the stored clusters, not from the archive. */
    private static LiveClusters startClusters(StoryClusterStore store, List<Path> gazetteers, Clock clock) throws StoreException {
        ClusterSettings settings = ClusterSettings.defaults();
        Gazetteer gazetteer;
        try {
            gazetteer = Gazetteer.withFiles(gazetteers);
        } catch (GazetteerException e) { // checked when feeds.yml was loaded: the file changed since
            LOG.warn("ingest.cluster_gazetteer: {}; clustering with the shipped gazetteer", e.getMessage());
            gazetteer = Gazetteer.standard();
        }
        LiveClusters clusters = new LiveClusters(new EventClusterer(settings, gazetteer), settings, store, clock);
        int n = clusters.restore();
        if (n > 0) LOG.info("clusters: {} recent stories put back into the window", n);
        return clusters;
    }

    /** Feeds that link the clusters that gained a story are rendered again. */
    private static void linked(FeedPublisher publisher, LiveClusters.Touched t) {
        if (t.any()) publisher.clustersChanged(t.sourceIds(), t.articles());
    }

    /** Cluster rows live as long as the source items they name (ingest.retention). */
    private static void purgeClusters(LiveClusters clusters, FeedPublisher publisher, Clock clock) {
        try {
            clusters.purge(clock.instant().minus(publisher.config().ingest().retention()));
        } catch (StoreException | RuntimeException e) {
            LOG.warn("clusters: {}", e.getMessage());
        }
    }

    /** Applies the change log; a failure is logged and retried at the next poll (nothing is skipped). */
    private static void follow(ChangeFollower follower) {
        try {
            follower.poll();
        } catch (StoreException | RuntimeException e) {
            LOG.warn("change log: {}", e.getMessage());
        }
    }

    /** Followers read the log within seconds; a day of it is plenty for an instance that restarts. */
    private static void pruneChanges(ChangeLog log, Clock clock) {
        try {
            log.pruneBefore(clock.instant().minus(Duration.ofDays(1)));
        } catch (StoreException | RuntimeException e) {
            LOG.warn("change log: {}", e.getMessage());
        }
    }

    private static void loadSample(ArticleIntake intake) throws IOException, StoreException {
        try (InputStream in = KarvonServer.class.getResourceAsStream("/sample/articles.json")) {
            if (in == null) return;
            ArticleImporter.Report r = new ArticleImporter(intake).load(in);
            LOG.info("empty database: loaded {} sample articles", r.stored());
            r.problems().forEach(p -> LOG.warn("sample/articles.json:{}: {}", p.line(), p.message()));
        }
    }

    public int port() {
        return web.port();
    }

    public ConfigReloader reloader() {
        return reloader;
    }

    /** This instance's id on the database (leases, heartbeats, /health). */
    public String instanceId() {
        return instances.instanceId();
    }

    /** Both sides of WebSub (the subscriber's {@code tick} is what the server runs every minute). */
    public WebSub websub() {
        return context.websub();
    }

    @Override
    public void close() {
        reloader.close();
        housekeeping.shutdownNow();
        listener.close();
        web.stop();
        context.stats().flush();
        if (context.websub() != null) closeWebSub(context.websub());
        poller.close();
        instances.leave();
        outbound.close();
        if (context.fetchHistory() != null) context.fetchHistory().flush();
        fetcher.close();
        db.close();
        context.metrics().close();
    }

    /**
     * Stops as {@code kill -9} would, for tests of what the other instances do then: nothing more is written (no
     * lease given back, no statistics or fetch history flushed, no goodbye), connections are simply dropped.
     */
    void halt() {
        reloader.close();
        housekeeping.shutdownNow();
        listener.close();
        web.stop();
        if (context.websub() != null) {
            context.websub().hub().abandon();
            context.websub().subscriber().close();
        }
        poller.abandon();
        outbound.close();
        fetcher.close();
        db.close();
        context.metrics().close();
    }
}
