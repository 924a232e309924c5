package uz.karvon.publish.render;

import java.time.Instant;
import java.util.Objects;

/** The entry must not be published by recipients before {@code until}. */
public record Embargo(Instant until) {
    public Embargo {
        Objects.requireNonNull(until, "embargo until");
    }
}
