package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Requests to URLs third parties hand us: WebSub callbacks (verification and delivery) and the hubs sources
 * advertise. The fetcher's address guard applies unchanged — {@link GuardedDns} connects to exactly the answer it
 * checked, {@link GuardedSocketFactory} checks every connection, address literals in any spelling are refused
 * before a request — unless the caller allows private addresses (an intranet, a test). No redirect is followed
 * (WebSub treats a 3xx as a failure; a hub's 307/308 is the caller's to follow), no proxy is used, every request has
 * one total deadline (DNS included), and the response body is read up to a cap. Thread-safe; one connection pool.
 */
public final class OutboundHttp implements AutoCloseable {
    /** Lookups in progress at once; beyond that a request fails at once instead of queueing behind a stuck resolver. */
    private static final int MAX_LOOKUPS = 32;

    /**
     * An answer. {@code body} holds at most the cap the caller gave; {@code truncated} says there was more.
     *
     * @param location the {@code Location} header (for a hub's 307/308), nullable
     */
    public record Reply(int status, byte[] body, boolean truncated, String contentType, String location) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String userAgent;
    private final OkHttpClient publicOnly;
    private final OkHttpClient anyAddress;
    private final ThreadPoolExecutor resolver;

    public OutboundHttp(String userAgent) {
        this(userAgent, Dns.SYSTEM, AddressGuard::isPublic);
    }

    /** For tests: a fake resolver and a guard policy. */
    OutboundHttp(String userAgent, Dns dns, Predicate<InetAddress> publicAddress) {
        this.userAgent = userAgent;
        AtomicInteger n = new AtomicInteger();
        this.resolver = new ThreadPoolExecutor(0, MAX_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "karvon-outbound-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        OkHttpClient base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)
                .build();
        long fallback = Duration.ofSeconds(30).toNanos();
        this.anyAddress = base.newBuilder().dns(new GuardedDns(dns, a -> true, resolver, fallback)).build();
        this.publicOnly = base.newBuilder()
                .dns(new GuardedDns(dns, publicAddress, resolver, fallback))
                .socketFactory(new GuardedSocketFactory(publicAddress))
                .build();
    }

    /** GET {@code url}; the answer whatever its status. */
    public Reply get(URI url, boolean allowPrivate, Duration timeout, int maxBody) throws FetchException {
        return send(request(url, allowPrivate).get(), allowPrivate, timeout, maxBody);
    }

    /** POST {@code body} to {@code url} with these extra headers; the answer whatever its status. */
    public Reply post(URI url, boolean allowPrivate, Map<String, String> headers, byte[] body, String contentType,
                      Duration timeout, int maxBody) throws FetchException {
        Request.Builder b = request(url, allowPrivate).post(RequestBody.create(body, MediaType.parse(contentType)));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                b.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                throw new FetchException("invalid", "request header '" + h.getKey() + "' is not printable ASCII");
            }
        }
        return send(b, allowPrivate, timeout, maxBody);
    }

    private Request.Builder request(URI url, boolean allowPrivate) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("blocked-scheme", "scheme '" + Redact.detail(scheme) + "' is not http or https");
        }
        HttpUrl u = HttpUrl.parse(url.toString());
        if (u == null) throw new FetchException("invalid", "invalid url");
        if (!allowPrivate) {
            try {
                InetAddress literal = AddressGuard.literal(u.host());
                if (literal != null && !AddressGuard.isPublic(literal)) {
                    throw new FetchException("blocked-address", "non-public address " + literal.getHostAddress() + " refused");
                }
            } catch (UnknownHostException e) {
                throw new FetchException("blocked-address", "ambiguous numeric host refused");
            }
        }
        return new Request.Builder().url(u).header("User-Agent", userAgent);
    }

    private Reply send(Request.Builder b, boolean allowPrivate, Duration timeout, int maxBody) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Call call = (allowPrivate ? anyAddress : publicOnly).newCall(b.build());
        call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try (Response resp = GuardedDns.within(deadline, call::execute)) {
            ResponseBody body = resp.body();
            byte[] buf = new byte[Math.max(0, maxBody)];
            int n = 0;
            boolean more = false;
            try (InputStream in = body.byteStream()) {
                while (n < buf.length) {
                    int r = in.read(buf, n, buf.length - n);
                    if (r < 0) break;
                    n += r;
                }
                more = n == buf.length && in.read() >= 0;
            }
            return new Reply(resp.code(), Arrays.copyOf(buf, n), more, resp.header("Content-Type"), resp.header("Location"));
        } catch (IOException e) {
            throw classify(e, timeout, deadline);
        }
    }

    private static FetchException classify(IOException e, Duration timeout, long deadline) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockedAddressException) return new FetchException("blocked-address", "non-public address refused");
            if (t instanceof GuardedDns.LookupTimeoutException) {
                return new FetchException("timeout", "timeout: no dns answer within " + timeout.toMillis() + " ms");
            }
        }
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof BlockedAddressException) return new FetchException("blocked-address", "non-public address refused");
        }
        if (System.nanoTime() - deadline >= 0 || e instanceof InterruptedIOException) {
            return new FetchException("timeout", "timeout: no complete answer within " + timeout.toMillis() + " ms");
        }
        if (e instanceof UnknownHostException) return new FetchException("io", "unknown host");
        return new FetchException("io", Redact.detail(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    @Override
    public void close() {
        publicOnly.connectionPool().evictAll();
        anyAddress.connectionPool().evictAll();
        resolver.shutdownNow();
    }
}
