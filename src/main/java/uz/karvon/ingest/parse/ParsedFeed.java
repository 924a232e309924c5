package uz.karvon.ingest.parse;

import java.util.List;

/**
 * A parsed, normalised feed; {@code format} is e.g. "rss_2.0", "atom_1.0", "json_1.1", "cdf".
 *
 * @param icon     the feed's image (RSS image, Atom icon/logo, itunes:image), absolute; nullable
 * @param tags     feed-level categories (RSS category, nested itunes:category, media:category)
 * @param warnings what was left out (older items beyond the cap, duplicates, deep nesting)
 * @param repairs  what had to be repaired for the feed to be read (ill-formed XML, encodings, namespaces);
 *                 empty for a feed that needed none
 * @param hubs     the WebSub hubs the feed names, absolute; {@code feedUrl} is then its topic (rel="self")
 */
public record ParsedFeed(String title, String homePageUrl, String feedUrl, String description, String language,
                         String format, String icon, List<Author> authors, List<String> tags, List<ParsedItem> items,
                         List<String> warnings, List<String> repairs, List<String> hubs) {
    public ParsedFeed {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        items = items == null ? List.of() : List.copyOf(items);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
    }

    public ParsedFeed(String title, String homePageUrl, String feedUrl, String description, String language,
                      String format, List<ParsedItem> items, List<String> warnings) {
        this(title, homePageUrl, feedUrl, description, language, format, null, null, null, items, warnings, null, null);
    }

    /** The same feed with other items (languages resolved, full text fetched). */
    public ParsedFeed withItems(List<ParsedItem> other) {
        return new ParsedFeed(title, homePageUrl, feedUrl, description, language, format, icon, authors, tags, other,
                warnings, repairs, hubs);
    }
}
