package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.CYRILLIC;
import static uz.karvon.ingest.hostile.FeedText.UZBEK;
import static uz.karvon.ingest.hostile.FeedText.utf8;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Three feeds that must keep flowing while the hostile cases misbehave: {@code /healthy/1.rss} and {@code 2.rss}
 * (RSS, Russian titles) and {@code 3.atom} (Atom, Uzbek titles), each listing the newest five "buckets". A new bucket
 * (one new item in each feed) starts when the test calls {@link HostileUpstream#advanceHealthy()}, so a test waits for
 * nothing. Strong ETag of the body, answered with 304 on an exact If-None-Match.
 */
final class HealthyFeeds {
    /** Start of every bucket so far; its index is the bucket number. */
    private final List<Instant> bucketStarts = new CopyOnWriteArrayList<>();

    HealthyFeeds(Instant start) {
        bucketStarts.add(start.truncatedTo(ChronoUnit.SECONDS));
    }

    static List<HostileCase> catalogue() {
        return List.of(healthy(1), healthy(2), healthy(3));
    }

    private static HostileCase healthy(int n) {
        return new HostileCase("healthy-" + n, "/healthy/" + n + (n == 3 ? ".atom" : ".rss"), "healthy",
                "A healthy feed that gains an item per bucket",
                "Keeps being polled and republished while the hostile feeds misbehave", HostileCase.Outcome.OK,
                x -> x.lab().healthyFeeds().respond(x));
    }

    int bucket() {
        return bucketStarts.size() - 1;
    }

    synchronized int advance() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant last = bucketStarts.get(bucketStarts.size() - 1);
        bucketStarts.add(now.isAfter(last) ? now : last.plusSeconds(1));
        return bucket();
    }

    void respond(Exchange x) throws IOException {
        String name = x.path().substring("/healthy/".length());
        int n = name.startsWith("1.") ? 1 : name.startsWith("2.") ? 2 : name.startsWith("3.") ? 3 : 0;
        if (n == 0) {
            x.send(404, "text/plain", utf8("no\n"));
            return;
        }
        int b = bucket();
        byte[] body = feed(n, b);
        String etag = "\"" + sha1(body).substring(0, 16) + "\"";
        if (etag.equals(x.header("If-None-Match"))) {
            x.head(304, "ETag", etag, "Content-Length", "0");
            x.flush();
            return;
        }
        x.send(200, n == 3 ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8", body,
                "ETag", etag, "Last-Modified", FeedText.rfc822(bucketStarts.get(b)), "Cache-Control", "max-age=5");
    }

    /** Feed {@code n} at bucket {@code b}: the newest five buckets, newest first in RSS, oldest first in Atom. */
    byte[] feed(int n, int b) {
        StringBuilder items = new StringBuilder();
        if (n == 3) {
            for (int k = Math.max(0, b - 4); k <= b; k++) {
                items.append(FeedText.entry("healthy-3-b" + k, "Healthy three item " + k + " — " + UZBEK,
                        FeedText.iso(bucketStarts.get(k)), "bucket " + k));
            }
            return utf8(FeedText.atom(items.toString(), "Healthy three", ""));
        }
        for (int k = b; k > Math.max(-1, b - 5); k--) {
            items.append(FeedText.item("healthy-" + n + "-b" + k, "Healthy " + n + " item " + k + " — " + CYRILLIC,
                    "bucket " + k, bucketStarts.get(k).getEpochSecond()));
        }
        return utf8(FeedText.rss(items.toString(), "Healthy " + n));
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
