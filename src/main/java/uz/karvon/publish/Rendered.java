package uz.karvon.publish;

import java.time.Instant;

/** A feed rendered once and served many times: raw and gzipped bytes, validators, and until when it holds. */
public record Rendered(byte[] raw, byte[] gzip, String etag, Instant lastModified, String contentType, Instant validUntil) {}
