package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
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

    byte[] feed(KarvonConfig cfg, FeedSpec spec, FeedAssembler.Assembled a, ArticleSnapshot snapshot,
                FeedAssembler.SourceItems sourceItems, Instant now, boolean ndjson) {
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        String articlePrefix = urls.articleIdPrefix();
        String itemPrefix = urls.sourceItemIdPrefix();
        Set<String> wanted = new HashSet<>();
        for (Entry e : a.entries()) if (e.id().startsWith(articlePrefix)) wanted.add(e.id().substring(articlePrefix.length()));
        for (Tombstone t : a.tombstones()) if (t.id().startsWith(articlePrefix)) wanted.add(t.id().substring(articlePrefix.length()));
        Map<String, Article> articles = new HashMap<>();
        for (Article x : snapshot.all()) if (wanted.contains(x.id())) articles.put(x.id(), x);
        Map<String, SourceItem> items = new HashMap<>();
        for (SourceItem i : sourceItems.items()) items.put(i.id(), i);
        Map<String, Integer> revisions = revisions(articles.keySet());
        NinjsAssembler n = new NinjsAssembler(cfg, urls);
        List<NinjsItem> out = new ArrayList<>();
        for (Entry e : a.entries()) {
            if (e.id().startsWith(articlePrefix)) {
                Article x = articles.get(e.id().substring(articlePrefix.length()));
                if (x != null) out.add(n.article(e, x, snapshot.versions(x.translationKey()), revisions.get(stored(x.id())), now));
            } else if (e.id().startsWith(itemPrefix)) {
                SourceItem i = items.get(e.id().substring(itemPrefix.length()));
                if (i != null) out.add(n.sourceItem(e, i));
            }
        }
        for (Tombstone t : a.tombstones()) {
            Article x = t.id().startsWith(articlePrefix) ? articles.get(t.id().substring(articlePrefix.length())) : null;
            if (x != null) out.add(n.canceled(x, revisions.get(stored(x.id()))));
        }
        return ndjson ? renderer.ninjs().ndjson(out) : renderer.ninjs().array(out);
    }

    /** Who may read a story's ninjs: anyone, or only partners allowed to see embargoed stories. */
    enum Audience { PUBLIC, EMBARGO_PARTNERS }

    /** One article's ninjs object for {@code /api/ninjs/{id}}, with who may read it. */
    record Story(byte[] json, Audience audience) {}

    /**
     * The article with this id (a CMS id, or a generated script version's {@code id~uz-Cyrl}) as ninjs, full text:
     * usable when public, withheld (with its embargo) while under embargo, canceled for the tombstone retention
     * after a withdrawal; empty when there is no such article or its withdrawal is older than that.
     */
    Optional<Story> story(KarvonConfig cfg, String id, ArticleSnapshot snapshot, Instant now) {
        Article a = snapshot.all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseGet(() -> call(() -> store.get(id)).orElse(null));
        if (a == null) return Optional.empty();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        NinjsAssembler n = new NinjsAssembler(cfg, urls);
        Integer revision = revisions(Set.of(a.id())).get(stored(a.id()));
        boolean killedUnderEmbargo = a.embargoUntil() != null && a.embargoUntil().isAfter(a.updated());
        if (a.status() == Article.Status.WITHDRAWN) {
            if (a.updated().plus(cfg.server().tombstoneRetention()).isBefore(now)) return Optional.empty();
            return Optional.of(new Story(renderer.ninjs().one(n.canceled(a, revision)),
                    killedUnderEmbargo ? Audience.EMBARGO_PARTNERS : Audience.PUBLIC));
        }
        Entry e = new FeedAssembler(cfg).entry(a, snapshot, true, now);
        NinjsItem item = n.article(e, a, snapshot.versions(a.translationKey()), revision, now);
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
