package uz.karvon.publish.profile;

/**
 * A hard limit of a platform: an item that breaks it is left out of the feed, and the reason is reported
 * ({@code GET /api/feeds}). Each constant names the platform's own words and where they are published.
 *
 * <p>A platform reads a feed's first page. A rule on the item itself holds on every page; a rule on what one fetch
 * carries ({@link #perFetch()}: the recent window, items per fetch, feed size) shapes only the first page, and
 * that page's next link resumes at the first item it cut, so a reader paging back through the archive misses
 * nothing.
 */
public enum Rule {
    /** Yandex: {@code yandex:full-text} is required. Dzen: the full text goes in {@code content:encoded}. */
    FULL_TEXT("no full text to publish", "the platform shows the full text of every item", false),
    /** Dzen: "Включайте в ленту актуальные материалы за два-три последних дня" (https://dzen.ru/help/ru/website/rss-modify). */
    RECENT_ONLY("published more than 3 days ago", "Dzen takes only material of the last two or three days", true),
    /** Dzen: "отправляйте за один раз не более 500 публикаций"; Google News: "Up to 60 new articles per fetch". */
    ITEMS_PER_FETCH("over the number of items the platform reads per fetch", "items per fetch", true),
    /** Dzen (yandex.com/support/zen/website/rss-modify.html): publication URLs must carry no GET parameters. */
    LINK_WITHOUT_QUERY("link has query parameters", "Dzen refuses publication URLs with GET parameters", false),
    /** Google News: "Size limit: 1 MB per article" (https://support.google.com/news/publisher-center/answer/9545420). */
    ARTICLE_SIZE("article over 1 MB", "Google News reads at most 1 MB per article", false),
    /** Google News: "Size limit: … 2 MB per feed"; the oldest items give way first. */
    FEED_SIZE("feed over 2 MB with this item", "Google News reads at most 2 MB per feed", true);

    private final String reason;
    private final String rule;
    private final boolean perFetch;

    Rule(String reason, String rule, boolean perFetch) {
        this.reason = reason;
        this.rule = rule;
        this.perFetch = perFetch;
    }

    /** A limit on what one fetch carries (only the first page), not on the item itself (every page). */
    public boolean perFetch() {
        return perFetch;
    }

    /** Why the item was left out, in a few words. */
    public String reason() {
        return reason;
    }

    /** The platform's rule, in a few words. */
    public String rule() {
        return rule;
    }
}
