package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.karvon.config.FeedProfile;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.profile.Checked;
import uz.karvon.publish.profile.EveryFeed;
import uz.karvon.publish.profile.Exclusion;
import uz.karvon.publish.profile.PlatformRules;
import uz.karvon.publish.profile.ProfileReport;
import uz.karvon.publish.profile.Rule;
import uz.karvon.publish.render.Channel;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.FeedRenderer;

/**
 * RSS, Atom and JSON Feed as platforms take them: the feed's profile drops the items that break a hard limit
 * (recorded in the {@link ProfileReport}), {@link EveryFeed} fills what Apple News and Google News require of
 * every feed, and a profile with a size limit gives up its oldest items until the rendered feed fits.
 */
final class PlatformOutput {
    /** The bytes, and when they go stale by themselves (an item ageing out of a profile's window), or null. */
    record Output(byte[] raw, Instant changesAt) {}

    private PlatformOutput() {}

    static Output render(KarvonConfig cfg, FeedSpec spec, FeedFormat format, FeedAssembler.Assembled a,
                         FeedRenderer renderer, ProfileReport report, Instant now) {
        PlatformRules rules = PlatformRules.of(spec.profile());
        Checked checked = rules.check(a.entries(), now);
        List<Exclusion> excluded = new ArrayList<>(checked.excluded());
        List<Entry> entries = new ArrayList<>(EveryFeed.entries(checked.kept(), format == FeedFormat.RSS));
        Channel channel = format == FeedFormat.RSS ? EveryFeed.channel(a.channel(), cfg.site().defaultLanguage()) : a.channel();
        byte[] raw = write(format, channel, entries, a, rules, renderer);
        long max = rules.maxFeedBytes();
        while (max > 0 && raw.length > max && !entries.isEmpty()) {
            // drop about as many of the oldest items as the excess needs, then measure again
            long perItem = Math.max(1, raw.length / entries.size());
            long drop = Math.max(1, Math.min(entries.size(), (raw.length - max + perItem - 1) / perItem));
            for (long i = 0; i < drop; i++) {
                Entry gone = entries.remove(entries.size() - 1);
                excluded.add(new Exclusion(gone.id(), gone.title(), gone.url(), Rule.FEED_SIZE));
            }
            raw = write(format, channel, entries, a, rules, renderer);
        }
        if (spec.profile() != FeedProfile.NONE) report.record(spec.id(), format.extension(), now, excluded);
        return new Output(raw, checked.changesAt());
    }

    private static byte[] write(FeedFormat format, Channel c, List<Entry> entries, FeedAssembler.Assembled a,
                                PlatformRules rules, FeedRenderer renderer) {
        return switch (format) {
            case RSS -> renderer.rss(c, entries, rules.rss());
            case ATOM -> renderer.atom(c, entries, a.tombstones());
            case JSON -> renderer.json(c, entries);
            case NINJS, NINJS_NDJSON -> throw new IllegalArgumentException("ninjs is not a platform format");
        };
    }
}
