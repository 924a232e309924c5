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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uz.karvon.article.Article;

/** Agency articles in the database. Every write is one transaction. */
public final class ArticleStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, lang, translation_key, slug, title, summary, body_html, section, categories, tags,"
            + " author, dateline, image_url, image_type, image_length, image_caption, published_at, updated_at, status,"
            + " embargo_until, correction_note, withdraw_reason";

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

    /** Creates or updates by id. Refuses a language change for an existing id and a slug taken by another article. */
    public Outcome upsert(Article a, Instant now) throws StoreException, Conflict {
        Object[] result = db.transaction(c -> {
            Optional<Article> existing = find(c, "id = ?", a.id());
            if (existing.isPresent() && !existing.get().lang().equals(a.lang())) {
                return new Object[] {new Conflict("lang", "article " + a.id() + " exists in " + existing.get().lang()
                        + "; a language version needs its own id")};
            }
            Optional<Article> slugOwner = find(c, "lang = ? AND slug = ?", a.lang(), a.slug());
            if (slugOwner.isPresent() && !slugOwner.get().id().equals(a.id())) {
                return new Object[] {new Conflict("slug", "slug '" + a.slug() + "' is already used by article "
                        + slugOwner.get().id() + " in " + a.lang())};
            }
            if (existing.isEmpty()) {
                insert(c, a, now);
                return new Object[] {Outcome.CREATED};
            }
            if (existing.get().equals(a)) return new Object[] {Outcome.UNCHANGED};
            update(c, a, now);
            return new Object[] {Outcome.UPDATED};
        });
        if (result[0] instanceof Conflict conflict) throw conflict;
        return (Outcome) result[0];
    }

    public Optional<Article> get(String id) throws StoreException {
        return db.transaction(c -> find(c, "id = ?", id));
    }

    /** The newest articles by publication time, withdrawn ones included (feeds need them for tombstones). */
    public List<Article> recent(int max) throws StoreException {
        return db.transaction(c -> list(c, "SELECT " + COLUMNS + " FROM article ORDER BY published_at DESC, id LIMIT " + max));
    }

    public long count() throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM article"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Optional<Article> find(Connection c, String where, Object... args) throws SQLException {
        List<Article> l = list(c, "SELECT " + COLUMNS + " FROM article WHERE " + where, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Article> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Article> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }
    }

    private static void insert(Connection c, Article a, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO article (" + COLUMNS + ", revision, stored_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)")) {
            bind(ps, a);
            ps.setLong(23, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, Article a, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE article SET id = ?, lang = ?, translation_key = ?, slug = ?,"
                + " title = ?, summary = ?, body_html = ?, section = ?, categories = ?, tags = ?, author = ?, dateline = ?,"
                + " image_url = ?, image_type = ?, image_length = ?, image_caption = ?, published_at = ?, updated_at = ?,"
                + " status = ?, embargo_until = ?, correction_note = ?, withdraw_reason = ?, revision = revision + 1,"
                + " stored_at = ? WHERE id = ?")) {
            bind(ps, a);
            ps.setLong(23, now.toEpochMilli());
            ps.setString(24, a.id());
            ps.executeUpdate();
        }
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

    private static Article read(ResultSet rs) throws SQLException {
        String imageUrl = rs.getString("image_url");
        long len = rs.getLong("image_length");
        Long imageLength = rs.wasNull() ? null : len;
        Article.Image image = imageUrl == null ? null
                : new Article.Image(imageUrl, rs.getString("image_type"), imageLength, rs.getString("image_caption"));
        long embargo = rs.getLong("embargo_until");
        Instant embargoUntil = rs.wasNull() ? null : Instant.ofEpochMilli(embargo);
        return new Article(rs.getString("id"), rs.getString("lang"), rs.getString("translation_key"), rs.getString("slug"),
                rs.getString("title"), rs.getString("summary"), rs.getString("body_html"), rs.getString("section"),
                fromJson(rs.getString("categories")), fromJson(rs.getString("tags")), rs.getString("author"),
                rs.getString("dateline"), image, Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                Article.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), embargoUntil,
                rs.getString("correction_note"), rs.getString("withdraw_reason"), false);
    }

    private static String toJson(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromJson(String s) throws SQLException {
        try {
            return JSON.readValue(s, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt list column: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * How many times each of these articles was stored (1 = as first published, +1 per change: correction,
     * embargo change, withdrawal), for ninjs {@code version}. Ids that are not stored are absent.
     */
    public java.util.Map<String, Integer> revisions(java.util.Collection<String> ids) throws StoreException {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        if (ids.isEmpty()) return out;
        String list = toJson(List.copyOf(new java.util.LinkedHashSet<>(ids)));
        return db.read(c -> { // the id list bound as one JSON array, as SourceItemStore does
            try (PreparedStatement ps = c.prepareStatement("SELECT id, revision FROM article WHERE id IN (SELECT value FROM json_each(?))")) {
                ps.setString(1, list);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }
}
