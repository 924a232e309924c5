package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleFacet;

/** The archive's store: a database from before V6 upgraded in place, keyset scans, and the change log. */
class ArticleStoreTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void articlesStoredBeforeV6GetTheirSeqAndLabelsAndEveryWriteIsLogged(@TempDir Path dir) throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("karvon.db"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= 3; i++) {
                s.executeUpdate("INSERT INTO article (id, lang, translation_key, slug, title, categories, tags, published_at,"
                        + " updated_at, status, revision, stored_at) VALUES ('old-" + i + "', 'en', 'old-" + i + "', 'old-" + i
                        + "', 'Old " + i + "', '[\"economy\"]', '[\"t" + i + "\",\"shared\"]', " + T.plusSeconds(60L * (4 - i)).toEpochMilli()
                        + ", " + T.toEpochMilli() + ", 'published', 1, 0)");
            }
        }

        try (Database db = Database.open(dir)) {
            ArticleStore store = new ArticleStore(db);
            ChangeLog log = new ChangeLog(db);
            assertThat(store.maxSeq()).isEqualTo(3);
            // seq follows publication: old-3 is the oldest, so it is 1
            assertThat(store.publicLinks(1, 1, T.plusSeconds(3600))).extracting(ArticleLink::id).containsExactly("old-3");
            assertThat(ids(store.scan(new ArticleStore.Scan(null, 't', "shared", List.of("en"), true, T.plusSeconds(3600),
                    true, null, 10, false)))).containsExactly("old-1", "old-2", "old-3");
            // keyset: after old-2 going down, and from old-2 (inclusive of its instant) going up
            long p2 = T.plusSeconds(120).toEpochMilli();
            assertThat(ids(store.scan(new ArticleStore.Scan("en", ' ', null, List.of(), true, null, true,
                    new ArticleStore.Position(p2, "old-2"), 10, true)))).containsExactly("old-3");
            assertThat(ids(store.scan(new ArticleStore.Scan("en", ' ', null, List.of(), true, null, false,
                    new ArticleStore.Position(p2, null), 10, true)))).containsExactly("old-2", "old-1");
            assertThat(log.last()).isZero();

            Article a = new Article("new-1", "ru", "old-1", "novoe", "Новое", null, null, null, List.of("sport"), List.of("x"),
                    null, null, null, T.plusSeconds(600), T.plusSeconds(600), Article.Status.PUBLISHED, null, null, null, false);
            assertThat(store.upsert(a, T.plusSeconds(700))).isEqualTo(ArticleStore.Outcome.CREATED);
            assertThat(store.maxSeq()).isEqualTo(4);
            List<ChangeLog.Entry> changes = log.since(0, 10);
            assertThat(changes).hasSize(1);
            // the new version, and the English version of the same story, whose translation links changed
            assertThat(changes.get(0).facets()).extracting(ArticleFacet::lang, ArticleFacet::seqFrom)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ru", 4L), org.assertj.core.groups.Tuple.tuple("en", 3L));
            assertThat(store.upsert(a, T.plusSeconds(800))).isEqualTo(ArticleStore.Outcome.UNCHANGED);
            assertThat(log.since(changes.get(0).seq(), 10)).as("nothing changed, nothing logged").isEmpty();
            assertThat(store.keysWithVersionIn("ru", List.of("old-1", "old-2"))).containsExactly("old-1");
        }
    }

    static List<String> ids(List<Article> l) {
        return l.stream().map(Article::id).toList();
    }
}
