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
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.FeedRenderer;
import uz.karvon.publish.render.NinjsItem;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.store.SourceItem;

/**
 * Feeds and single articles as IPTC ninjs. A feed page's ninjs carries exactly the items of the same page in its
 * RSS/Atom/JSON forms (the same assembled entries, same order: each entry is mapped back to the article or source
 * item of its page row), followed, on the first page of a private feed, by a {@code canceled} object for each story
 * withdrawn within {@code server.tombstone_retention} (the stories Atom announces with {@code at:deleted-entry}).
 * A JSON array has no place for paging links: they go in the response's {@code Link} header.
 */
final class NinjsFeeds {
    private final Archive archive;
    private final FeedRenderer renderer;

    NinjsFeeds(Archive archive, FeedRenderer renderer) {
        this.archive = archive;
        this.renderer = renderer;
    }

    /**
     * What a feed page's ninjs is made from, besides its assembled entries: the articles of its rows and its
     * withdrawn candidates (by article id), the versions of their stories (by translation key), and the source
     * items of its rows (by karvon's item id).
     */
    record Sources(Map<String, Article> articles, Map<String, List<Article>> versions, Map<String, SourceItem> items) {
        static Sources of(FeedPager.Page page, List<Article> withdrawn, Map<String, List<Article>> versions) {
            Map<String, Article> articles = new HashMap<>();
            Map<String, SourceItem> items = new HashMap<>();
            for (Article a : withdrawn) articles.put(a.id(), a);
            for (FeedPager.Row r : page.rows()) {
                if (r.article() != null) articles.put(r.article().id(), r.article());
                else items.put(r.item().id(), r.item());
            }
            return new Sources(articles, versions, items);
        }

        List<Article> versionsOf(Article a) {
            return versions.getOrDefault(a.translationKey(), List.of());
        }
    }

    byte[] feed(KarvonConfig cfg, FeedAssembler.Assembled a, Sources sources, Instant now, boolean ndjson) {
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        String articlePrefix = urls.articleIdPrefix();
        String itemPrefix = urls.sourceItemIdPrefix();
        Set<String> shown = new HashSet<>();
        for (Entry e : a.entries()) if (e.id().startsWith(articlePrefix)) shown.add(e.id().substring(articlePrefix.length()));
        for (Tombstone t : a.tombstones()) if (t.id().startsWith(articlePrefix)) shown.add(t.id().substring(articlePrefix.length()));
        Map<String, Integer> revisions = archive.revisions(shown);
        NinjsAssembler n = new NinjsAssembler(cfg, urls);
        List<NinjsItem> out = new ArrayList<>();
        for (Entry e : a.entries()) {
            if (e.id().startsWith(articlePrefix)) {
                Article x = sources.articles().get(e.id().substring(articlePrefix.length()));
                if (x != null) out.add(n.article(e, x, sources.versionsOf(x), revisions.get(x.id()), now));
            } else if (e.id().startsWith(itemPrefix)) {
                SourceItem i = sources.items().get(e.id().substring(itemPrefix.length()));
                if (i != null) out.add(n.sourceItem(e, i));
            }
        }
        for (Tombstone t : a.tombstones()) {
            Article x = t.id().startsWith(articlePrefix) ? sources.articles().get(t.id().substring(articlePrefix.length())) : null;
            if (x != null) out.add(n.canceled(x, revisions.get(x.id())));
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
        Integer revision = archive.revisions(List.of(a.id())).get(a.id());
        boolean killedUnderEmbargo = a.embargoUntil() != null && a.embargoUntil().isAfter(a.updated());
        if (a.status() == Article.Status.WITHDRAWN) {
            if (a.updated().plus(cfg.server().tombstoneRetention()).isBefore(now)) return Optional.empty();
            return Optional.of(new Story(renderer.ninjs().one(n.canceled(a, revision)),
                    killedUnderEmbargo ? Audience.EMBARGO_PARTNERS : Audience.PUBLIC));
        }
        NinjsItem item = n.article(entry, a, versions, revision, now);
        return Optional.of(new Story(renderer.ninjs().one(item), a.isEmbargoedAt(now) ? Audience.EMBARGO_PARTNERS : Audience.PUBLIC));
    }
}
