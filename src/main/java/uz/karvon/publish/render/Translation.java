package uz.karvon.publish.render;

import java.util.Objects;

/** Another language version of the same story. */
public record Translation(String language, String url, String title) {
    public Translation {
        Objects.requireNonNull(language, "translation language");
        Objects.requireNonNull(url, "translation url");
    }
}
