package uz.karvon.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.ingest.SourceState;
import uz.karvon.ingest.fetch.Redact;
import uz.karvon.ingest.normalize.Urls;
import uz.karvon.store.FetchLogStore;
import uz.karvon.store.SourceItem;
import uz.karvon.web.html.TimeText;

/**
 * {@code /admin/sources}: every source in a table that fits the screen (long URLs wrap, long errors fold away),
 * sortable by state, name, items or last fetch by the server (links, no script), each with a "refresh now"
 * button; and {@code /admin/sources/{id}}: one source with its last fetches and latest items.
 */
final class AdminSourcesPage {
    /** Errors longer than this are folded into a {@code <details>}. */
    private static final int SHORT = 90;
    private static final Pattern URL = Pattern.compile("(https?://[^/\\s:]+)[^\\s]*?(?=:?(\\s|$))");

    private AdminSourcesPage() {}

    /** How the table can be ordered ({@code ?sort=}). */
    enum Sort {
        CONFIG("feeds.yml order"), STATE("state"), NAME("name"), ITEMS("items"), FETCHED("last fetch");

        final String label;

        Sort(String label) {
            this.label = label;
        }

        static Sort of(String s) {
            if (s == null) return CONFIG;
            for (Sort x : values()) if (x.name().equalsIgnoreCase(s)) return x;
            return CONFIG;
        }
    }

    /** A source as the table shows it. */
    /** @param push the source's WebSub subscription ("push active"), null when it has none */
    record Row(SourceSpec spec, SourceState state, long items, String push) {}

