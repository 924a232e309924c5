package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.SourceItem;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;

/**
 * Reads one page of a feed from the store, in feed order ({@link EntryKey}), with an index behind every query:
 * per language, per section or tag (article_label), or over all languages, merged, newest first, keyset-paged
 * from the cursor. What SQL cannot say (keep/block patterns, one version per story, generated script versions)
 * is filtered here, batch by batch, so a page reads about what it shows. A page that would have to read more
 * than {@link #MIN_SCAN} stored rows (a keep pattern that almost never matches) ends early, with a next link
 * from where it stopped: no request reads the whole archive.
 */
final class FeedPager {
    static final int MIN_SCAN = 10_000;
    private static final int MAX_BATCH = 1_000;
    private final Archive archive;
    private final SourceItemStore sourceItems;

    FeedPager(Archive archive, SourceItemStore sourceItems) {
        this.archive = archive;
        this.sourceItems = sourceItems;
    }

    /** An article or a source item, with its place in the feed. */
    record Row(EntryKey key, Article article, SourceItem item) {}

    /** What one page shows (feed order) and where its neighbours are ({@code null}: none). */
    record Page(List<Row> rows, PageRequest next, PageRequest previous) {}

    /** Candidates in scan direction; the scan is complete up to {@code completeThrough} ({@code null}: to the end). */
    private record Window(List<Row> rows, EntryKey completeThrough) {}

    /** What the feed is read with: the scripts generated versions exist in, the language preference, the instant. */
    record Reading(FeedSpec feed, Set<String> targets, List<String> order, Instant now) {}

    Page page(Reading r, PageRequest req) {
        int n = r.feed().limit();
        if (req.direction() == PageRequest.Direction.AFTER) return pageAbove(r, req.cursor(), n);
        EntryKey from = req.isFirst() ? null : req.cursor();
        Window down = window(r, from, true, n + 1, true);
        List<Row> shown = down.rows().subList(0, Math.min(n, down.rows().size()));
        PageRequest next = null;
        if (down.rows().size() > n) next = PageRequest.before(shown.get(shown.size() - 1).key());
        else if (down.completeThrough() != null) next = PageRequest.before(down.completeThrough());
        PageRequest previous = null;
        if (!req.isFirst()) {
            EntryKey anchor = shown.isEmpty() ? from : shown.get(0).key();
            Window up = window(r, anchor, false, n + 1, false);
            if (up.rows().size() <= n && up.completeThrough() == null) previous = up.rows().isEmpty() ? null : PageRequest.FIRST;
            else previous = PageRequest.after(anchor);
        }
        return new Page(List.copyOf(shown), next, previous);
    }

    /** {@code ?after=c}: the n entries just above c, shown newest first. */
    private Page pageAbove(Reading r, EntryKey c, int n) {
        Window up = window(r, c, false, 2 * n + 1, true);
        List<Row> nearest = up.rows().subList(0, Math.min(n, up.rows().size()));
        PageRequest previous = null;
        if (up.rows().size() > n) {
            int remaining = up.rows().size() - n;
            previous = remaining <= n && up.completeThrough() == null ? PageRequest.FIRST
                    : PageRequest.after(nearest.get(nearest.size() - 1).key());
        } else if (up.completeThrough() != null) {
            previous = PageRequest.after(up.completeThrough());
        }
        EntryKey anchor = nearest.isEmpty() ? c : nearest.get(0).key();
        Window down = window(r, anchor, true, 1, false);
        PageRequest next = down.rows().isEmpty() && down.completeThrough() == null ? null : PageRequest.before(anchor);
        List<Row> shown = new ArrayList<>(nearest);
        Collections.reverse(shown);
        return new Page(List.copyOf(shown), next, previous);
    }

    /**
     * Articles and source items after {@code from} (exclusive; null = the top) in direction {@code older}, merged;
     * without article bodies unless {@code shown} (a window read only to decide a link).
     */
    private Window window(Reading r, EntryKey from, boolean older, int want, boolean shown) {
        Window a = articles(r, from, older, want, shown);
        Window i = items(r.feed(), from, older, want);
        EntryKey bound = a.completeThrough();
        if (i.completeThrough() != null && (bound == null || bound.after(i.completeThrough(), older))) bound = i.completeThrough();
        List<Row> all = new ArrayList<>(a.rows());
        all.addAll(i.rows());
        Comparator<Row> order = Comparator.comparing(Row::key);
        all.sort(older ? order : order.reversed());
        if (bound != null) {
            EntryKey b = bound;
            all.removeIf(row -> row.key().after(b, older));
        }
        return new Window(all, bound);
    }

