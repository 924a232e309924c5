package uz.karvon.websub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Topics;
import uz.karvon.publish.Topics.Topic;

/**
 * With {@code websub.hub} naming an external hub (Google's, say), public feeds advertise it, and it is told when
 * one of them changes: a POST of {@code hub.mode=publish} and one {@code hub.url} per changed format, the convention
 * public hubs follow (WebSub §6 leaves it open). A feed counts as changed when its rendering differs from the one
 * seen before, and each public feed is pinged once after start (it may have changed while karvon was down). A
 * failed ping is retried after 30 s and 2 min.
 */
final class HubPing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubPing.class);
    private static final long[] RETRY_SECONDS = {30, 120};

    private final Supplier<KarvonConfig> config;
    private final FeedPublisher publisher;
    private final OutboundHttp http;
    private final Map<Topic, String> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "karvon-websub-ping");
        t.setDaemon(true);
        return t;
    });

    HubPing(Supplier<KarvonConfig> config, FeedPublisher publisher, OutboundHttp http) {
        this.config = config;
        this.publisher = publisher;
        this.http = http;
    }

    void feedsChanged(Set<String> feedIds) {
        if (config.get().websub().externalHub() == null) return;
        try {
            executor.execute(() -> check(feedIds));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void check(Set<String> feedIds) {
        KarvonConfig cfg = config.get();
        if (cfg.websub().externalHub() == null) return;
        for (String id : feedIds) {
            Optional<FeedSpec> feed = cfg.feed(id);
            if (feed.isEmpty() || Hub.needsPartner(feed.get())) continue;
            StringBuilder form = new StringBuilder("hub.mode=publish");
            boolean changed = false;
            for (FeedFormat f : FeedFormat.SERVED) {
                Topic t = new Topic(id, f);
                String etag;
                try {
                    etag = TopicContent.current(publisher, t).map(Rendered::etag).orElse(null);
                } catch (RuntimeException e) {
                    continue;
                }
                if (etag == null) continue;
                String before = seen.put(t, etag);
                if (!etag.equals(before)) {
                    form.append("&hub.url=").append(URLEncoder.encode(Topics.url(cfg, t), StandardCharsets.UTF_8));
                    changed = true;
                }
            }
            if (changed) ping(id, form.toString(), 0);
        }
    }

    private void ping(String feedId, String form, int attempt) {
        KarvonConfig cfg = config.get();
        if (cfg.websub().externalHub() == null) return;
        String problem;
        try {
            OutboundHttp.Reply r = http.post(cfg.websub().externalHub(), cfg.websub().allowPrivateCallbacks(), Map.of(),
                    form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
                    cfg.websub().deliveryTimeout(), 1024);
            problem = r.ok() ? null : "HTTP " + r.status();
        } catch (FetchException e) {
            problem = e.getMessage();
        }
        if (problem == null) {
            LOG.debug("websub: pinged {} for feed {}", cfg.websub().externalHub(), feedId);
            return;
        }
        if (attempt < RETRY_SECONDS.length) {
            LOG.info("websub: ping of {} for feed {} failed ({}); retrying in {} s", cfg.websub().externalHub(), feedId,
                    problem, RETRY_SECONDS[attempt]);
            try {
                executor.schedule(() -> ping(feedId, form, attempt + 1), RETRY_SECONDS[attempt], TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        } else {
            LOG.warn("websub: ping of {} for feed {} failed ({}); subscribers of that hub learn of the change at"
                    + " their next poll", cfg.websub().externalHub(), feedId, problem);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
