package uz.karvon.ingest;

import java.time.Instant;

/**
 * What karvon knows about polling one source. Immutable; each attempt produces the next state.
 *
 * @param url           the configured URL this state belongs to (a changed URL starts afresh)
 * @param permanentUrl  where a 301/308 said the feed now lives; polled instead of {@code url} and reported
 * @param gone          the source answered 410 Gone: no more polling until the admin changes its URL
 * @param parseNote     what the last parsed feed needed repaired, and items it gave no usable date (ordered by
 *                      first-seen time); null when there was nothing to say
 */
public record SourceState(
        String sourceId,
        String url,
        String etag,
        String lastModified,
        String permanentUrl,
        Instant lastAttempt,
        Instant lastSuccess,
        int httpStatus,
        String lastError,
        String errorReason,
        Instant nextAttempt,
        int failures,
        boolean gone,
        int lastNewItems,
        String languageNote,
        String parseNote) {

    /** A state without a parse note (see {@code parseNote}). */
    public SourceState(String sourceId, String url, String etag, String lastModified, String permanentUrl,
                       Instant lastAttempt, Instant lastSuccess, int httpStatus, String lastError, String errorReason,
                       Instant nextAttempt, int failures, boolean gone, int lastNewItems, String languageNote) {
        this(sourceId, url, etag, lastModified, permanentUrl, lastAttempt, lastSuccess, httpStatus, lastError, errorReason,
                nextAttempt, failures, gone, lastNewItems, languageNote, null);
    }

    public static SourceState fresh(String sourceId, String url, Instant firstAttempt) {
        return new SourceState(sourceId, url, null, null, null, null, null, 0, null, null, firstAttempt, 0, false, 0, null, null);
    }

    SourceState withNextAttempt(Instant next) {
        return new SourceState(sourceId, url, etag, lastModified, permanentUrl, lastAttempt, lastSuccess, httpStatus,
                lastError, errorReason, next, failures, gone, lastNewItems, languageNote, parseNote);
    }
}