    private Window items(FeedSpec feed, EntryKey from, boolean older, int want) {
        if (feed.sources().isEmpty() || sourceItems == null) return new Window(List.of(), null);
        int rawLimit = (from == null ? feed.limit() : want) * 4;
        List<SourceItem> raw;
        try {
            raw = from == null && older ? sourceItems.recent(feed.sources(), rawLimit)
                    : sourceItems.window(feed.sources(), from.published(), older, rawLimit);
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (SourceItem item : FeedSelection.selectItems(feed, raw)) {
            EntryKey k = key(item);
            if (from == null || k.after(from, older)) rows.add(new Row(k, null, item));
        }
        EntryKey complete = raw.size() < rawLimit ? null : key(raw.get(raw.size() - 1));
        return new Window(rows, complete);
    }

    /** The feed's articles after {@code from}: at least {@code want} if there are, and whole ties of publication time. */
    private Window articles(Reading r, EntryKey from, boolean older, int want, boolean withBody) {
        FeedSpec feed = r.feed();
        if (!feed.includeArticles()) return new Window(List.of(), null);
        Lookups lookups = new Lookups(r, withBody);
        List<Source> sources = new ArrayList<>();
        for (ArticleStore.Scan s : scans(r, from, older, want, withBody)) sources.add(new Source(s, lookups));
        Comparator<Article> rowOrder = Comparator.comparingLong((Article a) -> a.published().toEpochMilli()).reversed()
                .thenComparing(Article::id);
        if (!older) rowOrder = rowOrder.reversed();
        int cap = Math.max(MIN_SCAN, 20 * want);
        int scanned = 0;
        long lastPublished = Long.MIN_VALUE;
        EntryKey frontier = null;
        List<Row> out = new ArrayList<>();
        while (true) {
            Article head = null;
            for (Source s : sources) {
                Article h = s.peek();
                if (h != null && (head == null || rowOrder.compare(h, head) < 0)) head = h;
            }
            boolean enough = out.size() >= want || scanned >= cap;
            if (head == null || enough && head.published().toEpochMilli() != lastPublished) {
                Comparator<Row> order = Comparator.comparing(Row::key);
                out.sort(older ? order : order.reversed());
                return new Window(out, head == null ? null : frontier);
            }
            for (Source s : sources) { // the same article read through two labels is one row
                Article h = s.peek();
                if (h != null && h.id().equals(head.id())) s.pop();
            }
            scanned++;
            lastPublished = head.published().toEpochMilli();
            for (Article c : lookups.candidates(head)) {
                EntryKey k = key(c);
                if (frontier == null || k.after(frontier, older)) frontier = k;
                if (from != null && !k.after(from, older)) continue;
                if (lookups.carries(c)) out.add(new Row(k, c, null));
            }
            EntryKey rowKey = key(head);
            if (frontier == null || rowKey.after(frontier, older)) frontier = rowKey;
        }
    }

    /** The index scans that together hold the feed's articles: per section, per tag, per language, or all. */
    private static List<ArticleStore.Scan> scans(Reading r, EntryKey from, boolean older, int want, boolean withBody) {
        FeedSpec feed = r.feed();
        Set<String> langs = null; // null: every language
        if (!feed.allLanguages() && !feed.everyStory()) {
            langs = new HashSet<>(feed.languages());
            if (feed.transliterate()) {
                for (String l : feed.languages()) {
                    String source = ScriptVersions.other(l);
                    if (source != null && r.targets().contains(l)) langs.add(source);
                }
            }
        }
        Instant visibleAt = feed.includeEmbargoed() ? null : r.now();
        ArticleStore.Position start = from == null ? null : new ArticleStore.Position(from.published(), null);
        int batch = Math.min(MAX_BATCH, Math.max(want + 1, 32));
        List<String> langList = langs == null ? List.of() : List.copyOf(langs);
        List<ArticleStore.Scan> out = new ArrayList<>();
        if (!feed.sections().isEmpty() || !feed.tags().isEmpty()) {
            boolean sections = !feed.sections().isEmpty();
            for (String label : sections ? feed.sections() : feed.tags()) {
                out.add(new ArticleStore.Scan(null, sections ? 'c' : 't', label, langList, true, visibleAt, older, start, batch, withBody));
            }
        } else if (langs == null) {
            out.add(new ArticleStore.Scan(null, ' ', null, List.of(), true, visibleAt, older, start, batch, withBody));
        } else {
            for (String l : langList) {
                out.add(new ArticleStore.Scan(l, ' ', null, List.of(), true, visibleAt, older, start, batch, withBody));
            }
        }
        return out;
    }

    static EntryKey key(Article a) {
        return new EntryKey(a.published().toEpochMilli(), EntryKey.ARTICLE, a.id());
    }

    static EntryKey key(SourceItem i) {
        return new EntryKey(i.published().toEpochMilli(), EntryKey.ITEM, i.id());
    }

    /** One index scan, read in growing batches. */
    private final class Source {
        private ArticleStore.Scan scan;
        private final Lookups lookups;
        private List<Article> buffer = List.of();
        private int pos;
        private boolean exhausted;

        Source(ArticleStore.Scan scan, Lookups lookups) {
            this.scan = scan;
            this.lookups = lookups;
        }

        Article peek() {
            if (pos == buffer.size() && !exhausted) fetch();
            return pos < buffer.size() ? buffer.get(pos) : null;
        }

        void pop() {
            pos++;
        }

        private void fetch() {
            buffer = archive.scan(scan);
            pos = 0;
            if (buffer.size() < scan.limit()) exhausted = true;
            if (!buffer.isEmpty()) {
                Article last = buffer.get(buffer.size() - 1);
                scan = scan.from(new ArticleStore.Position(last.published().toEpochMilli(), last.id()))
                        .limit(Math.min(MAX_BATCH, scan.limit() * 2));
            }
            lookups.prepare(buffer);
        }
    }

    /**
     * What deciding a row needs beyond the row: the story's other versions (every-story feeds) or whether it has
     * a stored version in the other script (transliterating feeds). Looked up once per batch, not per row.
     */
    private final class Lookups {
        private final Reading r;
        private final boolean withBody;
        private final Map<String, List<Article>> versions = new HashMap<>();
        private final Map<String, Set<String>> haveScript = new HashMap<>();
        private final Set<String> checked = new HashSet<>();

        Lookups(Reading r, boolean withBody) {
            this.r = r;
            this.withBody = withBody;
        }

        void prepare(List<Article> rows) {
            FeedSpec feed = r.feed();
            if (feed.everyStory()) {
                List<String> keys = rows.stream().map(Article::translationKey).filter(k -> !versions.containsKey(k)).distinct().toList();
                if (!keys.isEmpty()) versions.putAll(archive.versions(keys, r.targets()));
                return;
            }
            if (!feed.transliterate()) return;
            Map<String, List<String>> byTarget = new HashMap<>();
            for (Article a : rows) {
                String target = ScriptVersions.other(a.lang());
                if (target != null && r.targets().contains(target) && checked.add(target + "|" + a.translationKey())) {
                    byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(a.translationKey());
                }
            }
            byTarget.forEach((target, keys) ->
                    haveScript.computeIfAbsent(target, t -> new HashSet<>()).addAll(archive.keysWithVersionIn(target, keys)));
        }

        /** The versions a stored row stands for in this feed: itself and its generated version, as the feed takes them. */
        List<Article> candidates(Article row) {
            FeedSpec feed = r.feed();
            List<Article> out = new ArrayList<>(2);
            if (FeedSelection.language(feed, row.lang())) out.add(row);
            String target = ScriptVersions.other(row.lang());
            if (!feed.transliterate() || target == null || !r.targets().contains(target) || !FeedSelection.language(feed, target)) {
                return out;
            }
            if (feed.everyStory()) {
                for (Article v : versions.getOrDefault(row.translationKey(), List.of())) {
                    if (v.generated() && v.id().equals(row.id() + "~" + target)) out.add(archive.generated(row, target, withBody));
                }
            } else if (!haveScript.getOrDefault(target, Set.of()).contains(row.translationKey())) {
                out.add(archive.generated(row, target, withBody));
            }
            return out;
        }

        /** Whether the feed carries this candidate: visible, and for every-story feeds the story's chosen version. */
        boolean carries(Article c) {
            if (!FeedSelection.visible(r.feed(), c, r.now())) return false;
            if (!r.feed().everyStory()) return true;
            List<Article> visible = new ArrayList<>();
            for (Article v : versions.getOrDefault(c.translationKey(), List.of(c))) {
                if (FeedSelection.visible(r.feed(), v, r.now())) visible.add(v);
            }
            Article chosen = FeedSelection.chosen(visible, r.order());
            return chosen != null && chosen.id().equals(c.id());
        }
    }
}
