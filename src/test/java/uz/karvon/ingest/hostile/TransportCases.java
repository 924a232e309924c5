package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.item;
import static uz.karvon.ingest.hostile.FeedText.rss;
import static uz.karvon.ingest.hostile.FeedText.utf8;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.EITHER;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.ERROR;
import static uz.karvon.ingest.hostile.XmlCases.RSS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Size and timing attacks on the connection: bombs, endless or dripping bodies, silence, truncation, RST. */
final class TransportCases {
    private static final BigFeed HUGE_50MB = new BigFeed("50MB", 500, i -> item("huge-" + i, "huge " + i, "h".repeat(100_000)));

    private TransportCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.of("gzip-bomb", "transport", "Content-Encoding: gzip body of a few MB that inflates to GBs (default 2 GiB)",
                        "Decompressed-size cap (e.g. <= 10-20 MB) aborts the fetch; memory bounded; clear 'too large' error",
                        ERROR, TransportCases::gzipBomb),
                HostileCase.of("endless-chunked", "transport",
                        "Chunked body that never ends (valid items forever; the lab cuts it after its stream bound)",
                        "Byte cap and/or total-call deadline abort it; nothing from it published; poller thread freed",
                        ERROR, TransportCases::endlessChunked),
                HostileCase.of("huge-50mb", "transport", "50 MB well-formed feed (500 items x 100 KB) with honest Content-Length",
                        "Rejected by a size cap (or parsed within the memory bound); other feeds unaffected",
                        EITHER, HUGE_50MB::send),
                HostileCase.of("slowloris-body", "transport",
                        "Headers at once, then one body byte every few seconds (never trips a read timeout)",
                        "Total-call deadline (not only read timeout) aborts it; poller not blocked for other feeds",
                        ERROR, TransportCases::slowloris),
                HostileCase.of("headers-then-hang", "transport",
                        "Status + headers (Content-Length 4096) then silence until the lab's stream bound",
                        "Read timeout fires; clear timeout error; poller slot freed", ERROR, x -> {
                            x.head(200, "Content-Type", RSS, "Content-Length", "4096");
                            x.flush();
                            x.pause(x.lab().options().maxStream());
                            x.closeAfter();
                        }),
                HostileCase.of("accept-then-silence", "transport", "TCP accepted, request read, nothing ever sent (no status line)",
                        "Read/call timeout; clear error", ERROR, x -> {
                            x.pause(x.lab().options().maxStream());
                            x.closeAfter();
                        }),
                HostileCase.of("reset-mid-body", "transport", "Content-Length 20000, 8000 bytes of a valid prefix, then TCP RST",
                        "Fetch error; no partial items from the truncated body published", ERROR, x -> partial(x, true)),
                HostileCase.of("truncated-content-length", "transport", "Content-Length 20000 but only 8000 bytes then clean FIN",
                        "Detected as truncated ('unexpected end of stream'); nothing partial published", ERROR, x -> partial(x, false)));
    }

    private static void gzipBomb(Exchange x) throws IOException {
        GzipBomb bomb = x.lab().gzipBomb();
        x.head(200, "Content-Type", RSS, "Content-Encoding", "gzip", "Content-Length", Long.toString(bomb.length()));
        if (!bomb.writeTo(x, x.deadline())) x.closeAfter();
    }

    /** Valid items in chunks at up to ~20 MB/s, never the terminating chunk; cut at the stream bound or byte cap. */
    private static void endlessChunked(Exchange x) throws IOException {
        x.head(200, "Content-Type", RSS, "Transfer-Encoding", "chunked");
        chunk(x, utf8(FeedText.rssHead("endless")));
        Instant deadline = x.deadline();
        long cap = (long) x.lab().options().endlessMaxMiB() << 20;
        long sent = 0;
        String filler = "x".repeat(900);
        for (int i = 0; x.alive(deadline) && sent < cap && i < 10_000_000; ) {
            byte[] b = utf8(item("endless-" + i, "endless " + i, filler));
            chunk(x, b);
            sent += b.length;
            i++;
            if (i % 200 == 0) {
                x.flush();
                x.pause(Duration.ofMillis(10));
            }
        }
        x.flush();
        x.closeAfter();
    }

    private static void chunk(Exchange x, byte[] b) throws IOException {
        x.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        x.write(b);
        x.write(new byte[] {'\r', '\n'});
    }

    private static void slowloris(Exchange x) throws IOException {
        byte[] body = utf8(rss(item("slow-1", "slow", "s".repeat(3000))));
        x.head(200, "Content-Type", RSS, "Content-Length", Integer.toString(body.length));
        Instant deadline = x.deadline();
        for (int i = 0; i < body.length && x.alive(deadline); i++) {
            x.write(body, i, 1);
            x.flush();
            x.pause(x.lab().options().slowInterval());
        }
        x.closeAfter();
    }

    /** Promises 20,000 bytes, sends the first 8,000 of a valid feed, then ends the connection (FIN or RST). */
    private static void partial(Exchange x, boolean reset) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 60; i++) items.append(item("partial-" + i, "partial " + i, "p".repeat(300)));
        byte[] body = utf8(rss(items.toString()));
        x.head(200, "Content-Type", RSS, "Content-Length", "20000");
        x.write(body, 0, 8000);
        x.flush();
        x.pause(Duration.ofMillis(200));
        if (reset) {
            x.reset();
        } else {
            x.closeAfter();
        }
    }
}
