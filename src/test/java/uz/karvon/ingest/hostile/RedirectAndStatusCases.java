package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.item;
import static uz.karvon.ingest.hostile.FeedText.rss;
import static uz.karvon.ingest.hostile.FeedText.utf8;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.ERROR;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.OK;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.REDIRECT_OK;
import static uz.karvon.ingest.hostile.XmlCases.RSS;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redirects (loops, other schemes, private and metadata addresses, moves) and HTTP status semantics. The lab only
 * issues the Location of a forbidden redirect and records it; it never connects anywhere itself.
 */
final class RedirectAndStatusCases {
    /** Targets of the permanent and temporary moves, served at these paths. */
    static final String MOVED_301 = "/case/permanent-301/new";
    static final String TARGET_302 = "/case/temporary-302/target";
    /** The metadata address 169.254.169.254 spelled four ways; one per request, in turn. */
    private static final List<String> ENCODED_METADATA = List.of("http://2852039166/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/latest/meta-data/", "http://0xA9FEA9FE/latest/meta-data/",
            "http://0251.0376.0251.0376/latest/meta-data/");

    private RedirectAndStatusCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.of("redirect-loop", "redirect", "Endless 302 chain to itself (?n=1,2,3,...)",
                        "Client stops after a small redirect limit (<= 20); the hit count stays small; clear error", ERROR, x -> {
                            String n = x.queryParam("n");
                            long k = n != null && n.matches("[0-9]{1,9}") ? Long.parseLong(n) : 0;
                            x.redirect(302, x.path() + "?n=" + (k + 1), false);
                        }),
                HostileCase.of("redirect-file", "redirect", "302 Location: file:///etc/passwd",
                        "Not followed (only http/https); no passwd content anywhere; clear error", ERROR,
                        x -> x.redirect(302, "file:///etc/passwd", true)),
                HostileCase.of("redirect-private-10", "redirect", "302 Location: http://10.255.255.1/feed.xml (RFC1918 address; SSRF)",
                        "Not followed (private ranges blocked after DNS resolution, on every hop); clear error", ERROR,
                        x -> x.redirect(302, "http://10.255.255.1/feed.xml", true)),
                HostileCase.of("redirect-metadata", "redirect", "302 Location: http://169.254.169.254/latest/meta-data/ (cloud metadata SSRF)",
                        "Not followed; clear error", ERROR, x -> x.redirect(302, "http://169.254.169.254/latest/meta-data/", true)),
                HostileCase.of("redirect-metadata-encoded", "redirect",
                        "302 to obfuscated metadata hosts: decimal, IPv4-mapped IPv6, hex, octal (alternates per request)",
                        "Not followed: host canonicalised before the allow/deny check", ERROR,
                        x -> x.redirect(302, ENCODED_METADATA.get(x.hitNumber() % ENCODED_METADATA.size()), true)),
                HostileCase.of("permanent-301", "redirect", "301 Moved Permanently to " + MOVED_301 + " (a valid feed)",
                        "Followed and published; later polls go straight to the new URL (old path hit once) and the move is reported to admins",
                        REDIRECT_OK, x -> x.redirect(301, x.base() + MOVED_301, true)),
                HostileCase.of("temporary-302", "redirect", "302 Found to " + TARGET_302 + " (a valid feed)",
                        "Followed and published; later polls still use the original URL", REDIRECT_OK,
                        x -> x.redirect(302, x.base() + TARGET_302, true)),
                HostileCase.of("http-429-retry-after", "status", "429 Too Many Requests with Retry-After: 120 (seconds)",
                        "Per-feed backoff honours Retry-After (no re-poll within 120 s); error reported; other feeds keep polling",
                        ERROR, x -> x.send(429, "text/plain", utf8("slow down\n"), "Retry-After", "120")),
                HostileCase.of("http-503-retry-after-date", "status", "503 with Retry-After as an HTTP-date 120 s ahead",
                        "Same as 429 with the date form parsed", ERROR, x -> x.send(503, "text/plain", utf8("maintenance\n"),
                                "Retry-After", FeedText.rfc822(Instant.now().plusSeconds(120)))),
                HostileCase.of("http-500", "status", "500 Internal Server Error with an HTML body",
                        "Per-feed error; previous items of this feed (if any) kept; retry with backoff", ERROR,
                        x -> x.send(500, "text/html", utf8("<html><body><h1>500</h1>java.lang.NullPointerException at ...</body></html>"))),
                HostileCase.of("http-404", "status", "404 Not Found", "Per-feed error; no crash", ERROR,
                        x -> x.send(404, "text/plain", utf8("not found\n"))),
                HostileCase.of("http-410-gone", "status", "410 Gone",
                        "Feed marked gone / polling stopped or heavily backed off; reported to admins", ERROR,
                        x -> x.send(410, "text/plain", utf8("gone\n"))),
                HostileCase.of("etag-churn", "status", "Identical body, but a new random ETag and 200 on every request (ignores If-None-Match)",
                        "No duplicate items and no republish churn (items deduplicated by guid/content hash)", OK,
                        x -> x.send(200, RSS, utf8(rss(item("etag-churn-1", "same body every time", "x") + item("etag-churn-2", "second", "y"))),
                                "ETag", "\"" + HexFormat.of().formatHex(randomBytes()) + "\"",
                                "Last-Modified", FeedText.rfc822(Instant.now()))));
    }

    /** The feeds the two moves lead to. */
    static byte[] movedTarget(String path) {
        return MOVED_301.equals(path)
                ? utf8(rss(item("moved-301-1", "moved permanently target", "x"), "301 target"))
                : utf8(rss(item("temp-302-1", "temporary target", "x"), "302 target"));
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
