package uz.karvon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleFacet;

/** The write side of one transaction: statements prepared once, used for every article of a batch. */
final class ArticleWriter implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement byId;
    private final PreparedStatement bySlug;
    private final PreparedStatement siblings;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement dropLabels;
    private final PreparedStatement addLabel;
    private long nextSeq = -1;

    ArticleWriter(Connection c) throws SQLException {
        this.c = c;
        byId = c.prepareStatement("SELECT " + ArticleRows.COLUMNS + ", seq FROM article WHERE id = ?");
        bySlug = c.prepareStatement("SELECT id FROM article WHERE lang = ? AND slug = ?");
        siblings = c.prepareStatement("SELECT lang, categories, tags, title, summary, seq FROM article"
                + " WHERE translation_key = ? AND id <> ?");
        insert = c.prepareStatement("INSERT INTO article (" + ArticleRows.COLUMNS + ", revision, stored_at, seq)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)");
        update = c.prepareStatement("UPDATE article SET id = ?, lang = ?, translation_key = ?, slug = ?,"
                + " title = ?, summary = ?, body_html = ?, section = ?, categories = ?, tags = ?, author = ?, dateline = ?,"
                + " image_url = ?, image_type = ?, image_length = ?, image_caption = ?, published_at = ?, updated_at = ?,"
                + " status = ?, embargo_until = ?, correction_note = ?, withdraw_reason = ?, revision = revision + 1,"
                + " stored_at = ? WHERE id = ?");
        dropLabels = c.prepareStatement("DELETE FROM article_label WHERE article_id = ?");
        addLabel = c.prepareStatement("INSERT INTO article_label (article_id, kind, label, published_at) VALUES (?, ?, ?, ?)");
    }

    ArticleStore.Result write(ArticleStore.Revision r, Instant now, List<ArticleFacet> facets) throws SQLException {
        Article candidate = r.candidate();
        byId.setString(1, candidate.id());
        Article existing = null;
        long seq = 0;
        try (ResultSet rs = byId.executeQuery()) {
            if (rs.next()) {
                existing = ArticleRows.read(rs);
                seq = rs.getLong(ArticleRows.COLUMN_NAMES.length + 1);
            }
        }
        if (existing != null && !existing.lang().equals(candidate.lang())) {
            return conflict("lang", "article " + candidate.id() + " exists in " + existing.lang()
                    + "; a language version needs its own id");
        }
        Article a = r.revise(existing);
        if (existing != null && existing.equals(a)) return new ArticleStore.Result(ArticleStore.Outcome.UNCHANGED, existing, null);
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
            ArticleRows.bind(insert, a);
            insert.setLong(23, now.toEpochMilli());
            insert.setLong(24, seq);
            insert.executeUpdate();
        } else {
            ArticleRows.bind(update, a);
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
        return new ArticleStore.Result(existing == null ? ArticleStore.Outcome.CREATED : ArticleStore.Outcome.UPDATED, a, null);
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
                facets.add(new ArticleFacet(rs.getString(1), ArticleRows.fromJson(rs.getString(2)), ArticleRows.fromJson(rs.getString(3)),
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

    private static ArticleStore.Result conflict(String field, String message) {
        return new ArticleStore.Result(null, null, new ArticleStore.Conflict(field, message));
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(byId, bySlug, siblings, insert, update, dropLabels, addLabel)) ps.close();
    }
}
