package uz.karvon.publish;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;

/**
 * The agency's public stories in one language, optionally in one section, newest first and keyset-paged, as the
 * site's language and section pages show them. Read by the same {@link FeedPager} and index scans as a feed of
 * that language and section: a page costs what it shows, however deep in the archive it is. Stories that exist
 * only in the other Uzbek script appear transliterated when a feed of this language transliterates.
 */
public final class Listing {
    private final FeedPager pager;

    public Listing(Archive archive) {
        this.pager = new FeedPager(archive, null);
    }

    /** One page of stories and where the pages next to it are ({@code null}: none). */
    public record Page(List<Article> articles, PageRequest newer, PageRequest older) {}

    /**
     * @param section a section id, or null for every section
     * @param size    stories per page
     */
    public Page page(KarvonConfig cfg, String lang, String section, PageRequest request, int size, Instant now) {
        Set<String> targets = Archive.targets(cfg);
        FeedSpec spec = new FeedSpec("site:" + lang + (section == null ? "" : ":" + section), lang, "", lang, List.of(lang),
                false, section == null ? List.of() : List.of(section), List.of(), true, List.of(), size, true, false, false,
                targets.contains(lang), List.of(), List.of());
        FeedPager.Page p = pager.page(new FeedPager.Reading(spec, targets, List.of(lang), now), request);
        List<Article> articles = p.rows().stream().map(FeedPager.Row::article).toList();
        return new Page(articles, p.previous(), p.next());
    }

    /** The cursor of an article in listing order, for the page of stories just before or after it. */
    public static EntryKey key(Article a) {
        return FeedPager.key(a);
    }
}
