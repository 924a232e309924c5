package uz.karvon.publish.render;

import java.util.Objects;

/** The external source an entry came from; {@code url} is the origin item's link. */
public record Credit(String sourceId, String name, String url) {
    public Credit {
        Objects.requireNonNull(name, "credit name");
    }
}
