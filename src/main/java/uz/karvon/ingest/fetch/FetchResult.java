package uz.karvon.ingest.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A successful fetch.
 *
 * @param status            a 2xx code (normally 200) or 304; on 304 {@code body} is empty
 * @param body              the decoded (decompressed) body, at most {@link FetchSettings#maxBodyBytes()}
 * @param contentType       the {@code Content-Type} header, nullable
 * @param etag              validator to send next time; on 304 falls back to the request's
 * @param lastModified      validator to send next time; on 304 falls back to the request's
 * @param finalUrl          the URL that answered after redirects
 * @param permanentRedirect where the leading run of 301/308 hops ended, to remember and report; null
 *                          if the first hop was not a permanent redirect
 * @param links             the {@code Link} header values of the final answer (WebSub discovery), in order
 * @param contentLocation   the {@code Content-Location} header as sent, nullable: see {@link #baseUrl()}
 */
public record FetchResult(
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI finalUrl,
        URI permanentRedirect,
        List<String> links,
        String contentLocation) {

    public FetchResult {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(finalUrl, "finalUrl");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An answer without {@code Link} or {@code Content-Location} headers (a drop folder). */
    public FetchResult(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUrl,
                       URI permanentRedirect) {
        this(status, body, contentType, etag, lastModified, finalUrl, permanentRedirect, null, null);
    }

    /**
     * The URL relative references in the body resolve against (RFC 3986 §5.1.2, as feedparser reads it): the
     * {@code Content-Location} the server named, resolved against the URL that answered, else that URL. Only
     * ever used to resolve links, never fetched.
     */
    public String baseUrl() {
        if (contentLocation != null && !contentLocation.isBlank()) {
            try {
                URI location = finalUrl.resolve(contentLocation.strip());
                String scheme = location.getScheme();
                if ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) return location.toString();
            } catch (IllegalArgumentException e) {
                // an unparseable header is ignored
            }
        }
        return finalUrl.toString();
    }

    public boolean notModified() {
        return status == 304;
    }
}
