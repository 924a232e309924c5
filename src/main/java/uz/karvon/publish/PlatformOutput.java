package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import uz.karvon.publish.render.Paging;

/**
 * One page of RSS, Atom or JSON Feed as platforms take it: the feed's profile drops the items that break a hard
 * limit, {@link EveryFeed} fills what Apple News and Google News require of every feed, and a profile with a size
 * limit gives up the first page's oldest items until the rendered page fits.
 *
 * <p>Platforms fetch the first page. Its exclusions are what {@code GET /api/feeds} reports, and where a per-fetch
 * rule cut it short ({@link Rule#perFetch()}: Dzen's 3-day window, items per fetch, feed size) its next link
 * resumes at the first item cut; the pages behind it keep only the rules on each item.
 */
final class PlatformOutput {
    /**
     * The bytes, when they go stale by themselves (an item ageing out of a profile's window) or null, and the
     * paging links written into them.
     */
    record Output(byte[] raw, Instant changesAt, Paging paging) {}

    private PlatformOutput() {}

    static Output render(KarvonConfig cfg, FeedSpec spec, FeedFormat format, FeedAssembler.Assembled a, PageLinks links,
                         FeedRenderer renderer, ProfileReport report, Instant now) {
        boolean firstPage = links.request().isFirst();
        PlatformRules rules = PlatformRules.of(spec.profile());
        Checked checked = rules.check(a.entries(), now, firstPage);
        List<Exclusion> excluded = new ArrayList<>(checked.excluded());
        List<Entry> entries = new ArrayList<>(EveryFeed.entries(checked.kept(), format == FeedFormat.RSS));
        Channel channel = format == FeedFormat.RSS ? EveryFeed.channel(a.channel(), cfg.site().defaultLanguage()) : a.channel();
        Paging paging = resumed(links, a, excluded).paging();
        byte[] raw = write(format, channel, entries, a, paging, rules, renderer);
        long max = firstPage ? rules.maxFeedBytes() : 0;
        while (max > 0 && raw.length > max && !entries.isEmpty()) {
            // drop about as many of the oldest items as the excess needs, then measure again
            long perItem = Math.max(1, raw.length / entries.size());
            long drop = Math.max(1, Math.min(entries.size(), (raw.length - max + perItem - 1) / perItem));
            for (long i = 0; i < drop; i++) {
                Entry gone = entries.remove(entries.size() - 1);
                excluded.add(new Exclusion(gone.id(), gone.title(), gone.url(), Rule.FEED_SIZE));
            }
            paging = resumed(links, a, excluded).paging();
            raw = write(format, channel, entries, a, paging, rules, renderer);
        }
        if (spec.profile() != FeedProfile.NONE && firstPage) report.record(spec.id(), format.extension(), now, excluded);
        return new Output(raw, checked.changesAt(), paging);
    }

    /**
     * The page's links once the profile has cut it: the next page starts right after the last item above the
     * first per-fetch exclusion (items excluded for what they are stay excluded there too).
     */
    private static PageLinks resumed(PageLinks links, FeedAssembler.Assembled a, List<Exclusion> excluded) {
        if (excluded.isEmpty()) return links;
        Map<String, Rule> why = new HashMap<>();
        for (Exclusion x : excluded) why.putIfAbsent(x.itemId(), x.rule());
        Entry above = null;
        for (Entry e : a.entries()) {
            Rule r = why.get(e.id());
            if (r != null && r.perFetch()) {
                EntryKey cut = a.keys().get(e.id());
                return links.withNext(PageRequest.before(above != null ? a.keys().get(above.id()) : justAbove(cut)));
            }
            above = e;
        }
        return links;
    }

    /**
     * A cursor whose next page starts with {@code k}: one millisecond newer, and after any id there ('~' sorts
     * after every character of an id). Used when the first item of a first page is cut, so nothing is above it.
     */
    private static EntryKey justAbove(EntryKey k) {
        return new EntryKey(k.published() + 1, EntryKey.ITEM, "~");
    }

    private static byte[] write(FeedFormat format, Channel c, List<Entry> entries, FeedAssembler.Assembled a,
                                Paging paging, PlatformRules rules, FeedRenderer renderer) {
        return switch (format) {
            case RSS -> renderer.rss(c, entries, paging, rules.rss());
            case ATOM -> renderer.atom(c, entries, a.tombstones(), paging);
            case JSON -> renderer.json(c, entries, paging);
            case NINJS, NINJS_NDJSON -> throw new IllegalArgumentException("ninjs is not a platform format");
        };
    }
}
