package uz.karvon.ingest.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One poll of one source.
 *
 * @param etag               validator from the previous 200, sent as {@code If-None-Match}; nullable
 * @param lastModified       validator from the previous 200, sent as {@code If-Modified-Since}; nullable
 * @param userAgent          per-source user agent; null means {@link FetchSettings#userAgent()}
 * @param headers            extra per-source request headers (e.g. an API key); never printed in errors
 * @param allowPrivateNetwork true only when the configured source URL itself is on a private or
 *                           loopback address; the allowance covers that host only, and any hop to another
 *                           host must resolve to a public address
 */
public record FetchRequest(
        URI url,
        String etag,
        String lastModified,
        String userAgent,
        Map<String, String> headers,
        boolean allowPrivateNetwork) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An unconditional request with default user agent and no extra headers. */
    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null, Map.of(), false);
    }
}
