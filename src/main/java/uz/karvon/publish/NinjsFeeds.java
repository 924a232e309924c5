package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.publish.render.NinjsItem;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.SourceItem;
import uz.karvon.store.StoreException;

/**
 * Feeds and single articles as IPTC ninjs. A feed's ninjs carries exactly the items of its RSS/Atom/JSON forms
 * (the same assembled entries, same order and limit: each entry is mapped back to the article or source item it
 * came from), followed, in private feeds, by a {@code canceled} object for each story withdrawn within
 * {@code server.tombstone_retention} (the stories Atom announces with {@code at:deleted-entry}).
 */
final class NinjsFeeds {
    private final ArticleStore store;
    private final FeedRenderer renderer;

    NinjsFeeds(ArticleStore store, FeedRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    /**
     * What a feed's ninjs is made from, besides its assembled entries: the articles behind them (by article id,
     * see {@link #articleIds}), every version of an article's story, and the source items (by karvon's item id).
     */
    record Sources(Map<String, Article> articles, Function<Article, List<Article>> versions, Map<String, SourceItem> items) {}

    /** The ids of the articles the assembled feed shows or announces as withdrawn. */
    static Set<String> articleIds(SiteUrls urls, FeedAssembler.Assembled a) {
        String prefix = urls.articleIdPrefix();
        Set<String> ids = new HashSet<>();
        for (Entry e : a.entries()) if (e.id().startsWith(prefix)) ids.add(e.id().substring(prefix.length()));
        for (Tombstone t : a.tombstones()) if (t.id().startsWith(prefix)) ids.add(t.id().substring(prefix.length()));
        return ids;
    }

    byte[] feed(KarvonConfig cfg, FeedAssembler.Assembled a, Sources sources, Instant now, boolean ndjson) {
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        String articlePrefix = urls.articleIdPrefix();
        String itemPrefix = urls.sourceItemIdPrefix();
        Map<String, Integer> revisions = revisions(sources.articles().keySet());
        NinjsAssembler n = new NinjsAssembler(cfg, urls);
        List<NinjsItem> out = new ArrayList<>();
        for (Entry e : a.entries()) {
            if (e.id().startsWith(articlePrefix)) {
                Article x = sources.articles().get(e.id().substring(articlePrefix.length()));
                if (x != null) out.add(n.article(e, x, sources.versions().apply(x), revisions.get(stored(x.id())), now));
            } else if (e.id().startsWith(itemPrefix)) {
                SourceItem i = sources.items().get(e.id().substring(itemPrefix.length()));
                if (i != null) out.add(n.sourceItem(e, i));
            }
        }
        for (Tombstone t : a.tombstones()) {
            Article x = t.id().startsWith(articlePrefix) ? sources.articles().get(t.id().substring(articlePrefix.length())) : null;
            if (x != null) out.add(n.canceled(x, revisions.get(stored(x.id()))));
        }
        return ndjson ? renderer.ninjs().ndjson(out) : renderer.ninjs().array(out);
    }

    /** Who may read a story's ninjs: anyone, or only partners allowed to see embargoed stories. */
    enum Audience { PUBLIC, EMBARGO_PARTNERS }

    /** One article's ninjs object for {@code /api/ninjs/{id}}, with who may read it. */
    record Story(byte[] json, Audience audience) {}

    /**
     * One article as ninjs, full text: usable when public, withheld (with its embargo) while under embargo, canceled
     * for the tombstone retention after a withdrawal; empty when its withdrawal is older than that.
     *
     * @param entry the article's full-text feed entry (ignored for a withdrawn article)
     */
    Optional<Story> story(KarvonConfig cfg, Article a, List<Article> versions, Entry entry, Instant now) {
        NinjsAssembler n = new NinjsAssembler(cfg, new SiteUrls(cfg.site().baseUrl()));
        Integer revision = revisions(Set.of(a.id())).get(stored(a.id()));
        boolean killedUnderEmbargo = a.embargoUntil() != null && a.embargoUntil().isAfter(a.updated());
        if (a.status() == Article.Status.WITHDRAWN) {
            if (a.updated().plus(cfg.server().tombstoneRetention()).isBefore(now)) return Optional.empty();
            return Optional.of(new Story(renderer.ninjs().one(n.canceled(a, revision)),
                    killedUnderEmbargo ? Audience.EMBARGO_PARTNERS : Audience.PUBLIC));
        }
        NinjsItem item = n.article(entry, a, versions, revision, now);
        return Optional.of(new Story(renderer.ninjs().one(item), a.isEmbargoedAt(now) ? Audience.EMBARGO_PARTNERS : Audience.PUBLIC));
    }

    private Map<String, Integer> revisions(Set<String> ids) {
        Set<String> storedIds = new HashSet<>();
        for (String id : ids) storedIds.add(stored(id));
        return call(() -> store.revisions(storedIds));
    }

    /** A generated script version ({@code id~uz-Cyrl}) has the revision of the stored article it comes from. */
    private static String stored(String id) {
        int t = id.indexOf('~');
        return t < 0 ? id : id.substring(0, t);
    }

    private interface StoreCall<T> {
        T run() throws StoreException;
    }

    private static <T> T call(StoreCall<T> c) {
        try {
            return c.run();
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
