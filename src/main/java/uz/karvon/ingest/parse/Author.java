package uz.karvon.ingest.parse;

/** An item or feed author; either field may be null, not both. */
public record Author(String name, String url) {
}
