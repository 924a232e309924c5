package uz.karvon.article;

import java.time.Instant;
import java.util.List;

/**
 * One language version of an agency story. Versions of the same story share {@code translationKey}.
 * Corrections keep {@code id} (and so the feed item id) and move {@code updated}.
 */
public record Article(
        String id,
        String lang,
        String translationKey,
        String slug,
        String title,
        String summary,
        String bodyHtml,
        String section,
        List<String> categories,
        List<String> tags,
        String author,
        String dateline,
        Image image,
        Instant published,
        Instant updated,
        Status status,
        Instant embargoUntil,
        String correctionNote,
        String withdrawReason,
        boolean generated) {

    public Article {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    public enum Status { PUBLISHED, WITHDRAWN }

    public record Image(String url, String type, Long length, String caption) {}

    /** Public means: published, and not under embargo at {@code now}. */
    public boolean isPublicAt(Instant now) {
        return status == Status.PUBLISHED && !isEmbargoedAt(now);
    }

    public boolean isEmbargoedAt(Instant now) {
        return embargoUntil != null && now.isBefore(embargoUntil);
    }

    public Article withTimes(Instant published, Instant updated) {
        return new Article(id, lang, translationKey, slug, title, summary, bodyHtml, section, categories, tags, author,
                dateline, image, published, updated, status, embargoUntil, correctionNote, withdrawReason, generated);
    }

    public Article withStatus(Status s, String reason, Instant at) {
        return new Article(id, lang, translationKey, slug, title, summary, bodyHtml, section, categories, tags, author,
                dateline, image, published, at, s, embargoUntil, correctionNote, reason, generated);
    }
}
