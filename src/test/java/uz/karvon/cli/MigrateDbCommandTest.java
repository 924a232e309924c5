package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.article.Article;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.ChangeLog;
import uz.karvon.store.Database;
import uz.karvon.store.InstanceStore;
import uz.karvon.store.PostgresUrl;
import uz.karvon.store.SourceItem;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.TestDatabases;

/** {@code karvon migrate-db}: an embedded SQLite store copied into an empty PostgreSQL database, and copied again. */
class MigrateDbCommandTest {
    private static final Instant T = Instant.parse("2026-11-27T05:00:00Z");

    @Test
    void copiesEveryTableChecksTheCountsAndCanRunAgain(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path batch = dir.resolve("batch.ndjson");
        Files.writeString(batch, String.join("\n",
                ImportCommandTest.record("mig-1", "pervaya", "Первая новость"),
                ImportCommandTest.record("mig-2", "vtoraya", "Вторая новость"),
                ImportCommandTest.record("mig-3", "tretya", "Третья новость")) + "\n", StandardCharsets.UTF_8);
        assertThat(Cli.run("import", "--data", data.toString(), batch.toString()).exit()).isZero();
        try (Database sqlite = Database.open(data)) {
            new SourceItemStore(sqlite).upsert(List.of(item("wire", "1", "Toshkentda yangi metro bekati"),
                    item("wire", "2", "خبر عاجل")), T);
            // a server that ran on the folder once and stopped long ago: runtime state, not copied
            new InstanceStore(sqlite).heartbeat("old-server", "box", T, "00", T);
        }
        PostgresUrl pg = TestDatabases.freshPostgres();

        Cli.Run first = Cli.run("migrate-db", "--from", data.toString(), "--to", pg.display());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("article +3 in SQLite +3 in PostgreSQL +ok")
                .containsPattern("source_item +2 in SQLite +2 in PostgreSQL +ok")
                .containsPattern("change_log +2 in SQLite +2 in PostgreSQL +ok")
                .doesNotContain("MISMATCH").doesNotContain("instance ")
                .contains("point feeds.yml's database.url at " + pg.display());

        try (Database sqlite = Database.open(data); Database postgres = Database.open(pg, 2)) {
            assertSameContent(sqlite, postgres);
            assertThat(new InstanceStore(postgres).live(T, java.time.Duration.ofDays(1))).isEmpty();

            // the SQLite store moves on (a correction); a second run brings the copy up to date, counts unchanged
            Article one = new ArticleStore(sqlite).get("mig-1").orElseThrow();
            new ArticleStore(sqlite).upsert(withTitle(one, "Первая новость (исправлено)"), Instant.now());
        }
        Cli.Run again = Cli.run("migrate-db", "--from", data.toString(), "--to", pg.display());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("article +3 in SQLite +3 in PostgreSQL +ok")
                .containsPattern("change_log +3 in SQLite +3 in PostgreSQL +ok");
        try (Database sqlite = Database.open(data); Database postgres = Database.open(pg, 2)) {
            assertSameContent(sqlite, postgres);
            assertThat(new ArticleStore(postgres).get("mig-1").orElseThrow().title()).isEqualTo("Первая новость (исправлено)");

            // an instance already serving from the target: refused, nothing written
            new InstanceStore(postgres).heartbeat("pg-1", "web1", Instant.now(), "ab", Instant.now());
        }
        Cli.Run refused = Cli.run("migrate-db", "--from", data.toString(), "--to", pg.display());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("karvon instance pg-1 on web1").contains("stop every instance on it first");

        // the instance stops, but wrote an article the SQLite store never had: reported, not hidden
        try (Database postgres = Database.open(pg, 2)) {
            new InstanceStore(postgres).remove("pg-1", T);
            Article extra = withTitle(new ArticleStore(postgres).get("mig-2").orElseThrow(), "Только в PostgreSQL");
            new ArticleStore(postgres).upsert(new Article("pg-only", extra.lang(), "pg-only", "tolko", extra.title(),
                    null, null, null, List.of(), List.of(), null, null, null, extra.published(), extra.updated(),
                    Article.Status.PUBLISHED, null, null, null, false), Instant.now());
        }
        Cli.Run mismatch = Cli.run("migrate-db", "--from", data.toString(), "--to", pg.display());
        assertThat(mismatch.exit()).isEqualTo(1);
        assertThat(mismatch.out()).containsPattern("article +3 in SQLite +4 in PostgreSQL +MISMATCH");
        assertThat(mismatch.err()).contains("the target has rows the source has not");
    }

    @Test
    void badArgumentsNameTheOptionAndCreateNothing(@TempDir Path dir) throws Exception {
        Cli.Run noStore = Cli.run("migrate-db", "--from", dir.resolve("typo").toString(), "--to", "postgresql://u@h/db");
        assertThat(noStore.exit()).isEqualTo(2);
        assertThat(noStore.err()).isEqualTo("karvon migrate-db: --from: no karvon.db in " + dir.resolve("typo") + "\n");
        assertThat(dir.resolve("typo")).doesNotExist();

        Path data = dir.resolve("data");
        Database.open(data).close();
        Cli.Run badUrl = Cli.run("migrate-db", "--from", data.toString(), "--to", "mysql://u@h/db");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("karvon migrate-db: --to: ");
    }

    private static void assertSameContent(Database sqlite, Database postgres) throws Exception {
        ArticleStore a = new ArticleStore(sqlite), b = new ArticleStore(postgres);
        ArticleStore.Scan all = new ArticleStore.Scan(null, ' ', null, List.of(), false, null, true, null, 100, true);
        assertThat(b.scan(all)).isNotEmpty().isEqualTo(a.scan(all));
        assertThat(b.maxSeq()).isEqualTo(a.maxSeq());
        assertThat(new SourceItemStore(postgres).recent(List.of("wire"), 10))
                .isEqualTo(new SourceItemStore(sqlite).recent(List.of("wire"), 10)).hasSize(2);
        assertThat(new ChangeLog(postgres).since(0, 100)).isEqualTo(new ChangeLog(sqlite).since(0, 100));
        // the next write on PostgreSQL continues the copied sequences
        assertThat(new ChangeLog(postgres).last()).isEqualTo(new ChangeLog(sqlite).last());
    }

    private static Article withTitle(Article a, String title) {
        return new Article(a.id(), a.lang(), a.translationKey(), a.slug(), title, a.summary(), a.bodyHtml(), a.section(),
                a.categories(), a.tags(), a.author(), a.dateline(), a.image(), a.published(), a.updated(), a.status(),
                a.embargoUntil(), a.correctionNote(), a.withdrawReason(), a.generated());
    }

    private static SourceItem item(String source, String originalId, String title) {
        String url = "https://" + source + ".example/" + originalId;
        return new SourceItem(source + ":" + originalId, source, originalId, url, null, title, "summary of " + title, null,
                null, T.minusSeconds(60L * Integer.parseInt(originalId)), null, T, "uz", List.of(), List.of("t"), List.of(),
                List.of(), url.replace("https://", ""), Integer.toHexString(title.hashCode()), null);
    }
}
