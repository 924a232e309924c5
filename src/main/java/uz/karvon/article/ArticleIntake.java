package uz.karvon.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.StoreException;

/**
 * The one way articles enter karvon (CMS API, import command, bundled sample): validate, store in one
 * transaction, then tell the publisher. A correction keeps the id and moves {@code updated}.
 */
public final class ArticleIntake {
    private final ArticleJson reader;
    private final ArticleStore store;
    private final Clock clock;
    private final Runnable onChange;

    public ArticleIntake(ArticleJson reader, ArticleStore store, Clock clock, Runnable onChange) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    public sealed interface Outcome permits Accepted, Rejected {}

    public record Accepted(ArticleStore.Outcome outcome, Article article) implements Outcome {}

    public record Rejected(List<FieldError> errors) implements Outcome {}

    public Outcome submit(JsonNode json) throws StoreException {
        Instant now = clock.instant();
        ArticleJson.Result r = reader.read(json, now);
        if (r instanceof ArticleJson.Invalid invalid) return new Rejected(invalid.errors());
        Article a = ((ArticleJson.Ok) r).article();
        Optional<Article> before = store.get(a.id());
        if (before.isPresent() && !json.hasNonNull("published")) {
            // an update that leaves `published` out keeps the original publication time
            Instant published = before.get().published();
            a = a.withTimes(published, a.updated().isBefore(published) ? published : a.updated());
        }
        if (before.isPresent() && sameContent(before.get(), a)) {
            // A retried request (same content) changes nothing, whatever timestamp it carries.
            return new Accepted(ArticleStore.Outcome.UNCHANGED, before.get());
        }
        if (before.isPresent() && !a.updated().isAfter(before.get().updated())) {
            // A correction must move `updated` so readers see it; the CMS did not, so we do.
            a = a.withTimes(a.published(), now.isAfter(before.get().updated()) ? now : before.get().updated().plusSeconds(1));
        }
        try {
            ArticleStore.Outcome o = store.upsert(a, now);
            if (o != ArticleStore.Outcome.UNCHANGED) onChange.run();
            return new Accepted(o, a);
        } catch (ArticleStore.Conflict c) {
            return new Rejected(List.of(new FieldError(c.field(), c.getMessage())));
        }
    }

    /** Withdraws ("kills") a story version: gone from public feeds and pages at once. */
    public Optional<Article> withdraw(String id, String reason) throws StoreException {
        Optional<Article> a = store.get(id);
        if (a.isEmpty()) return Optional.empty();
        if (a.get().status() == Article.Status.WITHDRAWN) return a;
        Instant now = clock.instant();
        Article killed = a.get().withStatus(Article.Status.WITHDRAWN, reason == null || reason.isBlank() ? "withdrawn" : reason, now);
        try {
            store.upsert(killed, now);
        } catch (ArticleStore.Conflict impossible) {
            throw new IllegalStateException(impossible);
        }
        onChange.run();
        return Optional.of(killed);
    }

    private static boolean sameContent(Article x, Article y) {
        return x.withTimes(x.published(), y.updated()).equals(y);
    }
}
