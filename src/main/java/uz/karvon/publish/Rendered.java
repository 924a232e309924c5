package uz.karvon.publish;

import java.time.Instant;
import uz.karvon.publish.render.Paging;

/**
 * A feed rendered once and served many times: raw and gzipped bytes, validators, until when it holds, and its
 * RFC 5005 page links (also sent as a {@code Link} header: a ninjs array has no place for them).
 */
public record Rendered(byte[] raw, byte[] gzip, String etag, Instant lastModified, String contentType, Instant validUntil,
                       Paging paging) {
    public Rendered(byte[] raw, byte[] gzip, String etag, Instant lastModified, String contentType, Instant validUntil) {
        this(raw, gzip, etag, lastModified, contentType, validUntil, Paging.NONE);
    }
}
