package uz.karvon.publish.render;

import java.util.Objects;

/** The lead image of an entry. {@code length} in bytes, {@code null} (or not positive) when unknown. */
public record Image(String url, String type, Long length, String caption) {
    public Image {
        Objects.requireNonNull(url, "image url");
    }

    boolean hasKnownLength() {
        return length != null && length > 0;
    }
}
