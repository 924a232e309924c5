package uz.karvon.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.StoreException;

/**
 * The one way articles enter karvon (CMS API, import command, bundled sample): validate, store in one
 * transaction (which also logs the change for every server that follows the store), then call
 * {@code onChange}. A correction keeps the id and moves {@code updated}.
 */
public final class ArticleIntake {
    private final ArticleJson reader;
    private final ArticleStore store;
    private final Clock clock;
    private final Runnable onChange;
    private final Consumer<List<Article>> onStored;

    /** @param onChange runs after a commit that changed something (the server applies the change log at once) */
    public ArticleIntake(ArticleJson reader, ArticleStore store, Clock clock, Runnable onChange) {
        this(reader, store, clock, onChange, stored -> {});
    }

    /** @param onStored told of the article versions a commit created or changed (event clustering, issue 18); must not throw */
    public ArticleIntake(ArticleJson reader, ArticleStore store, Clock clock, Runnable onChange, Consumer<List<Article>> onStored) {
        this.onStored = onStored;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    public sealed interface Outcome permits Accepted, Rejected {}

    public record Accepted(ArticleStore.Outcome outcome, Article article) implements Outcome {}

    public record Rejected(List<FieldError> errors) implements Outcome {}

    public Outcome submit(JsonNode json) throws StoreException {
        return submitAll(List.of(json)).get(0);
    }

    /** Validates and stores many records in one transaction; one outcome per record, in order. */
    public List<Outcome> submitAll(List<JsonNode> records) throws StoreException {
        Instant now = clock.instant();
        Outcome[] out = new Outcome[records.size()];
        List<Revision> valid = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        // Checking and sanitizing is most of an import's work and needs no database: a batch uses every core.
        IntStream indexes = IntStream.range(0, records.size());
        List<ArticleJson.Result> read = (records.size() > 1 ? indexes.parallel() : indexes)
                .mapToObj(i -> reader.read(records.get(i), now)).toList();
        for (int i = 0; i < records.size(); i++) {
            JsonNode json = records.get(i);
            ArticleJson.Result r = read.get(i);
            if (r instanceof ArticleJson.Invalid invalid) {
                out[i] = new Rejected(invalid.errors());
            } else {
                valid.add(new Revision(((ArticleJson.Ok) r).article(), json.hasNonNull("published"), now));
                where.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<ArticleStore.Result> stored = store.upsertAll(valid, now);
            List<Article> changed = new ArrayList<>();
            for (int j = 0; j < stored.size(); j++) {
                ArticleStore.Result s = stored.get(j);
                out[where.get(j)] = s.conflict() != null
                        ? new Rejected(List.of(new FieldError(s.conflict().field(), s.conflict().getMessage())))
                        : new Accepted(s.outcome(), s.article());
                if (s.outcome() == ArticleStore.Outcome.CREATED || s.outcome() == ArticleStore.Outcome.UPDATED) changed.add(s.article());
            }
            if (!changed.isEmpty()) {
                onStored.accept(changed);
                onChange.run();
            }
        }
        return List.of(out);
    }

    /** Withdraws ("kills") a story version: gone from public feeds and pages at once. */
    public Optional<Article> withdraw(String id, String reason) throws StoreException {
        Optional<Article> a = store.get(id);
        if (a.isEmpty()) return Optional.empty();
        if (a.get().status() == Article.Status.WITHDRAWN) return a;
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "withdrawn" : reason;
        ArticleStore.Result r = store.upsertAll(List.of(new ArticleStore.Revision() {
            @Override
            public Article candidate() {
                return a.get();
            }

            @Override
            public Article revise(Article stored) { // the version stored when the write runs, not the one read above
                Article base = stored == null ? a.get() : stored;
                return base.status() == Article.Status.WITHDRAWN ? base : base.withStatus(Article.Status.WITHDRAWN, why, now);
            }
        }), now).get(0);
        if (r.conflict() != null) throw new IllegalStateException(r.conflict());
        if (r.outcome() != ArticleStore.Outcome.UNCHANGED) {
            onStored.accept(List.of(r.article()));
            onChange.run();
        }
        return Optional.of(r.article());
    }

    /** The CMS rules for a write over a stored version, applied inside the writing transaction. */
    private record Revision(Article candidate, boolean publishedGiven, Instant now) implements ArticleStore.Revision {
        @Override
        public Article revise(Article before) {
            if (before == null) return candidate;
            Article a = candidate;
            if (!publishedGiven) {
                // an update that leaves `published` out keeps the original publication time
                Instant published = before.published();
                a = a.withTimes(published, a.updated().isBefore(published) ? published : a.updated());
            }
            // A retried request (same content) changes nothing, whatever timestamp it carries.
            if (sameContent(before, a)) return before;
            if (!a.updated().isAfter(before.updated())) {
                // A correction must move `updated` so readers see it; the CMS did not, so we do.
                a = a.withTimes(a.published(), now.isAfter(before.updated()) ? now : before.updated().plusSeconds(1));
            }
            return a;
        }
    }

    private static boolean sameContent(Article x, Article y) {
        return x.withTimes(x.published(), y.updated()).equals(y);
    }
}
