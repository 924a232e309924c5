package uz.karvon.store;

import static uz.karvon.store.ArticleRows.A_COLUMNS;
import static uz.karvon.store.ArticleRows.A_COLUMNS_NO_BODY;
import static uz.karvon.store.ArticleRows.COLUMNS;
import static uz.karvon.store.ArticleRows.COLUMNS_NO_BODY;
import static uz.karvon.store.ArticleRows.FEED_ORDER;
import static uz.karvon.store.ArticleRows.LINK_COLUMNS;
import static uz.karvon.store.ArticleRows.bindAll;
import static uz.karvon.store.ArticleRows.chunks;
import static uz.karvon.store.ArticleRows.first;
import static uz.karvon.store.ArticleRows.links;
import static uz.karvon.store.ArticleRows.list;
import static uz.karvon.store.ArticleRows.marks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleFacet;

/**
 * Agency articles in the database, the source of truth for feeds, pages and sitemaps. Every write is one
 * transaction that also records the change in the {@link ChangeLog}; every read is a query with an index behind
 * it (see V6__archive.sql), so its cost follows what it returns, not the size of the archive.
 */
public final class ArticleStore {
    private final Database db;

    public ArticleStore(Database db) {
        this.db = db;
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** A write that the store refused, with the JSON field at fault. */
    public static final class Conflict extends Exception {
        private final String field;

        public Conflict(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** One article to write, and how to revise it against the version stored when the write runs. */
    public interface Revision {
        Article candidate();

        /** The version to store, given the stored one ({@code null}: none); returning {@code stored} changes nothing. */
        Article revise(Article stored);
    }

    /** What became of one revision: an outcome and the article as stored, or the conflict that refused it. */
    public record Result(Outcome outcome, Article article, Conflict conflict) {}

    /** Creates or updates by id. Refuses a language change for an existing id and a slug taken by another article. */
    public Outcome upsert(Article a, Instant now) throws StoreException, Conflict {
        Result r = upsertAll(List.of(new Revision() {
            @Override
            public Article candidate() {
                return a;
            }

            @Override
            public Article revise(Article stored) {
                return a;
            }
        }), now).get(0);
        if (r.conflict() != null) throw r.conflict();
        return r.outcome();
    }

    /**
     * Writes many articles in one transaction (the import's batches) in order, each seeing the ones before it.
     * One change-log row records the facets of every version touched, including the translations whose links
     * changed; a batch of many is folded per language.
     */
    public List<Result> upsertAll(List<? extends Revision> revisions, Instant now) throws StoreException {
        return db.transaction(c -> {
            db.dialect().serialize(c, Dialect.Serial.CHANGES); // seq and change-log order are commit order
            List<ArticleFacet> facets = new ArrayList<>();
            List<Result> out = new ArrayList<>(revisions.size());
            try (ArticleWriter w = new ArticleWriter(c)) {
                for (Revision r : revisions) out.add(w.write(r, now, facets));
            }
            if (!facets.isEmpty()) ChangeLog.append(c, now, facets.size() > 64 ? ArticleFacet.merge(facets) : facets, List.of());
            return out;
        });
    }

    public Optional<Article> get(String id) throws StoreException {
        return db.read(c -> first(list(c, "SELECT " + COLUMNS + " FROM article WHERE id = ?", id)));
    }

    /** The article at {@code /{lang}/articles/{slug}}, in any state. */
    public Optional<Article> bySlug(String lang, String slug) throws StoreException {
        return db.read(c -> first(list(c, "SELECT " + COLUMNS + " FROM article WHERE lang = ? AND slug = ?",
                lang, slug)));
    }

    /**
     * Every stored version of these stories (any state), newest first and then by id, per translation key, without
     * their bodies ({@code bodyHtml} is null): for translation links and for choosing a story's version.
     */
    public Map<String, List<Article>> versions(Collection<String> translationKeys) throws StoreException {
        if (translationKeys.isEmpty()) return Map.of();
        List<String> keys = translationKeys.stream().distinct().toList();
        return db.read(c -> {
            Map<String, List<Article>> out = new LinkedHashMap<>();
            for (List<String> chunk : chunks(keys)) {
                List<Article> rows = list(c, "SELECT " + COLUMNS_NO_BODY + " FROM article WHERE translation_key IN ("
                        + marks(chunk.size()) + ") ORDER BY published_at DESC, id", chunk.toArray());
                for (Article a : rows) out.computeIfAbsent(a.translationKey(), k -> new ArrayList<>()).add(a);
            }
            return out;
        });
    }

    /**
     * Where a keyset scan continues: after the row ({@code published}, {@code id}) in scan order, or, with
     * {@code id == null}, from every row published at {@code published} (inclusive) onwards.
     */
    public record Position(long published, String id) {}

    /**
     * One batch of a feed's scan, in feed order (newest first, then by id) or, with {@code older == false},
     * the reverse. Either one language ({@code lang}), or every language, or one label (a category, kind
     * {@code 'c'}, or a tag, kind {@code 't'}) restricted to {@code langs} (empty: all).
     *
     * @param visibleAt without embargoed articles at this instant; {@code null}: embargoed ones too
     * @param withBody  false: {@code bodyHtml} is null (a scan that only decides links reads no bodies)
     */
    public record Scan(String lang, char labelKind, String label, List<String> langs, boolean publishedOnly,
                       Instant visibleAt, boolean older, Position from, int limit, boolean withBody) {
        public Scan {
            langs = langs == null ? List.of() : List.copyOf(langs);
        }

        public Scan from(Position p) {
            return new Scan(lang, labelKind, label, langs, publishedOnly, visibleAt, older, p, limit, withBody);
        }

        public Scan limit(int n) {
            return new Scan(lang, labelKind, label, langs, publishedOnly, visibleAt, older, from, n, withBody);
        }
    }

    public List<Article> scan(Scan s) throws StoreException {
        boolean byLabel = s.label() != null;
        String t = byLabel ? "a." : "";
        String pub = byLabel ? "l.published_at" : "published_at";
        String id = byLabel ? "l.article_id" : "id";
        StringBuilder sql = new StringBuilder("SELECT ").append(byLabel
                ? (s.withBody() ? A_COLUMNS : A_COLUMNS_NO_BODY) : (s.withBody() ? COLUMNS : COLUMNS_NO_BODY));
        List<Object> args = new ArrayList<>();
        if (byLabel) {
            sql.append(" FROM article_label l JOIN article a ON a.id = l.article_id WHERE l.kind = ? AND l.label = ?");
            args.add(String.valueOf(s.labelKind()));
            args.add(s.label());
            if (!s.langs().isEmpty()) {
                sql.append(" AND a.lang IN (").append(marks(s.langs().size())).append(")");
                args.addAll(s.langs());
            }
        } else {
            sql.append(" FROM article WHERE 1 = 1");
            if (s.lang() != null) {
                sql.append(" AND lang = ?");
                args.add(s.lang());
            }
        }
        if (s.publishedOnly()) sql.append(" AND ").append(t).append("status = 'published'");
        if (s.visibleAt() != null) {
            sql.append(" AND (").append(t).append("embargo_until IS NULL OR ").append(t).append("embargo_until <= ?)");
            args.add(s.visibleAt().toEpochMilli());
        }
        Position p = s.from();
        if (p != null) {
            // the plain range first, so both databases read the index from there instead of filtering from the top
            sql.append(" AND ").append(pub).append(s.older() ? " <= ?" : " >= ?");
            args.add(p.published());
            if (p.id() != null) {
                sql.append(" AND (").append(pub).append(s.older() ? " < ?" : " > ?").append(" OR ").append(id)
                        .append(s.older() ? " > ?" : " < ?").append(")");
                args.add(p.published());
                args.add(p.id());
            }
        }
        sql.append(" ORDER BY ").append(pub).append(s.older() ? " DESC, " : " ASC, ").append(id)
                .append(s.older() ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(s.limit());
        return db.read(c -> list(c, sql.toString(), args.toArray()));
    }

    /** Withdrawn articles whose withdrawal ({@code updated}) is at or after {@code since}, in feed order, without bodies. */
    public List<Article> withdrawnSince(Instant since) throws StoreException {
        // no ORDER BY: with one, SQLite prefers walking the publication index over the (partial) withdrawal index
        List<Article> out = new ArrayList<>(db.read(c -> list(c, "SELECT " + COLUMNS_NO_BODY + " FROM article"
                + " WHERE status = 'withdrawn' AND updated_at >= ?", since.toEpochMilli())));
        out.sort(FEED_ORDER);
        return out;
    }

    /** The first embargo to lift after {@code now}, if any: cached output must expire then. */
    public Optional<Instant> nextEmbargoLift(Instant now) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(embargo_until) FROM article WHERE embargo_until > ?")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long t = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(t));
                }
            }
        });
    }

    /** The highest seq given so far (0: no article): sitemap files are ranges of seq. */
    public long maxSeq() throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM article");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** How many articles are stored. Articles are never deleted (a withdrawal keeps the row), so this is the last seq. */
    public long count() throws StoreException {
        return maxSeq();
    }

    /** Public articles with {@code seqFrom <= seq <= seqTo}, in seq order. */
    public List<ArticleLink> publicLinks(long seqFrom, long seqTo, Instant now) throws StoreException {
        return db.read(c -> links(c, "SELECT " + LINK_COLUMNS
                + " FROM article WHERE seq >= ? AND seq <= ? AND status = 'published'"
                + " AND (embargo_until IS NULL OR embargo_until <= ?) ORDER BY seq", seqFrom, seqTo, now.toEpochMilli()));
    }

    /** Public articles published in {@code [since, now]}, newest first, at most {@code limit}. */
    public List<ArticleLink> publicLinksSince(Instant since, Instant now, int limit) throws StoreException {
        return db.read(c -> links(c, "SELECT " + LINK_COLUMNS
                + " FROM article WHERE published_at >= ? AND published_at <= ? AND status = 'published'"
                + " AND (embargo_until IS NULL OR embargo_until <= ?) ORDER BY published_at DESC, id LIMIT ?",
                since.toEpochMilli(), now.toEpochMilli(), now.toEpochMilli(), limit));
    }

    /** Every version of these stories (any state), per translation key, newest first and then by id. */
    public Map<String, List<ArticleLink>> versionLinks(Collection<String> translationKeys) throws StoreException {
        if (translationKeys.isEmpty()) return Map.of();
        List<String> keys = translationKeys.stream().distinct().toList();
        return db.read(c -> {
            Map<String, List<ArticleLink>> out = new LinkedHashMap<>();
            for (List<String> chunk : chunks(keys)) {
                for (ArticleLink l : links(c, "SELECT " + LINK_COLUMNS + " FROM article WHERE translation_key IN ("
                        + marks(chunk.size()) + ") ORDER BY published_at DESC, id", chunk.toArray())) {
                    out.computeIfAbsent(l.translationKey(), k -> new ArrayList<>()).add(l);
                }
            }
            return out;
        });
    }

    /** Stories that have a stored version in {@code lang}, among these translation keys. */
    public List<String> keysWithVersionIn(String lang, Collection<String> translationKeys) throws StoreException {
        if (translationKeys.isEmpty()) return List.of();
        List<String> keys = translationKeys.stream().distinct().toList();
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            for (List<String> chunk : chunks(keys)) {
                // by key only, the language checked here: a condition on lang would lead the planner to scan a language
                try (PreparedStatement ps = c.prepareStatement("SELECT translation_key, lang FROM article"
                        + " WHERE translation_key IN (" + marks(chunk.size()) + ")")) {
                    bindAll(ps, chunk.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) if (rs.getString(2).equals(lang)) out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * How many times each of these articles was stored (1 = as first published, +1 per change: correction,
     * embargo change, withdrawal), for ninjs {@code version}; by primary key. Ids that are not stored are absent.
     */
    public Map<String, Integer> revisions(Collection<String> ids) throws StoreException {
        if (ids.isEmpty()) return Map.of();
        List<String> distinct = ids.stream().distinct().toList();
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            for (List<String> chunk : chunks(distinct)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, revision FROM article WHERE id IN ("
                        + marks(chunk.size()) + ")")) {
                    bindAll(ps, chunk.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }
}
