package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.karvon.article.Article;

/**
 * An immutable in-memory view of the stored articles, rebuilt after each change, so rendering feeds and
 * pages reads no database. Includes withdrawn articles (for tombstones) and embargoed ones (for partners).
 */
public final class ArticleSnapshot {
    private final List<Article> articles;
    private final Map<String, List<Article>> byKey = new HashMap<>();
    private final Map<String, Article> bySlug = new HashMap<>();

    public ArticleSnapshot(List<Article> articles) {
        this.articles = List.copyOf(articles);
        for (Article a : this.articles) {
            byKey.computeIfAbsent(a.translationKey(), k -> new ArrayList<>()).add(a);
            bySlug.put(a.lang() + "/" + a.slug(), a);
        }
    }

    public List<Article> all() {
        return articles;
    }

    public List<Article> versions(String translationKey) {
        return byKey.getOrDefault(translationKey, List.of());
    }

    public Optional<Article> bySlug(String lang, String slug) {
        return Optional.ofNullable(bySlug.get(lang + "/" + slug));
    }

    /** The next instant at which an embargo lifts, after {@code now}: cached output must expire then. */
    public Optional<Instant> nextEmbargoLift(Instant now) {
        return articles.stream().map(Article::embargoUntil)
                .filter(t -> t != null && t.isAfter(now))
                .min(Instant::compareTo);
    }
}
