package uz.karvon.server;

import java.util.EnumMap;
import java.util.Map;
import uz.karvon.metrics.Metrics;
import uz.karvon.store.Database;
import uz.karvon.websub.HubStats;
import uz.karvon.websub.HubSubscription;
import uz.karvon.websub.SourcePush;
import uz.karvon.websub.WebSub;

/**
 * Meters for state that other parts already keep (the hub's subscriptions and deliveries, our subscriptions to
 * sources' hubs, the database's reader pool), read when {@code /metrics} is scraped; nothing is counted twice.
 */
final class ServerMeters {
    private ServerMeters() {}

    static void bind(Metrics m, Database db, WebSub websub) {
        m.gauge("karvon.db.readers.max", "Reader connections at most", db::readerLimit);
        m.gauge("karvon.db.readers.active", "Reads running now", db::readersInUse);
        m.gauge("karvon.db.readers.waiting", "Reads waiting for a reader connection", db::readersWaiting);

        for (HubSubscription.State st : HubSubscription.State.values()) {
            m.gauge("karvon.websub.subscriptions", "Subscriptions to our feeds (built-in hub) by state",
                    () -> websub.hub().stats().subscriptions().getOrDefault(st, 0), "state", word(st.name()));
        }
        for (HubStats.Outcome o : HubStats.Outcome.values()) {
            m.counter("karvon.websub.deliveries", "Delivery attempts of the built-in hub by outcome",
                    () -> websub.hub().stats().deliveries().getOrDefault(o, 0L), "outcome", word(o.name()));
        }
        m.timer("karvon.websub.delivery.latency", "From a feed change to the subscriber's 2xx, per delivery",
                () -> websub.hub().stats().latencyCounts().stream().mapToLong(Long::longValue).sum(),
                () -> websub.hub().stats().latencyTotal().toNanos());

        for (SourcePush.State st : SourcePush.State.values()) {
            m.gauge("karvon.websub.source.subscriptions", "Our subscriptions to sources' hubs by state",
                    () -> sourceStates(websub).get(st), "state", st.word());
        }
        // counted where received: several instances' series add up to the cluster's
        m.counter("karvon.websub.pushes", "Pushes received from sources' hubs, by result",
                () -> websub.subscriber().pushesAccepted(), "result", "accepted");
        m.counter("karvon.websub.pushes", "Pushes received from sources' hubs, by result",
                () -> websub.subscriber().pushesRejected(), "result", "rejected");
    }

    private static Map<SourcePush.State, Integer> sourceStates(WebSub websub) {
        Map<SourcePush.State, Integer> out = new EnumMap<>(SourcePush.State.class);
        for (SourcePush.State st : SourcePush.State.values()) out.put(st, 0);
        for (SourcePush p : websub.subscriber().statuses().values()) out.merge(p.state(), 1, Integer::sum);
        return out;
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT);
    }
}
