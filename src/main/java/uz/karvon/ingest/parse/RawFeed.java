package uz.karvon.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/** What a format reader extracted, before normalisation. Mutable, confined to one parse call. */
final class RawFeed {
    String format;
    /** WebSub hubs the feed names ({@code link rel="hub"}, JSON Feed {@code hubs}), as written. */
    final List<String> hubs = new ArrayList<>();
    String title;
    String homePageUrl;
    String feedUrl;
    String description;
    String language;
    String icon;
    /** The feed's own last-modified text (CDF LASTMOD, channel lastBuildDate); informative only. */
    String updatedRaw;
    /** xml:base of the document root, if any (already absolute or relative to the fetched URL). */
    String base;
    final List<Author> authors = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<RawItem> items = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** What had to be repaired for the feed to be read at all (ill-formed XML, encodings, namespaces). */
    final List<String> repairs = new ArrayList<>();
}
