package uz.karvon.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One normalised item. {@code title} is plain text; {@code contentHtml} and {@code summary} are sanitised HTML.
 * {@code published} is the date the feed gives (its modification date when it gives only that) and null when
 * it gives none that can be read: never a stand-in such as the time of parsing. {@code flags} say why
 * ({@link ItemFlag}); a server that needs a date uses the time it first saw the item.
 */
public record ParsedItem(String id, String url, String externalUrl, String title, String contentHtml,
                         String contentText, String summary, String image, Instant published, Instant modified,
                         List<Author> authors, List<Author> contributors, List<String> tags, String language,
                         List<Attachment> attachments, List<String> flags) {
    public ParsedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public ParsedItem(String id, String url, String externalUrl, String title, String contentHtml, String contentText,
                      String summary, String image, Instant published, Instant modified, List<Author> authors,
                      List<String> tags, String language, List<Attachment> attachments, List<String> flags) {
        this(id, url, externalUrl, title, contentHtml, contentText, summary, image, published, modified, authors,
                null, tags, language, attachments, flags);
    }

    public ParsedItem withLanguage(String tag) {
        return new ParsedItem(id, url, externalUrl, title, contentHtml, contentText, summary, image, published, modified,
                authors, contributors, tags, tag, attachments, flags);
    }

    /** The same item with other content (full text taken from its page). */
    public ParsedItem withContent(String html, String text) {
        return new ParsedItem(id, url, externalUrl, title, html, text, summary, image, published, modified,
                authors, contributors, tags, language, attachments, flags);
    }

    /** The same item with other text fields (the language's spelling rules applied, see {@code ItemMapper}). */
    public ParsedItem withText(String newTitle, String html, String text, String newSummary, List<String> newTags,
                               List<Author> newAuthors) {
        return new ParsedItem(id, url, externalUrl, newTitle, html, text, newSummary, image, published, modified,
                newAuthors, contributors, newTags, language, attachments, flags);
    }

    public boolean hasFlag(ItemFlag f) {
        return flags.contains(f.code());
    }
}
