package uz.karvon.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleFacet;

/**
 * Agency articles in the database, the source of truth for feeds, pages and sitemaps. Every write is one
 * transaction that also records the change in the {@link ChangeLog}; every read is a query with an index behind
 * it (see V6__archive.sql), so its cost follows what it returns, not the size of the archive.
 */
public final class ArticleStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMN_NAMES = {"id", "lang", "translation_key", "slug", "title", "summary", "body_html",
        "section", "categories", "tags", "author", "dateline", "image_url", "image_type", "image_length", "image_caption",
        "published_at", "updated_at", "status", "embargo_until", "correction_note", "withdraw_reason"};
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    private static final String LINK_COLUMNS = "seq, id, lang, slug, translation_key, title, published_at, updated_at,"
            + " status, embargo_until";
    private static final String A_COLUMNS = "a." + String.join(", a.", COLUMN_NAMES);
    /** The same columns with no body: what links, choices and counts need, without its bytes. */
    private static final String COLUMNS_NO_BODY = COLUMNS.replace("body_html", "NULL");
    private static final String A_COLUMNS_NO_BODY = A_COLUMNS.replace("a.body_html", "NULL");
    /** Bind variables per IN list; far below SQLite's and PostgreSQL's limits. */
    private static final int IN_CHUNK = 500;

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
            List<ArticleFacet> facets = new ArrayList<>();
            List<Result> out = new ArrayList<>(revisions.size());
            try (Writer w = new Writer(c)) {
                for (Revision r : revisions) out.add(w.write(r, now, facets));
            }
            if (!facets.isEmpty()) ChangeLog.append(c, now, facets.size() > 64 ? ArticleFacet.merge(facets) : facets);
            return out;
        });
    }

    public Optional<Article> get(String id) throws StoreException {
        return db.read(c -> first(list(c, "SELECT " + COLUMNS + " FROM article WHERE id = ?", id)));
    }

    /** The article at {@code /{lang}/articles/{slug}}, in any state. */
    public Optional<Article> bySlug(String lang, String slug) throws StoreException {
        return db.read(c -> first(list(c, "SELECT " + COLUMNS + " FROM article WHERE lang = ? AND slug = ?", lang, slug)));
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

    /** The write side of one transaction: statements prepared once, used for every article of the batch. */
    private static final class Writer implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement byId;
        private final PreparedStatement bySlug;
        private final PreparedStatement siblings;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement dropLabels;
        private final PreparedStatement addLabel;
        private long nextSeq = -1;

        Writer(Connection c) throws SQLException {
            this.c = c;
            byId = c.prepareStatement("SELECT " + COLUMNS + ", seq FROM article WHERE id = ?");
            bySlug = c.prepareStatement("SELECT id FROM article WHERE lang = ? AND slug = ?");
            siblings = c.prepareStatement("SELECT lang, categories, tags, title, summary, seq FROM article"
                    + " WHERE translation_key = ? AND id <> ?");
            insert = c.prepareStatement("INSERT INTO article (" + COLUMNS + ", revision, stored_at, seq)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)");
            update = c.prepareStatement("UPDATE article SET id = ?, lang = ?, translation_key = ?, slug = ?,"
                    + " title = ?, summary = ?, body_html = ?, section = ?, categories = ?, tags = ?, author = ?, dateline = ?,"
                    + " image_url = ?, image_type = ?, image_length = ?, image_caption = ?, published_at = ?, updated_at = ?,"
                    + " status = ?, embargo_until = ?, correction_note = ?, withdraw_reason = ?, revision = revision + 1,"
                    + " stored_at = ? WHERE id = ?");
            dropLabels = c.prepareStatement("DELETE FROM article_label WHERE article_id = ?");
            addLabel = c.prepareStatement("INSERT INTO article_label (article_id, kind, label, published_at) VALUES (?, ?, ?, ?)");
        }

        Result write(Revision r, Instant now, List<ArticleFacet> facets) throws SQLException {
            Article candidate = r.candidate();
            byId.setString(1, candidate.id());
            Article existing = null;
            long seq = 0;
            try (ResultSet rs = byId.executeQuery()) {
                if (rs.next()) {
                    existing = read(rs);
                    seq = rs.getLong(COLUMN_NAMES.length + 1);
                }
            }
            if (existing != null && !existing.lang().equals(candidate.lang())) {
                return conflict("lang", "article " + candidate.id() + " exists in " + existing.lang()
                        + "; a language version needs its own id");
            }
            Article a = r.revise(existing);
            if (existing != null && existing.equals(a)) return new Result(Outcome.UNCHANGED, existing, null);
            bySlug.setString(1, a.lang());
            bySlug.setString(2, a.slug());
            try (ResultSet rs = bySlug.executeQuery()) {
                if (rs.next() && !rs.getString(1).equals(a.id())) {
                    return conflict("slug", "slug '" + a.slug() + "' is already used by article " + rs.getString(1)
                            + " in " + a.lang());
                }
            }
            if (existing == null) {
                seq = nextSeq();
                bind(insert, a);
                insert.setLong(23, now.toEpochMilli());
                insert.setLong(24, seq);
                insert.executeUpdate();
            } else {
                bind(update, a);
                update.setLong(23, now.toEpochMilli());
                update.setString(24, a.id());
                update.executeUpdate();
                dropLabels.setString(1, a.id());
                dropLabels.executeUpdate();
                facets.add(ArticleFacet.of(existing, seq));
            }
            labels(a);
            facets.add(ArticleFacet.of(a, seq));
            // the other versions of the story link to this one: their feeds and sitemap entries change too
            if (existing == null || linkChanged(existing, a)) {
                siblings(a.translationKey(), a.id(), facets);
                if (existing != null && !existing.translationKey().equals(a.translationKey())) {
                    siblings(existing.translationKey(), a.id(), facets);
                }
            }
            return new Result(existing == null ? Outcome.CREATED : Outcome.UPDATED, a, null);
        }

        private long nextSeq() throws SQLException {
            if (nextSeq < 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM article");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    nextSeq = rs.getLong(1);
                }
            }
            return nextSeq++;
        }

        private void labels(Article a) throws SQLException {
            for (String cat : a.categories()) label(a, "c", cat);
            for (String tag : a.tags()) label(a, "t", tag);
            addLabel.executeBatch();
        }

        private void label(Article a, String kind, String value) throws SQLException {
            addLabel.setString(1, a.id());
            addLabel.setString(2, kind);
            addLabel.setString(3, value);
            addLabel.setLong(4, a.published().toEpochMilli());
            addLabel.addBatch();
        }

        private void siblings(String key, String id, List<ArticleFacet> facets) throws SQLException {
            siblings.setString(1, key);
            siblings.setString(2, id);
            try (ResultSet rs = siblings.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(6);
                    facets.add(new ArticleFacet(rs.getString(1), fromJson(rs.getString(2)), fromJson(rs.getString(3)),
                            rs.getString(4), rs.getString(5), seq, seq));
                }
            }
        }

        /** What a translation shows of this version: its language, link, title and whether it is public. */
        private static boolean linkChanged(Article x, Article y) {
            return !(x.lang().equals(y.lang()) && x.slug().equals(y.slug()) && x.title().equals(y.title())
                    && x.status() == y.status() && Objects.equals(x.embargoUntil(), y.embargoUntil())
                    && x.translationKey().equals(y.translationKey()));
        }

        private static Result conflict(String field, String message) {
            return new Result(null, null, new Conflict(field, message));
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(byId, bySlug, siblings, insert, update, dropLabels, addLabel)) ps.close();
        }
    }

    private static Optional<Article> first(List<Article> l) {
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Article> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Article> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }
    }

    private static List<ArticleLink> links(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<ArticleLink> out = new ArrayList<>();
                while (rs.next()) {
                    long embargo = rs.getLong(10);
                    Instant embargoUntil = rs.wasNull() ? null : Instant.ofEpochMilli(embargo);
                    out.add(new ArticleLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                            Article.Status.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)), embargoUntil));
                }
                return out;
            }
        }
    }

    private static void bindAll(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }

    private static List<List<String>> chunks(List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) out.add(keys.subList(i, Math.min(keys.size(), i + IN_CHUNK)));
        return out;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, Article a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.lang());
        ps.setString(3, a.translationKey());
        ps.setString(4, a.slug());
        ps.setString(5, a.title());
        ps.setString(6, a.summary());
        ps.setString(7, a.bodyHtml());
        ps.setString(8, a.section());
        ps.setString(9, toJson(a.categories()));
        ps.setString(10, toJson(a.tags()));
        ps.setString(11, a.author());
        ps.setString(12, a.dateline());
        Article.Image img = a.image();
        ps.setString(13, img == null ? null : img.url());
        ps.setString(14, img == null ? null : img.type());
        if (img == null || img.length() == null) ps.setNull(15, Types.BIGINT); else ps.setLong(15, img.length());
        ps.setString(16, img == null ? null : img.caption());
        ps.setLong(17, a.published().toEpochMilli());
        ps.setLong(18, a.updated().toEpochMilli());
        ps.setString(19, a.status().name().toLowerCase(Locale.ROOT));
        if (a.embargoUntil() == null) ps.setNull(20, Types.BIGINT); else ps.setLong(20, a.embargoUntil().toEpochMilli());
        ps.setString(21, a.correctionNote());
        ps.setString(22, a.withdrawReason());
    }

    /** A row of {@link #COLUMNS}, by position (a lookup by name costs a native call per column in sqlite-jdbc). */
    private static Article read(ResultSet rs) throws SQLException {
        String imageUrl = rs.getString(13);
        long len = rs.getLong(15);
        Long imageLength = rs.wasNull() ? null : len;
        Article.Image image = imageUrl == null ? null : new Article.Image(imageUrl, rs.getString(14), imageLength, rs.getString(16));
        long embargo = rs.getLong(20);
        Instant embargoUntil = rs.wasNull() ? null : Instant.ofEpochMilli(embargo);
        return new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), fromJson(rs.getString(9)), fromJson(rs.getString(10)),
                rs.getString(11), rs.getString(12), image, Instant.ofEpochMilli(rs.getLong(17)),
                Instant.ofEpochMilli(rs.getLong(18)), Article.Status.valueOf(rs.getString(19).toUpperCase(Locale.ROOT)),
                embargoUntil, rs.getString(21), rs.getString(22), false);
    }

    private static String toJson(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds' order: newest first, then by id. */
    private static final java.util.Comparator<Article> FEED_ORDER = java.util.Comparator
            .comparing(Article::published).reversed().thenComparing(Article::id);

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static List<String> fromJson(String s) throws SQLException {
        if (s.equals("[]")) return List.of();
        try {
            return JSON.readValue(s, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt list column: " + e.getOriginalMessage(), e);
        }
    }
}
