package uz.karvon.publish;

import java.util.Set;
import uz.karvon.article.ArticleFacet;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KeepBlock;

/**
 * Whether a feed may show an article version with a given facet: the rule that decides which cached feeds a
 * change invalidates. It may say yes too often (a facet merged from a bulk import has no text, and a generated
 * version's tags and text are transliterated, so those checks are skipped), never too rarely.
 */
final class FeedMembership {
    private FeedMembership() {}

    static boolean mayCarry(FeedSpec feed, ArticleFacet f, Set<String> targets) {
        if (!feed.includeArticles()) return false;
        String other = ScriptVersions.other(f.lang());
        boolean scriptTwin = feed.transliterate() && other != null && targets.contains(other);
        if (!FeedSelection.language(feed, f.lang()) && !(scriptTwin && FeedSelection.language(feed, other))) return false;
        if (!feed.sections().isEmpty() && f.categories().stream().noneMatch(feed.sections()::contains)) return false;
        if (scriptTwin) return true;
        if (!feed.tags().isEmpty() && f.tags().stream().noneMatch(feed.tags()::contains)) return false;
        return f.title() == null || KeepBlock.passes(feed.keep(), feed.block(), f.title(), f.summary(), f.tags());
    }
}
