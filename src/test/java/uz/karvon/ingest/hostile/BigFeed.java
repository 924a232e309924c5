package uz.karvon.ingest.hostile;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * An RSS document too big to keep around (tens of MB): items are made one at a time, once to count the bytes for an
 * honest Content-Length (in the background as soon as the lab's classes load), then again while writing. The lab's heap never holds the
 * whole document.
 */
final class BigFeed {
    private static final int SLICE = 1 << 16;

    private final byte[] head;
    private final byte[] tail;
    private final int items;
    private final IntFunction<String> item;
    private final CompletableFuture<Long> length;

    /** Starts counting the bytes in the background, so the count is ready when the first request comes. */
    BigFeed(String title, int items, IntFunction<String> item) {
        this.head = FeedText.utf8(FeedText.rssHead(title));
        this.tail = FeedText.utf8(FeedText.RSS_TAIL);
        this.items = items;
        this.item = item;
        this.length = CompletableFuture.supplyAsync(this::count);
    }

    private long count() {
        long n = head.length + tail.length;
        for (int i = 0; i < items; i++) n += FeedText.utf8(item.apply(i)).length;
        return n;
    }

    long length() {
        return length.join();
    }

    /** Headers, then the body in 64 KiB writes until done, the deadline passes or the lab stops (then FIN). */
    void send(Exchange x) throws IOException {
        x.head(200, "Content-Type", XmlCases.RSS, "Content-Length", Long.toString(length()));
        Instant deadline = x.deadline();
        boolean done = write(x, head, deadline);
        for (int i = 0; done && i < items; i++) done = write(x, FeedText.utf8(item.apply(i)), deadline);
        done = done && write(x, tail, deadline);
        x.flush();
        if (!done) x.closeAfter();
    }

    private static boolean write(Exchange x, byte[] b, Instant deadline) throws IOException {
        for (int off = 0; off < b.length; off += SLICE) {
            if (!x.alive(deadline)) return false;
            x.write(b, off, Math.min(SLICE, b.length - off));
        }
        return true;
    }
}
