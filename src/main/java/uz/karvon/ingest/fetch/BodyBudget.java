package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * One limit on the body bytes all fetches hold in memory at once, shared by every worker: without it, N workers
 * reading N maximum-size bodies (and parsing them) need N times {@code max_body_size} of heap. A fetch reserves
 * bytes as its body arrives and keeps them until its caller closes the {@link Lease} (after parsing); when the
 * budget is taken it waits, at most until its own deadline, and then fails as {@code busy}.
 */
public final class BodyBudget {

    /** The budget stayed taken until the fetch's deadline. */
    static final class ExhaustedException extends IOException {
        ExhaustedException(String message) {
            super(message);
        }
    }

    private final long total;
    private long available;

    public BodyBudget(long totalBytes) {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("body budget must be positive: " + totalBytes);
        }
        this.total = totalBytes;
        this.available = totalBytes;
    }

    public long total() {
        return total;
    }

    /** Bytes not reserved by any lease right now. */
    public synchronized long available() {
        return available;
    }

    /** An empty lease; bytes are reserved into it while a body is read, and all given back on {@link Lease#close()}. */
    public Lease lease() {
        return new Lease();
    }

    private synchronized void take(long bytes, long deadlineNanos) throws IOException {
        if (bytes > total) {
            throw new ExhaustedException("body of " + bytes + " bytes exceeds the whole budget of " + total);
        }
        while (available < bytes) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new ExhaustedException("until the deadline, bodies other fetches hold took the shared budget of "
                        + total + " bytes");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the body budget");
            }
        }
        available -= bytes;
    }

    private synchronized void give(long bytes) {
        available += bytes;
        notifyAll();
    }

    /** Bytes held for the bodies one worker reads (one after another). Not thread-safe: one worker uses it. */
    public final class Lease implements AutoCloseable {
        private long held;
        private boolean closed;

        private Lease() {
        }

        /** Makes sure at least {@code bytes} in all are held, waiting for other leases until {@code deadlineNanos}. */
        void hold(long bytes, long deadlineNanos) throws IOException {
            if (closed) {
                throw new IllegalStateException("lease closed");
            }
            if (bytes > held) {
                take(bytes - held, deadlineNanos);
                held = bytes;
            }
        }

        /** Bytes this lease holds. */
        public long held() {
            return held;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (held > 0) {
                give(held);
                held = 0;
            }
        }
    }
}
