package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public static List<Article> select(FeedSpec feed, List<Article> articles, List<String> fallbacks, Instant now) {
        List<Article> visible = new ArrayList<>();
        for (Article a : articles) {
            if (a.status() != Article.Status.PUBLISHED) continue;
            if (a.generated() && !feed.transliterate()) continue;
            if (a.isEmbargoedAt(now) && !feed.includeEmbargoed()) continue;
            if (!feed.sections().isEmpty() && a.categories().stream().noneMatch(feed.sections()::contains)) continue;
            if (!feed.tags().isEmpty() && a.tags().stream().noneMatch(feed.tags()::contains)) continue;
            if (!passes(feed, a)) continue;
            visible.add(a);
        }
        List<Article> chosen;
        if (feed.allLanguages()) {
            chosen = visible;
        } else if (feed.everyStory()) {
            chosen = onePerStory(visible, preference(feed.language(), fallbacks));
        } else {
            chosen = visible.stream().filter(a -> feed.languages().contains(a.lang())).toList();
        }
        return chosen.stream()
                .sorted(Comparator.comparing(Article::published).reversed().thenComparing(Article::id))
                .limit(feed.limit())
                .toList();
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

    /** One version per translation key: the first language of {@code order} that exists, else the oldest version. */
    private static List<Article> onePerStory(List<Article> visible, List<String> order) {
        Map<String, Article> best = new LinkedHashMap<>();
        for (Article a : visible) {
            best.merge(a.translationKey(), a, (x, y) -> rank(order, y) < rank(order, x) ? y : x);
        }
        return List.copyOf(best.values());
    }

    private static int rank(List<String> order, Article a) {
        int i = order.indexOf(a.lang());
        return i < 0 ? order.size() : i;
    }

    private static boolean passes(FeedSpec feed, Article a) {
        return KeepBlock.passes(feed.keep(), feed.block(), a.title(), a.summary(), a.tags());
    }
}
