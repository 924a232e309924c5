package uz.karvon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity per source, updates in place, stand-in dates that do not climb, and cross-source duplicates. */
class SourceItemStoreTest {
    @TempDir
    Path dir;

    private static SourceItem item(String source, String originalId, String title, String url, Instant published, List<String> flags) {
        return new SourceItem(source + ":" + originalId, source, originalId, url, null, title, "summary of " + title, null, null,
                published, null, published, "en", List.of(), List.of(), List.of(), flags,
                url == null ? null : url.replace("https://", ""), Integer.toHexString((title + "summary of " + title).hashCode()), null);
    }

    @Test
    void refetchesUpdateInPlaceAndStandInDatesKeepTheirFirstValue() throws Exception {
        try (Database db = Database.open(dir)) {
            SourceItemStore store = new SourceItemStore(db);
            Instant t1 = Instant.parse("2026-11-27T05:00:00Z");
            Instant t2 = t1.plusSeconds(3600);
            assertThat(store.upsert(List.of(item("a", "1", "Undated", "https://a.example/1", t1, List.of("date-missing"))), t1).added()).isEqualTo(1);
            // the next fetch gives the same item a new stand-in date: it must not move to the top
            SourceItemStore.Counts again = store.upsert(List.of(item("a", "1", "Undated", "https://a.example/1", t2, List.of("date-missing"))), t2);
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(store.recent(List.of("a"), 10)).singleElement().extracting(SourceItem::published).isEqualTo(t1);

            // a publisher edits the title: same item, updated in place
            SourceItemStore.Counts edited = store.upsert(List.of(item("a", "1", "Dated now", "https://a.example/1", t1, List.of())), t2);
            assertThat(edited.updated()).isEqualTo(1);
            assertThat(store.recent(List.of("a"), 10)).singleElement().extracting(SourceItem::title).isEqualTo("Dated now");

            // another source with the same guid is another item; with the same link and title it is the same story
            store.upsert(List.of(item("b", "1", "Dated now", "https://a.example/1", t1, List.of())), t2);
            store.upsert(List.of(item("c", "1", "Hijacked text", "https://a.example/1", t1, List.of())), t2);
            List<SourceItem> shown = store.recent(List.of("a", "b", "c"), 10);
            assertThat(shown).extracting(SourceItem::sourceId).containsExactlyInAnyOrder("a", "c");
            assertThat(store.alsoCarriedBy(List.of("a:1"))).containsEntry("a:1", java.util.Set.of("b"));
            // a feed that follows only b still shows b's copy: the first item it folds into is not in that feed
            assertThat(store.recent(List.of("b"), 10)).extracting(SourceItem::sourceId).containsExactly("b");
        }
    }

    /** A feed merging more sources than SQLite has bound parameters (32,766; the query names each source twice). */
    @Test
    void aFeedOfTensOfThousandsOfSourcesIsOneQuery() throws Exception {
        try (Database db = Database.open(dir)) {
            SourceItemStore store = new SourceItemStore(db);
            Instant t = Instant.parse("2026-11-27T05:00:00Z");
            store.upsert(List.of(item("s-7", "1", "Seven", "https://s7.example/1", t, List.of()),
                    item("s-19999", "1", "Last", "https://s19999.example/1", t.plusSeconds(60), List.of()),
                    item("s-12000", "1", "Seven", "https://s7.example/1", t, List.of()), // the same story again
                    item("elsewhere", "1", "Not followed", "https://x.example/1", t, List.of())), t);
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) sources.add("s-" + i);

            assertThat(store.recent(sources, 50)).extracting(SourceItem::title).containsExactly("Last", "Seven");
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) items.add("s-" + i + ":1");
            assertThat(store.alsoCarriedBy(items)).containsOnlyKeys("s-7:1").containsEntry("s-7:1", Set.of("s-12000"));
        }
    }
}
