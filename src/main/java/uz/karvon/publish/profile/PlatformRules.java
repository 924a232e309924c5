package uz.karvon.publish.profile;

import java.time.Instant;
import java.util.List;
import uz.karvon.config.FeedProfile;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.RssExtension;

/**
 * One platform's rules, all in one class: which items it takes ({@link #check}), how large a feed may be, and
 * the RSS elements it asks for. Every rule carries the platform's published source in a comment.
 */
public interface PlatformRules {
    /**
     * The entries of one feed page, newest first, as the platform may take them. {@code firstPage}: the page the
     * platform fetches, where the {@link Rule#perFetch()} rules apply too; on the pages behind it only the rules
     * on each item do.
     */
    Checked check(List<Entry> entries, Instant now, boolean firstPage);

    /** The largest rendered feed the platform reads, in bytes (its first page); 0 when it publishes no limit. */
    default long maxFeedBytes() {
        return 0;
    }

    /** Extra RSS elements. */
    default RssExtension rss() {
        return RssExtension.NONE;
    }

    static PlatformRules of(FeedProfile p) {
        return switch (p) {
            case NONE -> (entries, now, firstPage) -> new Checked(entries, List.of(), null);
            case YANDEX -> new YandexRules();
            case DZEN -> new DzenRules();
            case GOOGLE_NEWS -> new GoogleNewsRules();
        };
    }
}
