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
    /** xml:base of the document root, if any (already absolute or relative to the fetched URL). */
    String base;
    final List<RawItem> items = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
}
