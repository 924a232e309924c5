package uz.karvon.ingest;

import java.time.Duration;
import uz.karvon.config.KarvonConfig.SourceSpec;

/**
 * What polling needs from WebSub subscriptions to sources (implemented outside ingest, which never depends on it):
 * it reports what each fetch advertises, and asks how long to wait before the next poll — longer while pushes
 * arrive, the normal interval when they do not.
 */
public interface PushChannel {
    /** After each successful fetch with a body: the hub and topic the feed advertises, or null for none. */
    void advertised(SourceSpec source, HubLink link);

    /**
     * The interval before the next poll after a successful one. {@code newItems} is how many items that poll found
     * that were not stored yet: pushes that work leave a safety-net poll nothing new.
     */
    Duration pollInterval(SourceSpec source, int newItems);

    /** No push: every source is polled at its own interval. */
    PushChannel NONE = new PushChannel() {
        @Override
        public void advertised(SourceSpec source, HubLink link) {}

        @Override
        public Duration pollInterval(SourceSpec source, int newItems) {
            return source.interval();
        }
    };
}
