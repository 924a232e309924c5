package uz.karvon.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.UzbekTransliterator;
import uz.karvon.metrics.Metrics;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.StoreException;

/**
 * The stored articles as feeds and pages see them: the versions in the store plus the generated versions in the
 * other Uzbek script. A generated version is made once per article version and kept in a sized cache keyed by
 * (id, updated), never regenerated for the whole archive. Store failures surface as {@link IllegalStateException}.
 */
public final class Archive {
    private final ArticleStore store;
    private final UzbekTransliterator translit;
    private final Cache<GeneratedKey, Article> generated;

    private record GeneratedKey(String id, long updated, String target, boolean withBody) {}

    /** @param generatedCacheChars how much transliterated text (title, summary, body) to keep, in characters */
    public Archive(ArticleStore store, UzbekTransliterator translit, long generatedCacheChars, Metrics metrics) {
        this.store = store;
        this.translit = translit;
        this.generated = Caffeine.newBuilder()
                .recordStats()
                .maximumWeight(generatedCacheChars)
                .<GeneratedKey, Article>weigher((k, a) -> 256 + length(a.title()) + length(a.summary()) + length(a.bodyHtml()))
                .build();
        metrics.cache("transliterations", generated);
    }

    /** The scripts generated versions are made in: the languages of the feeds marked {@code transliterate}. */
    public static Set<String> targets(KarvonConfig cfg) {
        Set<String> scripts = new HashSet<>();
        for (FeedSpec f : cfg.feeds()) {
            if (f.transliterate() && f.language() != null) scripts.add(f.language());
        }
        return scripts;
    }

    /** The generated version of {@code source} in {@code target} script (the caller checked that none is stored). */
    Article generated(Article source, String target) {
        return generated(source, target, true);
    }

    /** {@code withBody == false}: without transliterating the body (the source may have been read without one). */
    Article generated(Article source, String target, boolean withBody) {
        return generated.get(new GeneratedKey(source.id(), source.updated().toEpochMilli(), target, withBody),
                k -> ScriptVersions.generate(source, target, translit, withBody));
    }

    /**
     * Every version of these stories, any state: stored ones newest first (then by id), then generated ones. The
     * generated ones have no body (a translation link needs the title, choosing a version the text and tags): an
     * entry or a page asks for {@link #generated(Article, String)}.
     */
    public Map<String, List<Article>> versions(Collection<String> keys, Set<String> targets) {
        Map<String, List<Article>> stored = call(() -> store.versions(keys));
        Map<String, List<Article>> out = new LinkedHashMap<>();
        stored.forEach((key, list) -> {
            List<Article> all = new ArrayList<>(list);
            for (Article a : list) {
                String target = ScriptVersions.other(a.lang());
                if (target == null || !targets.contains(target)) continue;
                if (list.stream().noneMatch(v -> v.lang().equals(target))) all.add(generated(a, target, false));
            }
            out.put(key, List.copyOf(all));
        });
        return out;
    }

    /** The article of {@code /{lang}/articles/{slug}} if it is public now: stored, or generated from the other script. */
    public Optional<Article> page(String lang, String slug, Set<String> targets, Instant now) {
        Optional<Article> stored = call(() -> store.bySlug(lang, slug));
        if (stored.isPresent()) return stored.filter(a -> a.isPublicAt(now));
        String source = ScriptVersions.other(lang);
        if (source == null || !targets.contains(lang)) return Optional.empty();
        Optional<Article> original = call(() -> store.bySlug(source, slug)).filter(a -> a.isPublicAt(now));
        if (original.isEmpty()) return Optional.empty();
        String key = original.get().translationKey();
        if (!keysWithVersionIn(lang, List.of(key)).isEmpty()) return Optional.empty(); // the story has its own version there
        return Optional.of(generated(original.get(), lang));
    }

    /**
     * The article with this id in any state ({@code /api/ninjs/{id}}): stored, or a generated version
     * ({@code <id>~<script>}) of a stored one whose story has no stored version in that script.
     */
    public Optional<Article> article(String id, Set<String> targets) {
        int tilde = id.indexOf('~');
        if (tilde < 0) return call(() -> store.get(id));
        String target = id.substring(tilde + 1);
        if (!targets.contains(target)) return Optional.empty();
        Optional<Article> source = call(() -> store.get(id.substring(0, tilde)))
                .filter(a -> target.equals(ScriptVersions.other(a.lang())));
        if (source.isEmpty() || !keysWithVersionIn(target, List.of(source.get().translationKey())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(generated(source.get(), target));
    }

    /**
     * How many times each article was stored (ninjs {@code version}), by id; a generated version counts those of
     * the stored article it comes from. Ids not stored are absent.
     */
    Map<String, Integer> revisions(Collection<String> ids) {
        Map<String, List<String>> byStored = new LinkedHashMap<>();
        for (String id : ids) byStored.computeIfAbsent(stored(id), k -> new ArrayList<>()).add(id);
        Map<String, Integer> stored = call(() -> store.revisions(byStored.keySet()));
        Map<String, Integer> out = new LinkedHashMap<>();
        stored.forEach((id, revision) -> byStored.get(id).forEach(asked -> out.put(asked, revision)));
        return out;
    }

    /** The stored article a version's id names: itself, or the source of a generated version. */
    private static String stored(String id) {
        int tilde = id.indexOf('~');
        return tilde < 0 ? id : id.substring(0, tilde);
    }

    /** Withdrawn versions whose withdrawal is at or after {@code since}: stored ones in feed order, then generated ones. */
    List<Article> withdrawnSince(Instant since, Set<String> targets) {
        List<Article> stored = call(() -> store.withdrawnSince(since));
        List<Article> out = new ArrayList<>(stored);
        Map<String, List<String>> keysByTarget = new LinkedHashMap<>();
        for (Article a : stored) {
            String target = ScriptVersions.other(a.lang());
            if (target != null && targets.contains(target)) {
                keysByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(a.translationKey());
            }
        }
        Map<String, Set<String>> have = new LinkedHashMap<>();
        keysByTarget.forEach((target, keys) -> have.put(target, new HashSet<>(call(() -> store.keysWithVersionIn(target, keys)))));
        for (Article a : stored) {
            String target = ScriptVersions.other(a.lang());
            if (target != null && have.containsKey(target) && !have.get(target).contains(a.translationKey())) {
                out.add(generated(a, target, false)); // a tombstone needs no body
            }
        }
        return out;
    }

    Optional<Instant> nextEmbargoLift(Instant now) {
        return call(() -> store.nextEmbargoLift(now));
    }

    List<Article> scan(ArticleStore.Scan s) {
        return call(() -> store.scan(s));
    }

    /** Which of these stories have a stored version in {@code lang}. */
    Set<String> keysWithVersionIn(String lang, Collection<String> keys) {
        return new HashSet<>(call(() -> store.keysWithVersionIn(lang, keys)));
    }

    interface StoreCall<T> {
        T run() throws StoreException;
    }

    static <T> T call(StoreCall<T> c) {
        try {
            return c.run();
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
