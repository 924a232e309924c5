package uz.karvon.ingest.fetch;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A failed fetch. {@link #reason()} is a stable code the UI can translate; the message is one
 * lower-case line {@code fetch <url>: ...} with secrets in the URL redacted and no header values.
 */
public final class FetchException extends Exception {

    /** All reason codes this package produces. */
    public static final Set<String> REASONS = Set.of("timeout", "too-large", "too-many-redirects",
            "blocked-address", "blocked-scheme", "http-status", "gone", "rate-limited", "truncated", "io",
            "not-found-file", "outside-drop-folder", "invalid", "busy");

    private final String reason;
    private final int httpStatus;
    private final Instant retryAfter;

    public FetchException(String reason, String message, int httpStatus, Instant retryAfter) {
        super(message, null, false, false);
        if (!REASONS.contains(Objects.requireNonNull(reason, "reason"))) {
            throw new IllegalArgumentException("unknown reason: " + reason);
        }
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public FetchException(String reason, String message) {
        this(reason, message, 0, null);
    }

    public String reason() {
        return reason;
    }

    /** The HTTP status that caused the failure, 0 if none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** When the server asked us to come back (429/503 {@code Retry-After}), or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
