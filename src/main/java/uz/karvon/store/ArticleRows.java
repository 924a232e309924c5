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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uz.karvon.article.Article;

/** The article table's columns and how a row becomes an {@link Article} or an {@link ArticleLink}, and back. */
final class ArticleRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    static final String[] COLUMN_NAMES = {"id", "lang", "translation_key", "slug", "title", "summary", "body_html",
        "section", "categories", "tags", "author", "dateline", "image_url", "image_type", "image_length", "image_caption",
        "published_at", "updated_at", "status", "embargo_until", "correction_note", "withdraw_reason"};
    static final String COLUMNS = String.join(", ", COLUMN_NAMES);
    static final String A_COLUMNS = "a." + String.join(", a.", COLUMN_NAMES);
    /** The same columns with no body: what links, choices and counts need, without its bytes. */
    static final String COLUMNS_NO_BODY = COLUMNS.replace("body_html", "NULL");
    static final String A_COLUMNS_NO_BODY = A_COLUMNS.replace("a.body_html", "NULL");
    static final String LINK_COLUMNS = "seq, id, lang, slug, translation_key, title, published_at, updated_at,"
            + " status, embargo_until";
    /** Bind variables per IN list; far below SQLite's and PostgreSQL's limits. */
    static final int IN_CHUNK = 500;
    /** Feeds' order: newest first, then by id. */
    static final Comparator<Article> FEED_ORDER = Comparator.comparing(Article::published).reversed()
            .thenComparing(Article::id);

    private ArticleRows() {}

    static Optional<Article> first(List<Article> l) {
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    static List<Article> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Article> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }
    }

    static List<ArticleLink> links(Connection c, String sql, Object... args) throws SQLException {
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

    static void bindAll(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }

    static List<List<String>> chunks(List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) out.add(keys.subList(i, Math.min(keys.size(), i + IN_CHUNK)));
        return out;
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement ps, Article a) throws SQLException {
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
    static Article read(ResultSet rs) throws SQLException {
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

    static String toJson(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fromJson(String s) throws SQLException {
        if (s.equals("[]")) return List.of();
        try {
            return JSON.readValue(s, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt list column: " + e.getOriginalMessage(), e);
        }
    }
}
