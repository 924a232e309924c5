package uz.karvon.publish.render;

import java.time.Instant;
import java.util.Objects;

/** A deleted entry (RFC 6721): {@code id} is the {@link Entry#id()} it deletes. */
public record Tombstone(String id, Instant when, String reason, String url) {
    public Tombstone {
        Objects.requireNonNull(id, "tombstone id");
        Objects.requireNonNull(when, "tombstone when");
    }
}
