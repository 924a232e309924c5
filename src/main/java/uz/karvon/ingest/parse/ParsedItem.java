package uz.karvon.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One normalised item. {@code title} is plain text; {@code contentHtml} and {@code summary} are sanitised HTML;
 * {@code published} is never null (fetch time when missing, see {@code flags}).
 */
public record ParsedItem(String id, String url, String externalUrl, String title, String contentHtml,
                         String contentText, String summary, String image, Instant published, Instant modified,
                         List<Author> authors, List<String> tags, String language, List<Attachment> attachments,
                         List<String> flags) {
    public ParsedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public ParsedItem withLanguage(String tag) {
        return new ParsedItem(id, url, externalUrl, title, contentHtml, contentText, summary, image, published, modified,
                authors, tags, tag, attachments, flags);
    }

    /** The same item with other content (full text taken from its page). */
    public ParsedItem withContent(String html, String text) {
        return new ParsedItem(id, url, externalUrl, title, html, text, summary, image, published, modified,
                authors, tags, language, attachments, flags);
    }
}
