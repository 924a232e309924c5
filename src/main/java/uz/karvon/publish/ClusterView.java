package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.ClusterMode;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KeepBlock;
import uz.karvon.publish.render.ClusterInfo;
import uz.karvon.publish.render.Related;
import uz.karvon.store.ClusterMember;
import uz.karvon.store.StoreException;
import uz.karvon.store.StoryClusterStore;

/**
 * The event clusters of one feed page (issue 18), read for the page's rows only: each row's cluster id, the other
 * reports of its event the feed may link to (items of the feed's own sources and, in feeds that carry them, the
 * agency's public articles), and, in {@code cluster: one} feeds, which rows give way to a better version of their
 * event. A version is better when its language comes earlier in the feed's language and then
 * {@code site.language_fallbacks}, then when it was published first. A row gives way only to a version the feed
 * is known to carry; when that cannot be told (section filters, which need an item's tags), both stay.
 */
final class ClusterView {
    /** Related links per entry at most. */
    static final int MAX_RELATED = 20;

    private ClusterView() {}

    /** The rows still shown, and the cluster of each by row key ({@link #key}). */
    record Result(List<FeedPager.Row> rows, Map<String, ClusterInfo> clusters) {}

    static String key(FeedPager.Row row) {
        if (row.item() != null) return ClusterMember.itemKey(row.item().id());
        Article a = row.article();
        String id = a.id();
        if (a.generated() && id.indexOf('~') > 0) id = id.substring(0, id.lastIndexOf('~')); // a script version: its stored one
        return ClusterMember.articleKey(id);
    }

    static Result of(KarvonConfig cfg, FeedSpec feed, List<FeedPager.Row> rows, StoryClusterStore store, List<String> order,
                     Instant now, SiteUrls urls) {
        if (store == null || feed.cluster() == ClusterMode.OFF || feed.sources().isEmpty() || rows.isEmpty()) {
            return new Result(rows, Map.of());
        }
        Map<String, List<ClusterMember>> clusters;
        try {
            clusters = store.clustersOf(rows.stream().map(ClusterView::key).toList());
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Map<String, String> clusterOf = new HashMap<>();
        clusters.forEach((id, members) -> members.forEach(m -> clusterOf.put(m.itemKey(), id)));
        List<FeedPager.Row> shown = new ArrayList<>(rows.size());
        Map<String, ClusterInfo> out = new HashMap<>();
        for (FeedPager.Row row : rows) {
            String key = key(row);
            String clusterId = clusterOf.get(key);
            if (clusterId == null) {
                shown.add(row);
                continue;
            }
            List<ClusterMember> members = clusters.get(clusterId);
            String ownStory = row.article() != null ? row.article().translationKey() : null;
            String ownSource = row.item() != null ? row.item().sourceId() : null;
            List<String> also = List.of();
            if (feed.cluster() == ClusterMode.ONE) {
                ClusterMember best = members.stream().filter(m -> m.itemKey().equals(key) || carries(feed, m, now))
                        .min(rank(order)).orElse(null);
                if (best != null && !best.itemKey().equals(key)) continue; // the event is shown in a better version
                Set<String> names = new LinkedHashSet<>();
                for (ClusterMember m : members) {
                    if (m.itemKey().equals(key) || !linkable(feed, m, now) || (ownStory != null && ownStory.equals(m.storyKey()))) continue;
                    if (m.sourceId() != null && m.sourceId().equals(ownSource)) continue;
                    names.add(sourceName(cfg, m));
                }
                also = List.copyOf(names);
            }
            List<Related> related = new ArrayList<>();
            for (ClusterMember m : members) {
                if (related.size() == MAX_RELATED) break;
                if (m.itemKey().equals(key) || !linkable(feed, m, now)) continue;
                if (ownStory != null && ownStory.equals(m.storyKey())) continue; // a translation: linked as one already
                String url = m.isArticle() ? urls.article(m.lang(), m.slug()) : m.url();
                if (url == null) continue;
                related.add(new Related(url, m.lang(), m.title(), sourceName(cfg, m)));
            }
            shown.add(row);
            out.put(key, new ClusterInfo(clusterId, related, also));
        }
        return new Result(shown, out);
    }

    /** Whether the feed may link to this member: public now, and from the feed's sources (or the agency, if it carries articles). */
    private static boolean linkable(FeedSpec feed, ClusterMember m, Instant now) {
        if (!m.isPublicAt(now)) return false;
        return m.isArticle() ? feed.includeArticles() && m.slug() != null : feed.sources().contains(m.sourceId());
    }

    /** Whether the feed carries this member, as far as the stored row tells; unsure means no. */
    private static boolean carries(FeedSpec feed, ClusterMember m, Instant now) {
        if (!linkable(feed, m, now) || !feed.sections().isEmpty() || !feed.tags().isEmpty()) return false;
        if (!KeepBlock.passes(feed.keep(), feed.block(), m.title(), m.summary(), List.of())) return false;
        if (m.isArticle()) return FeedSelection.language(feed, m.lang());
        return feed.allLanguages() || feed.everyStory() || feed.languages().stream().anyMatch(l -> LanguageMatch.matches(l, m.lang()));
    }

    private static Comparator<ClusterMember> rank(List<String> order) {
        return Comparator.comparingInt((ClusterMember m) -> {
            for (int i = 0; i < order.size(); i++) if (LanguageMatch.matches(order.get(i), m.lang())) return i;
            return order.size();
        }).thenComparing(ClusterMember::published).thenComparing(ClusterMember::itemKey);
    }

    private static String sourceName(KarvonConfig cfg, ClusterMember m) {
        if (m.sourceId() == null) return cfg.site().agency();
        return cfg.source(m.sourceId()).map(KarvonConfig.SourceSpec::title).orElse(m.sourceId());
    }
}
