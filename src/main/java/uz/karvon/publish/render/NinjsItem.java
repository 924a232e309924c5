package uz.karvon.publish.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One IPTC ninjs 3.1 news object as karvon publishes it (https://iptc.org/std/ninjs/ninjs-schema_3.1.json).
 * A {@link PubStatus#CANCELED} object carries only what identifies the withdrawn story (uri, version, language,
 * times, ids and the reason), never its text. Text fields are plain text except {@code bodyHtml}.
 *
 * @param uri           the feed item id: the same tag URI as in RSS/Atom/JSON Feed, stable across corrections
 * @param version       counts stored versions: 1 when first published, +1 on every correction; null if unknown
 * @param embargoedUntil set only while the story is under embargo (then {@code pubStatus} is withheld)
 * @param webUrl        the article page, written as the {@code web} rendition
 */
public record NinjsItem(String uri, String version, Instant firstCreated, Instant versionCreated,
                        Instant contentCreated, Instant embargoedUntil, PubStatus pubStatus, String language,
                        String headline, String summary, String bodyHtml, String by, String located,
                        String slugline, List<Subject> subjects, List<GenreRef> genres, Picture picture,
                        List<OtherVersion> otherVersions, List<AltId> altIds, String copyrightHolder,
                        String copyrightNotice, String rightsUrl, String webUrl, InfoSource infoSource,
                        String correctionNote, String edNote) {

    public NinjsItem {
        Objects.requireNonNull(uri, "ninjs uri");
        Objects.requireNonNull(pubStatus, "ninjs pubStatus");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        genres = genres == null ? List.of() : List.copyOf(genres);
        otherVersions = otherVersions == null ? List.of() : List.copyOf(otherVersions);
        altIds = altIds == null ? List.of() : List.copyOf(altIds);
    }

    /** ninjs {@code pubStatus}: the story may be used, is held back (embargo), or was withdrawn. */
    public enum PubStatus {
        USABLE("usable"), WITHHELD("withheld"), CANCELED("canceled");

        private final String value;

        PubStatus(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** A concept the story is about: a Media Topic (with {@code uri}), a section without one, or a keyword. */
    public record Subject(String name, String uri, String literal, String rel) {}

    /** An IPTC genre (http://cv.iptc.org/newscodes/genre/). */
    public record GenreRef(String name, String uri) {}

    /** The story's image, written as an association with a caption and its one rendition. */
    public record Picture(String href, String contentType, Long sizeInBytes, String caption) {}

    /** Another language version of the same story, written as an association with {@code rel: translation}. */
    public record OtherVersion(String uri, String language, String headline, String href) {}

    public record AltId(String role, String value) {}

    /** Where a republished item came from. */
    public record InfoSource(String name, String uri) {}
}
