package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import okhttp3.Dns;

/**
 * The fetcher's only resolver. Each lookup asks DNS once, keeps the addresses the policy allows and hands exactly
 * those to OkHttp, which connects to nothing else: the answer checked is the answer connected to, on every hop, so a
 * rebinding DNS server gets no second question to answer differently. Nothing else in the fetcher resolves names.
 * The lookup runs on a resolver thread and is given up at the fetch's deadline (set by {@link #within}), so a slow
 * resolver cannot hold a fetch past its total timeout.
 */
final class GuardedDns implements Dns {

    /** No answer before the fetch's deadline. */
    static final class LookupTimeoutException extends UnknownHostException {
        LookupTimeoutException(String message) {
            super(message);
        }
    }

    /** The deadline of the fetch running on this thread (OkHttp resolves on the thread that executes the call). */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    interface IoCall<T> {
        T run() throws IOException;
    }

    private final Dns delegate;
    private final Predicate<InetAddress> allowed;
    private final ExecutorService resolver;
    private final long fallbackWaitNanos;

    /**
     * @param fallbackWaitNanos how long a lookup may take when no deadline is set on the calling thread
     */
    GuardedDns(Dns delegate, Predicate<InetAddress> allowed, ExecutorService resolver, long fallbackWaitNanos) {
        this.delegate = delegate;
        this.allowed = allowed;
        this.resolver = resolver;
        this.fallbackWaitNanos = fallbackWaitNanos;
    }

    /** Runs {@code call} with lookups on this thread bounded by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static <T> T within(long deadlineNanos, IoCall<T> call) throws IOException {
        Long outer = DEADLINE.get();
        DEADLINE.set(deadlineNanos);
        try {
            return call.run();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        InetAddress literal = AddressGuard.literal(hostname);
        List<InetAddress> resolved = literal != null ? List.of(literal) : resolve(hostname);
        List<InetAddress> kept = new ArrayList<>(resolved.size());
        for (InetAddress a : resolved) {
            if (allowed.test(a)) {
                kept.add(a);
            }
        }
        if (kept.isEmpty()) {
            throw new BlockedAddressException("host " + hostname + " resolves only to non-public addresses");
        }
        return List.copyOf(kept);
    }

    private List<InetAddress> resolve(String hostname) throws UnknownHostException {
        Long set = DEADLINE.get();
        long deadline = set != null ? set : System.nanoTime() + fallbackWaitNanos;
        Future<List<InetAddress>> answer;
        try {
            answer = resolver.submit(() -> delegate.lookup(hostname));
        } catch (RejectedExecutionException e) {
            throw new UnknownHostException("too many dns lookups in progress");
        }
        try {
            List<InetAddress> found = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (found == null || found.isEmpty()) {
                throw new UnknownHostException(hostname);
            }
            return found;
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new LookupTimeoutException("no dns answer for " + hostname + " before the deadline");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted while resolving " + hostname);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException u) {
                throw u;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            UnknownHostException u = new UnknownHostException(hostname);
            u.initCause(cause);
            throw u;
        }
    }
}
