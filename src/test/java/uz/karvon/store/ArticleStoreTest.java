package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleFacet;

/** The archive's store: a database from before V6 upgraded in place, keyset scans, and the change log. */
class ArticleStoreTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void articlesStoredBeforeV6GetTheirSeqAndLabelsAndEveryWriteIsLogged(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
        TestDatabases.Target target = TestDatabases.target(kind, dir);
        DataSource ds = target.dataSource();
        Flyway.configure().dataSource(ds).locations(Migrations.locations(target.dialect())).target("4").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= 3; i++) {
                s.executeUpdate("INSERT INTO article (id, lang, translation_key, slug, title, categories, tags, published_at,"
                        + " updated_at, status, revision, stored_at) VALUES ('old-" + i + "', 'en', 'old-" + i + "', 'old-" + i
                        + "', 'Old " + i + "', '[\"economy\"]', '[\"t" + i + "\",\"shared\"]', " + T.plusSeconds(60L * (4 - i)).toEpochMilli()
                        + ", " + T.toEpochMilli() + ", 'published', 1, 0)");
            }
        }

        try (Database db = target.open()) {
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

    /**
     * Two processes writing at once (two instances on PostgreSQL; an import beside the server on SQLite): every
     * article is stored with its own seq, and the change log has no gap a follower could skip.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void twoWritersAtOnceKeepSeqUniqueAndTheChangeLogInCommitOrder(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
        TestDatabases.Target target = TestDatabases.target(kind, dir);
        try (Database one = target.open(); Database two = target.open()) {
            int perWriter = 25;
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (Database db : List.of(one, two)) {
                String who = db == one ? "a" : "b";
                writers.add(CompletableFuture.runAsync(() -> {
                    ArticleStore store = new ArticleStore(db);
                    for (int i = 0; i < perWriter; i++) {
                        Article a = new Article(who + "-" + i, "en", who + "-" + i, who + "-" + i, "Story " + who + i, null, null,
                                null, List.of("economy"), List.of(), null, null, null, T.plusSeconds(i), T.plusSeconds(i),
                                Article.Status.PUBLISHED, null, null, null, false);
                        try {
                            store.upsert(a, T.plusSeconds(3600));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            for (var w : writers) w.get(60, TimeUnit.SECONDS);

            ArticleStore store = new ArticleStore(one);
            assertThat(store.count()).isEqualTo(2L * perWriter);
            assertThat(store.maxSeq()).isEqualTo(2L * perWriter);
            List<ChangeLog.Entry> log = new ChangeLog(two).since(0, 1000);
            assertThat(log).extracting(ChangeLog.Entry::seq).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log.stream().flatMap(e -> e.facets().stream()).map(ArticleFacet::seqFrom).distinct().count())
                    .isEqualTo(2L * perWriter);
        }
    }

    /**
     * Feeds page on (published_at, id) in the database and are merged in Java by String order; both must be byte
     * order, as SQLite's BINARY is. PostgreSQL sorts by the database's collation unless a column says otherwise
     * (en_US.UTF-8 puts "alpha" before "Beta"), so every text column there is COLLATE "C" (db/postgresql/V8_3).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void idsSortAndPageInByteOrderOnBothDatabases(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
        List<String> byteOrder = List.of("Beta", "Zeta", "_under", "alpha", "ärger", "яблоко");
        assertThat(byteOrder).isSorted();
        try (Database db = TestDatabases.open(kind, dir)) {
            ArticleStore store = new ArticleStore(db);
            for (String id : List.of("alpha", "яблоко", "Zeta", "_under", "ärger", "Beta")) {
                store.upsert(new Article(id, "en", id, "s-" + Integer.toHexString(id.hashCode()), "Story " + id, null, null,
                        null, List.of("economy"), List.of(), null, null, null, T, T, Article.Status.PUBLISHED, null, null, null,
                        false), T);
            }
            ArticleStore.Scan all = new ArticleStore.Scan("en", ' ', null, List.of(), true, null, true, null, 10, false);
            assertThat(ids(store.scan(all))).containsExactlyElementsOf(byteOrder);
            assertThat(ids(store.scan(all.from(new ArticleStore.Position(T.toEpochMilli(), "Zeta")).limit(2))))
                    .containsExactly("_under", "alpha");
            ArticleStore.Scan up = new ArticleStore.Scan("en", ' ', null, List.of(), true, null, false,
                    new ArticleStore.Position(T.toEpochMilli(), "ärger"), 10, false);
            assertThat(ids(store.scan(up))).containsExactly("alpha", "_under", "Zeta", "Beta");
            if (kind == TestDatabases.Kind.POSTGRESQL) {
                // whatever the server's default: a database created with en_US.UTF-8 must sort the same way
                List<String> notBytewise = db.read(c -> {
                    List<String> out = new ArrayList<>();
                    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                            "SELECT table_name || '.' || column_name || ' ' || COALESCE(collation_name, '(default)')"
                            + " FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name <> 'flyway_schema_history'"
                            + " AND data_type IN ('text', 'character varying', 'character')"
                            + " AND COALESCE(collation_name, '') <> 'C'")) {
                        while (rs.next()) out.add(rs.getString(1));
                    }
                    return out;
                });
                assertThat(notBytewise).as("text columns without COLLATE \"C\"").isEmpty();
            }
        }
    }

    static List<String> ids(List<Article> l) {
        return l.stream().map(Article::id).toList();
    }
}
