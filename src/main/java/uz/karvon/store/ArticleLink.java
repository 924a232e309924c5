package uz.karvon.store;

import java.time.Instant;
import uz.karvon.article.Article;

/** What a sitemap needs of an article version: where its page is, when it changed, whether it is public. No body. */
public record ArticleLink(long seq, String id, String lang, String slug, String translationKey, String title,
                          Instant published, Instant updated, Article.Status status, Instant embargoUntil) {

    public boolean isPublicAt(Instant now) {
        return status == Article.Status.PUBLISHED && (embargoUntil == null || !now.isBefore(embargoUntil));
    }
}
