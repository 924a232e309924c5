package uz.karvon.web;

import java.time.Clock;
import uz.karvon.article.ArticleIntake;
import uz.karvon.ingest.FetchHistory;
import uz.karvon.ingest.PollScheduler;
import uz.karvon.metrics.Metrics;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Sitemaps;
import uz.karvon.stats.PullStats;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;
import uz.karvon.websub.WebSub;

/**
 * What the web layer needs, wired by hand in {@code Main} (and by tests). {@code websub} may be null (off);
 * {@code metrics} without a Prometheus backend makes {@code /metrics} answer 404.
 */
public record AppContext(
        FeedPublisher publisher,
        Sitemaps sitemaps,
        ArticleIntake intake,
        ArticleStore articles,
        Database database,
        ConfigStatus configStatus,
        PollScheduler poller,
        PullStats stats,
        Clock clock,
        WebSub websub,
        Metrics metrics,
        FetchHistory fetchHistory,
        Cluster cluster) {

    /** Without WebSub, metrics or a fetch history (the admin's page per source then lists no fetches); one instance. */
    public AppContext(FeedPublisher publisher, Sitemaps sitemaps, ArticleIntake intake, ArticleStore articles,
                      Database database, ConfigStatus configStatus, PollScheduler poller, PullStats stats, Clock clock) {
        this(publisher, sitemaps, intake, articles, database, configStatus, poller, stats, clock, null, Metrics.none(), null, null);
    }

    public AppContext {
        if (cluster == null) cluster = Cluster.ALONE;
    }
}
