package uz.karvon.websub;

import java.util.Optional;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Topics.Topic;

/**
 * The one place WebSub reads a topic's content: the feed as a subscriber fetches it at its self link (from the
 * publisher's cache when nothing changed), raw bytes, ETag as the version, and when it changes by itself.
 */
final class TopicContent {
    private TopicContent() {}

    static Optional<Rendered> current(FeedPublisher publisher, Topic t) {
        return publisher.render(t.feedId(), t.format(), PageRequest.FIRST).map(s -> s.rendered());
    }
}
