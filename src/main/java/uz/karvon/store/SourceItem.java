package uz.karvon.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An item of an external source, normalized and sanitized on ingest, with karvon's own stable id. */
public record SourceItem(
        String id,
        String sourceId,
        String originalId,
        String url,
        String externalUrl,
        String title,
        String summary,
        String contentHtml,
        String image,
        Instant published,
        Instant modified,
        Instant firstSeen,
        String language,
        List<Author> authors,
        List<String> tags,
        List<Attachment> attachments,
        List<String> flags,
        String canonicalUrl,
        String textHash,
        String duplicateOf) {

    public SourceItem {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        attachments = List.copyOf(attachments);
        flags = List.copyOf(flags);
    }

    public record Author(String name, String url) {}

    public record Attachment(String url, String mimeType, Long sizeInBytes) {}

    /** The same item as stored with another id/first-seen/duplicate link: compared to decide whether to update. */
    boolean sameContent(SourceItem o) {
        return Objects.equals(title, o.title) && Objects.equals(summary, o.summary)
                && Objects.equals(contentHtml, o.contentHtml) && Objects.equals(url, o.url)
                && Objects.equals(modified, o.modified) && Objects.equals(image, o.image)
                && Objects.equals(language, o.language) && tags.equals(o.tags)
                && authors.equals(o.authors) && attachments.equals(o.attachments)
                && Objects.equals(published, o.published);
    }
}
