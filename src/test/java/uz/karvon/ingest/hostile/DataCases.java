package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.TS;
import static uz.karvon.ingest.hostile.FeedText.item;
import static uz.karvon.ingest.hostile.FeedText.rss;
import static uz.karvon.ingest.hostile.FeedText.utf8;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.EITHER;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.OK;
import static uz.karvon.ingest.hostile.XmlCases.RSS;

import java.util.List;

/** Well-formed feeds whose data is hostile: huge fields, huge counts, impossible dates, reused ids. */
final class DataCases {
    private static final BigFeed HUGE_TITLE = new BigFeed("Hostile lab feed", 2,
            i -> i == 0 ? item("title10-1", "T".repeat(10 << 20), "x") : item("title10-2", "normal", "x"));
    private static final BigFeed MANY_ITEMS = new BigFeed("100k", 100_000, i -> item("many-" + i, "many " + i, "m", TS + i));
    private static final List<String> MALFORMED_DATES = List.of("Mon, 30 Feb 2024 10:00:00 GMT", "Mon, 01 Jan 2024 25:61:99 GMT",
            "Mon, 01 Jan 2024 10:00:00 +9999", "", "tomorrow", "1700000000", "2024-13-45T99:99:99Z");

    private DataCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.of("huge-title-10mb", "data", "One item whose <title> is 10 MB",
                        "Field-length cap (title truncated or item rejected); bounded memory; output not 10 MB", EITHER, HUGE_TITLE::send),
                HostileCase.of("many-items-100k", "data", "100,000 items in one feed (~20 MB)",
                        "Item-count cap (keep newest N); bounded memory/time", EITHER, MANY_ITEMS::send),
                HostileCase.body("date-year-99999", "data", "pubDate 'Sat, 01 Jan 99999' and Atom-style 99999-01-01 in items",
                        "No crash/overflow; date rejected or clamped; item not pinned to the top of merged feeds forever", EITHER, RSS,
                        x -> utf8(rss(item("date-future-1", "year 99999", "x", "Sat, 01 Jan 99999 00:00:00 GMT")
                                + item("date-future-2", "year 99999 iso", "x", "99999-01-01T00:00:00Z")
                                + item("date-future-3", "normal", "x")))),
                HostileCase.body("date-negative", "data",
                        "Negative / BCE / zero years: '-0001-01-01T00:00:00Z', 'Mon, 01 Jan -2024', year 0000",
                        "No crash; date rejected or clamped; valid items still published", EITHER, RSS,
                        x -> utf8(rss(item("date-neg-1", "negative iso", "x", "-0001-01-01T00:00:00Z")
                                + item("date-neg-2", "negative rfc822", "x", "Mon, 01 Jan -2024 00:00:00 GMT")
                                + item("date-neg-3", "year zero", "x", "Sat, 01 Jan 0000 00:00:00 GMT")
                                + item("date-neg-4", "normal", "x")))),
                HostileCase.body("dates-malformed", "data", "Feb 30, 25:61:99, tz +9999, empty, 'tomorrow', epoch digits",
                        "Each bad date handled per item (fallback to fetch time or rejected); valid items still published", EITHER, RSS,
                        x -> {
                            StringBuilder items = new StringBuilder();
                            for (int i = 0; i < MALFORMED_DATES.size(); i++) {
                                items.append(item("date-bad-" + i, "bad date " + i, "x", MALFORMED_DATES.get(i)));
                            }
                            return utf8(rss(items + item("date-bad-ok", "normal", "x")));
                        }),
                HostileCase.body("duplicate-guids", "data", "Five items share one guid with different titles/content",
                        "Deduplicated deterministically: exactly one item for that guid published; no duplicates across polls", OK, RSS,
                        x -> {
                            StringBuilder items = new StringBuilder();
                            for (int i = 0; i < 5; i++) items.append(item("dup-guid", "dup version " + i, "v" + i, TS + i));
                            return utf8(rss(items.toString()));
                        }),
                HostileCase.body("guid-collision-healthy", "data", "Items reusing the guids of /healthy/1.rss with attacker content",
                        "Identity is per source (source+guid): healthy feed's items untouched, not overwritten", EITHER, RSS,
                        x -> {
                            int b = x.lab().healthyBucket();
                            StringBuilder items = new StringBuilder();
                            for (int k = b - 5; k < b + 3; k++) items.append(item("healthy-1-b" + k, "HIJACKED by collision", "HIJACKED"));
                            return utf8(rss(items.toString()));
                        }));
    }
}
