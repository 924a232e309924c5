package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KeepBlock;
import uz.karvon.store.SourceItem;

/**
 * Which articles a feed carries at a given instant: the feed's language rules, sections and tags,
 * keep/block patterns, embargo and withdrawal, newest first, limited.
 */
public final class FeedSelection {
    private FeedSelection() {}

    /**
     * Whether {@code a} may appear in the feed at {@code now}, language aside: published, not under embargo (unless
     * the feed carries embargoed stories), generated only in feeds that transliterate, in the feed's sections and
     * tags, and through its keep/block patterns.
     */
    static boolean visible(FeedSpec feed, Article a, Instant now) {
        if (a.status() != Article.Status.PUBLISHED) return false;
        if (a.generated() && !feed.transliterate()) return false;
        if (a.isEmbargoedAt(now) && !feed.includeEmbargoed()) return false;
        if (!feed.sections().isEmpty() && a.categories().stream().noneMatch(feed.sections()::contains)) return false;
        if (!feed.tags().isEmpty() && a.tags().stream().noneMatch(feed.tags()::contains)) return false;
        return passes(feed, a);
    }

    /** Whether a version in {@code lang} belongs to the feed's languages (every-story feeds choose among all). */
    static boolean language(FeedSpec feed, String lang) {
        return feed.allLanguages() || feed.everyStory() || feed.languages().contains(lang);
    }

    /** Source items a feed carries: its sources, its languages, sections as tags, keep/block. */
    public static List<SourceItem> selectItems(FeedSpec feed, List<SourceItem> items) {
        List<SourceItem> out = new ArrayList<>();
        for (SourceItem i : items) {
            if (!feed.sources().contains(i.sourceId())) continue;
            if (!feed.allLanguages() && !feed.everyStory()
                    && feed.languages().stream().noneMatch(l -> LanguageMatch.matches(l, i.language()))) continue;
            if (!feed.sections().isEmpty() && i.tags().stream().noneMatch(t -> feed.sections().contains(t.toLowerCase(Locale.ROOT)))) continue;
            if (!KeepBlock.passes(feed.keep(), feed.block(), i.title(), i.summary(), i.tags())) continue;
            out.add(i);
        }
        return out;
    }

    static List<String> preference(String language, List<String> fallbacks) {
        List<String> order = new ArrayList<>();
        order.add(language);
        for (String f : fallbacks) if (!order.contains(f)) order.add(f);
        return order;
    }

    /**
     * The version an every-story feed carries: among the story's visible versions (in {@link Archive#versions}
     * order), the first language of {@code order} that exists, else the first version.
     */
    static Article chosen(List<Article> visibleVersions, List<String> order) {
        Article best = null;
        for (Article a : visibleVersions) if (best == null || rank(order, a) < rank(order, best)) best = a;
        return best;
    }

    private static int rank(List<String> order, Article a) {
        int i = order.indexOf(a.lang());
        return i < 0 ? order.size() : i;
    }

    private static boolean passes(FeedSpec feed, Article a) {
        return KeepBlock.passes(feed.keep(), feed.block(), a.title(), a.summary(), a.tags());
    }
}
