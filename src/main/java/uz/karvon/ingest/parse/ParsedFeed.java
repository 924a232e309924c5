package uz.karvon.ingest.parse;

import java.util.List;

/**
 * A parsed, normalised feed; {@code format} is e.g. "rss_2.0", "atom_1.0", "json_1.1".
 *
 * @param hubs the WebSub hubs the feed names, absolute; {@code feedUrl} is then its topic (rel="self")
 */
public record ParsedFeed(String title, String homePageUrl, String feedUrl, String description, String language,
                         String format, List<ParsedItem> items, List<String> warnings, List<String> hubs) {
    public ParsedFeed(String title, String homePageUrl, String feedUrl, String description, String language,
                      String format, List<ParsedItem> items, List<String> warnings) {
        this(title, homePageUrl, feedUrl, description, language, format, items, warnings, List.of());
    }

    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
    }
}
