package uz.karvon.websub;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.OutboundHttp;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Topics;
import uz.karvon.publish.Topics.Topic;

/**
 * One delivery (WebSub §7, §8): the topic as it is now, to one subscriber, if it may still read it and lacks this
 * version — a POST of the full feed with its Content-Type, the Link header (hub and self) and, when the subscriber
 * gave a secret, {@code X-Hub-Signature}. A subscriber that may no longer read the feed is told (§5.2) instead.
 */
final class DeliveryAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);
    /** The subscriber's answer is ignored (§7); a little is read so the connection can be reused. */
    static final int ANSWER_BYTES = 1024;

    private final Supplier<KarvonConfig> config;
    private final FeedPublisher publisher;
    private final OutboundHttp http;

    DeliveryAttempt(Supplier<KarvonConfig> config, FeedPublisher publisher, OutboundHttp http) {
        this.config = config;
        this.publisher = publisher;
        this.http = http;
    }

    enum Kind { UP_TO_DATE, DELIVERED, FAILED, GONE, REVOKED }

    record Outcome(Kind kind, String topicVersion, Instant validUntil, int status, String error) {
        static Outcome failure(int status, String error) {
            return new Outcome(Kind.FAILED, null, null, status, error);
        }
    }

    /** Runs one attempt; never throws for what the subscriber or the network does. */
    Outcome run(HubSubscription sub) {
        KarvonConfig cfg = config.get();
        Optional<FeedSpec> feed = cfg.feed(sub.topic().feedId());
        if (feed.isEmpty()) {
            deny(cfg, sub, "the feed no longer exists");
            return new Outcome(Kind.REVOKED, null, null, 0, "the feed was removed from feeds.yml");
        }
        if (!Hub.mayRead(cfg, sub.partnerId(), feed.get())) {
            deny(cfg, sub, "access withdrawn");
            return new Outcome(Kind.REVOKED, null, null, 0, "partner '" + sub.partnerId() + "' may no longer read this feed");
        }
        Optional<Rendered> rendered = TopicContent.current(publisher, sub.topic());
        if (rendered.isEmpty()) return Outcome.failure(0, "the feed could not be rendered");
        Rendered r = rendered.get();
        if (r.etag().equals(sub.deliveredEtag())) return new Outcome(Kind.UP_TO_DATE, r.etag(), r.validUntil(), 0, null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Link", link(cfg, feed.get(), sub.topic()));
        if (sub.secret() != null) headers.put(Signature.HEADER, Signature.sign(sub.secret(), r.raw()));
        try {
            OutboundHttp.Reply reply = http.post(URI.create(sub.callback()), cfg.websub().allowPrivateCallbacks(), headers,
                    r.raw(), r.contentType(), cfg.websub().deliveryTimeout(), ANSWER_BYTES);
            if (reply.ok()) return new Outcome(Kind.DELIVERED, r.etag(), r.validUntil(), reply.status(), null);
            if (reply.status() == 410) {
                return new Outcome(Kind.GONE, r.etag(), r.validUntil(), 410, "the subscriber answered 410 Gone");
            }
            return new Outcome(Kind.FAILED, r.etag(), r.validUntil(), reply.status(), "HTTP " + reply.status());
        } catch (FetchException e) {
            return new Outcome(Kind.FAILED, r.etag(), r.validUntil(), 0, e.getMessage());
        }
    }

    /** Link headers per topic, for the configuration they were built from (built once, sent to every subscriber). */
    private record Links(KarvonConfig config, Map<Topic, String> byTopic) {}

    private volatile Links links = new Links(null, Map.of());

    /** §7: the hub and the topic's self URL, in one Link header. */
    private String link(KarvonConfig cfg, FeedSpec feed, Topic t) {
        Links l = links;
        if (l.config() != cfg) {
            l = new Links(cfg, new ConcurrentHashMap<>());
            links = l;
        }
        return l.byTopic().computeIfAbsent(t, k -> "<" + Topics.hub(cfg, feed) + ">; rel=\"hub\", <" + Topics.url(cfg, k)
                + ">; rel=\"self\"");
    }

    /** §5.2: a subscription the hub ends is announced to the callback (best effort). */
    private void deny(KarvonConfig cfg, HubSubscription sub, String reason) {
        try {
            http.get(IntentVerifier.withQuery(sub.callback(), Map.of("hub.mode", "denied",
                    "hub.topic", Topics.url(cfg, sub.topic()), "hub.reason", reason)),
                    cfg.websub().allowPrivateCallbacks(), cfg.websub().deliveryTimeout(), ANSWER_BYTES);
        } catch (FetchException e) {
            LOG.debug("websub: denial notice for subscription {}: {}", sub.id(), e.getMessage());
        }
    }
}
