package uz.karvon.ingest.parse;

/**
 * An item or feed author or contributor; at least one field is set. {@code url} is the person's page (Atom
 * {@code uri}, JSON Feed {@code url}); {@code email} comes from Atom {@code email} or from RSS forms such as
 * {@code jane@example.org (Jane Doe)} and {@code Jane Doe <jane@example.org>}, which are split.
 */
public record Author(String name, String url, String email) {
    public Author(String name, String url) {
        this(name, url, null);
    }
}
