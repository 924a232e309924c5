package uz.karvon.publish.profile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uz.karvon.publish.render.Entry;

/**
 * {@code profile: google-news}: Google News Publisher Center feeds. Source: "Technical feed requirements",
 * https://support.google.com/news/publisher-center/answer/9545420 — "Size limit: 1 MB per article and 2 MB per
 * feed", "Readability: Up to 60 new articles per fetch", and {@code <guid>}/{@code <id>} required (karvon always
 * writes them). MB is read as 10^6 bytes, the smaller reading.
 */
final class GoogleNewsRules implements PlatformRules {
    static final long MAX_ARTICLE_BYTES = 1_000_000;
    static final long MAX_FEED_BYTES = 2_000_000;
    static final int MAX_ITEMS = 60;

    @Override
    public Checked check(List<Entry> entries, Instant now, boolean firstPage) {
        List<Entry> kept = new ArrayList<>();
        List<Exclusion> out = new ArrayList<>();
        for (Entry e : entries) {
            if (size(e) > MAX_ARTICLE_BYTES) out.add(new Exclusion(e.id(), e.title(), e.url(), Rule.ARTICLE_SIZE));
            else if (firstPage && kept.size() >= MAX_ITEMS) out.add(new Exclusion(e.id(), e.title(), e.url(), Rule.ITEMS_PER_FETCH));
            else kept.add(e);
        }
        return new Checked(kept, out, null);
    }

    @Override
    public long maxFeedBytes() {
        return MAX_FEED_BYTES;
    }

    /** The article's text as it is written out (title, summary, body), in UTF-8 bytes. */
    static long size(Entry e) {
        long n = bytes(e.title()) + bytes(e.summary()) + bytes(e.contentHtml());
        return n;
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