    static void list(AdminFrame.Page page, List<Row> rows, Sort sort, Instant now, ZoneId zone, Csrf.Tokens csrf, String refreshed) {
        Element main = page.main();
        if (refreshed != null) main.appendElement("p").addClass("notice").text("Refresh of " + refreshed + " queued.");
        long failing = rows.stream().filter(r -> rank(r.state()) <= 1).count();
        main.appendElement("p").text(rows.size() + " source(s), " + failing + " failing or stopped. Sort by: ")
                .appendChildren(sortLinks(sort));
        if (rows.isEmpty()) {
            main.appendElement("p").text("No sources are configured: add them under sources: in feeds.yml, or import an"
                    + " OPML file with karvon sources import-opml FILE.");
            return;
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(comparator(sort));
        Element table = main.appendElement("table").addClass("sources");
        Element colgroup = table.appendElement("colgroup");
        for (String c : List.of("c-source", "c-state", "c-num", "c-time", "c-time", "c-problem", "c-action")) {
            colgroup.appendElement("col").addClass(c);
        }
        Element head = table.appendElement("thead").appendElement("tr");
        header(head, "Source", Sort.NAME, sort);
        header(head, "State", Sort.STATE, sort);
        header(head, "Items", Sort.ITEMS, sort);
        header(head, "Last fetch", Sort.FETCHED, sort);
        head.appendElement("th").attr("scope", "col").text("Next");
        head.appendElement("th").attr("scope", "col").text("Problem");
        head.appendElement("th").attr("scope", "col").text("Action");
        Element body = table.appendElement("tbody");
        for (Row r : sorted) {
            SourceState st = r.state();
            Element tr = body.appendElement("tr").addClass("state-" + stateClass(st));
            Element name = tr.appendElement("td").addClass("source");
            name.appendElement("a").attr("href", "/admin/sources/" + r.spec().id()).attr("dir", "auto").text(r.spec().title());
            name.appendElement("span").addClass("id").text(r.spec().id());
            name.appendElement("span").addClass("url").text(Redact.url(r.spec().url().toString()));
            Element state = tr.appendElement("td");
            state.appendElement("span").addClass("badge " + stateClass(st)).text(stateWord(st));
            if (st != null && st.httpStatus() != 0) state.appendElement("span").addClass("http").text("HTTP " + st.httpStatus());
            if (r.push() != null) state.appendElement("span").addClass("http").text(r.push());
            tr.appendElement("td").addClass("num").text(Long.toString(r.items()));
            Element last = tr.appendElement("td");
            TimeText.append(last, st == null ? null : st.lastAttempt(), now, zone, "never");
            Element next = tr.appendElement("td");
            TimeText.append(next, st == null ? null : st.nextAttempt(), now, zone, st != null && st.gone() ? "stopped" : "—");
            problem(tr.appendElement("td").addClass("problem"), st);
            refreshForm(tr.appendElement("td"), r.spec().id(), csrf, "list");
        }
    }

    static void one(AdminFrame.Page page, KarvonConfig cfg, Row r, List<FetchLogStore.Row> fetches, List<SourceItem> items,
                    Instant now, ZoneId zone, Csrf.Tokens csrf, boolean refreshed) {
        Element main = page.main();
        SourceSpec s = r.spec();
        SourceState st = r.state();
        if (refreshed) main.appendElement("p").addClass("notice").text("Refresh queued: the next fetch appears below in a few seconds.");
        Element dl = main.appendElement("dl").addClass("facts");
        fact(dl, "Id", s.id());
        fact(dl, "URL", Redact.url(s.url().toString())).addClass("url");
        fact(dl, "State", stateWord(st));
        if (r.push() != null) fact(dl, "WebSub", r.push());
        fact(dl, "Interval", s.interval().toString().substring(2).toLowerCase(Locale.ROOT));
        fact(dl, "Language", s.language() == null ? "from the feed, else detected" : s.language());
        fact(dl, "Time zone", s.timezone().getId());
        if (s.fullTextSelector() != null) fact(dl, "Full text", s.fullTextSelector());
        List<String> usedBy = cfg.feeds().stream().filter(f -> f.sources().contains(s.id())).map(FeedSpec::id).toList();
        fact(dl, "Used by feeds", usedBy.isEmpty() ? "none (its items are published nowhere)" : String.join(", ", usedBy));
        fact(dl, "Items stored", Long.toString(r.items()));
        Element times = fact(dl, "Last success", "");
        TimeText.append(times, st == null ? null : st.lastSuccess(), now, zone, "never");
        Element next = fact(dl, "Next fetch", "");
        TimeText.append(next, st == null ? null : st.nextAttempt(), now, zone, "not scheduled");
        Element problem = fact(dl, "Problem", "");
        problem(problem, st);
        if (problem.text().isEmpty()) problem.text("none");
        refreshForm(main.appendElement("div").addClass("actions"), s.id(), csrf, "source");

        main.appendElement("h2").text("Last " + FetchLogStore.KEPT + " fetches");
        if (fetches.isEmpty()) {
            main.appendElement("p").text("No fetch recorded yet.");
        } else {
            Element table = main.appendElement("table").addClass("fetches");
            Element head = table.appendElement("thead").appendElement("tr");
            for (String h : List.of("Time", "Status", "Size", "New", "Updated", "Took", "Notes and repairs", "Error")) {
                head.appendElement("th").attr("scope", "col").text(h);
            }
            Element body = table.appendElement("tbody");
            for (FetchLogStore.Row f : fetches) {
                Element tr = body.appendElement("tr").addClass(f.error() == null ? "ok" : "failed");
                TimeText.append(tr.appendElement("td"), Instant.ofEpochMilli(f.fetchedAt()), now, zone, "");
                tr.appendElement("td").text(f.httpStatus() == 0 ? "—" : f.httpStatus() == 304 ? "304 not modified"
                        : Integer.toString(f.httpStatus()));
                tr.appendElement("td").addClass("num").text(f.bytes() < 0 ? "—" : TimeText.bytes(f.bytes()));
                tr.appendElement("td").addClass("num").text(Integer.toString(f.itemsNew()));
                tr.appendElement("td").addClass("num").text(Integer.toString(f.itemsUpdated()));
                tr.appendElement("td").addClass("num").text(f.durationMillis() + " ms");
                fold(tr.appendElement("td").addClass("problem"), f.notes());
                fold(tr.appendElement("td").addClass("problem err"), f.error());
            }
        }
        main.appendElement("h2").text("Latest items");
        if (items.isEmpty()) {
            main.appendElement("p").text("No items stored.");
            return;
        }
        Element table = main.appendElement("table").addClass("items");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Published", "Title", "Language")) head.appendElement("th").attr("scope", "col").text(h);
        Element body = table.appendElement("tbody");
        for (SourceItem i : items) {
            Element tr = body.appendElement("tr");
            TimeText.append(tr.appendElement("td"), i.published(), now, zone, "");
            Element title = tr.appendElement("td").attr("dir", "auto");
            if (i.language() != null) title.attr("lang", i.language());
            // an upstream's link, shown as the outputs show links: WHATWG-serialized, and only http(s)
            String link = Urls.serialize(i.url() != null ? i.url() : i.externalUrl());
            String text = i.title() == null || i.title().isBlank() ? "(untitled)" : i.title();
            if (link != null) title.appendElement("a").attr("href", link).attr("rel", "noopener noreferrer").text(text);
            else title.text(text);
            tr.appendElement("td").text(i.language() == null ? "" : i.language());
        }
    }

    private static Element fact(Element dl, String name, String value) {
        dl.appendElement("dt").text(name);
        return dl.appendElement("dd").text(value);
    }

    private static void header(Element tr, String label, Sort by, Sort current) {
        Element th = tr.appendElement("th").attr("scope", "col");
        if (by == current) th.attr("aria-sort", by == Sort.NAME ? "ascending" : "descending");
        th.appendElement("a").attr("href", "/admin/sources?sort=" + by.name().toLowerCase(Locale.ROOT)).text(label);
    }

    private static List<Element> sortLinks(Sort current) {
        List<Element> out = new ArrayList<>();
        for (Sort s : Sort.values()) {
            Element a = new Element("a").attr("href", "/admin/sources?sort=" + s.name().toLowerCase(Locale.ROOT)).text(s.label);
            if (s == current) a.attr("aria-current", "true");
            out.add(a);
            out.add(new Element("span").addClass("sep").text(" · "));
        }
        out.remove(out.size() - 1);
        return out;
    }

    /** Worst first: gone, failing, pending, ok; within a state by name. */
    private static Comparator<Row> comparator(Sort sort) {
        Comparator<Row> byName = Comparator.comparing((Row r) -> r.spec().title().toLowerCase(Locale.ROOT));
        return switch (sort) {
            case CONFIG -> (a, b) -> 0;
            case STATE -> Comparator.comparingInt((Row r) -> rank(r.state())).thenComparing(byName);
            case NAME -> byName;
            case ITEMS -> Comparator.comparingLong(Row::items).reversed().thenComparing(byName);
            case FETCHED -> Comparator.comparing((Row r) -> r.state() == null || r.state().lastAttempt() == null
                    ? Instant.MIN : r.state().lastAttempt()).reversed().thenComparing(byName);
        };
    }

    private static int rank(SourceState st) {
        if (st != null && st.gone()) return 0;
        if (st != null && st.lastError() != null) return 1;
        if (st == null || st.lastAttempt() == null) return 2;
        return 3;
    }

    static String stateClass(SourceState st) {
        return switch (rank(st)) {
            case 0 -> "gone";
            case 1 -> "failing";
            case 2 -> "pending";
            default -> "ok";
        };
    }

    static String stateWord(SourceState st) {
        if (st != null && st.gone()) return "gone (410): stopped";
        if (st == null || st.lastAttempt() == null) return "pending";
        if (st.lastError() == null) return "ok";
        return "failing (" + st.failures() + " in a row)";
    }

    private static void problem(Element td, SourceState st) {
        if (st == null) return;
        List<String> parts = new ArrayList<>();
        if (st.lastError() != null) parts.add(st.lastError());
        if (st.permanentUrl() != null) {
            parts.add("Moved permanently to " + Redact.url(st.permanentUrl()) + ": update its url in feeds.yml.");
        }
        if (st.languageNote() != null) parts.add(st.languageNote());
        if (st.parseNote() != null) parts.add(st.parseNote());
        if (st.lastError() != null) td.addClass("err");
        fold(td, String.join(" ", parts));
    }

    /**
     * Short text as is; long text folded: the summary is the text with its URLs shortened to their host (what went
     * wrong stays in view), the whole text one click away.
     */
    private static void fold(Element td, String text) {
        if (text == null || text.isBlank()) return;
        if (text.length() <= SHORT) {
            td.text(text);
            return;
        }
        String gist = URL.matcher(text).replaceAll("$1…");
        if (gist.length() > SHORT) gist = gist.substring(0, SHORT - 1).strip() + "…";
        Element d = td.appendElement("details");
        d.appendElement("summary").text(gist);
        d.appendElement("p").text(text);
    }

    private static void refreshForm(Element parent, String id, Csrf.Tokens csrf, String back) {
        Element form = parent.appendElement("form").attr("method", "post").attr("action", "/admin/sources/" + id + "/refresh");
        form.appendElement("input").attr("type", "hidden").attr("name", Csrf.FIELD).attr("value", csrf.token("refresh:" + id));
        form.appendElement("input").attr("type", "hidden").attr("name", "back").attr("value", back);
        form.appendElement("button").attr("type", "submit").text("Refresh now");
    }

    /** Sources of the configuration with their states, item counts and push subscriptions. */
    static List<Row> rows(List<Map.Entry<SourceSpec, SourceState>> snapshot, Map<String, Long> counts,
                          Function<String, String> push) {
        List<Row> out = new ArrayList<>(snapshot.size());
        for (Map.Entry<SourceSpec, SourceState> e : snapshot) {
            String id = e.getKey().id();
            out.add(new Row(e.getKey(), e.getValue(), counts.getOrDefault(id, 0L), push.apply(id)));
        }
        return out;
    }
}
