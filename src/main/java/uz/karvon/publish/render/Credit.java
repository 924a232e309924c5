package uz.karvon.publish.render;

import java.util.Objects;

/**
 * The external source an entry came from; {@code url} is the origin item's link. {@code dateFirstSeen}: the source
 * gave no usable date (none, unreadable, or in the future), so the entry is dated by when karvon first saw it.
 */
public record Credit(String sourceId, String name, String url, boolean dateFirstSeen) {
    public Credit {
        Objects.requireNonNull(name, "credit name");
    }

    public Credit(String sourceId, String name, String url) {
        this(sourceId, name, url, false);
    }
}
