package uz.karvon.ingest.fetch;

import java.net.URI;
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
 */
public record FetchResult(
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI finalUrl,
        URI permanentRedirect) {

    public FetchResult {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(finalUrl, "finalUrl");
    }

    public boolean notModified() {
        return status == 304;
    }
}
