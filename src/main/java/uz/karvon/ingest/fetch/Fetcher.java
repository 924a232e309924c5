package uz.karvon.ingest.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches feeds politely and defensively: conditional GET, own redirect handling (scheme and
 * address checked on every hop, by the one {@link GuardedDns} whose answer is also what is connected
 * to), own gzip/deflate decoding with a decoded-size cap, bodies held against one shared
 * {@link BodyBudget}, connect/read timeouts plus one total deadline for the whole fetch, DNS included.
 * Thread-safe; one connection pool.
 */
public final class Fetcher implements AutoCloseable {

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    /** Headers the fetcher owns; per-source values for these are ignored. */
    private static final Set<String> RESERVED = Set.of("host", "accept-encoding", "connection", "content-length",
            "transfer-encoding", "te", "upgrade", "keep-alive", "proxy-connection", "if-none-match",
            "if-modified-since", "user-agent");
    /** Lookups in progress at once; beyond that a fetch fails at once instead of queueing behind a stuck resolver. */
    private static final int MAX_LOOKUPS = 64;

    private final FetchSettings settings;
    private final Clock clock;
    private final OkHttpClient publicOnly;
    private final OkHttpClient anyAddress;
    private final Predicate<InetAddress> publicAddress;
    private final ThreadPoolExecutor resolver;
    private final BodyBudget budget;

    public Fetcher(FetchSettings s, Clock clock) {
        this(s, clock, Dns.SYSTEM, AddressGuard::isPublic);
    }

    /** For tests: a fake resolver and a guard policy (e.g. one that lets the loopback test server count as public). */
    Fetcher(FetchSettings s, Clock clock, Dns dns, Predicate<InetAddress> publicAddress) {
        this.settings = Objects.requireNonNull(s, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publicAddress = Objects.requireNonNull(publicAddress, "publicAddress");
        this.budget = new BodyBudget(s.maxBytesInFlight());
        AtomicInteger n = new AtomicInteger();
        this.resolver = new ThreadPoolExecutor(0, MAX_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "karvon-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long lookupWait = s.callTimeout().toNanos();
        OkHttpClient base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(16, 2, TimeUnit.MINUTES))
                .connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .writeTimeout(s.readTimeout())
                .callTimeout(s.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY)              // a system proxy would connect on our behalf, past the guard
                .build();
        // Two policies, two resolvers (so pooled connections are never shared between them): the configured host of
        // an intranet source may be on any address; everything else must resolve to public addresses only.
        this.anyAddress = base.newBuilder()
                .dns(new GuardedDns(dns, a -> true, resolver, lookupWait))
                .build();
        this.publicOnly = base.newBuilder()
                .dns(new GuardedDns(dns, publicAddress, resolver, lookupWait))
                .socketFactory(new GuardedSocketFactory(publicAddress))
                .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    /** The budget every body this fetcher reads is held against; callers that keep a body open a lease on it. */
    public BodyBudget budget() {
        return budget;
    }

    /**
     * Fetches {@code r.url()}; the body's bytes are given back to the shared budget when this returns.
     *
     * @return status 2xx with the decoded body, or 304 with an empty body
     * @throws FetchException with a stable {@link FetchException#reason()}; never a partial body
     */
    public FetchResult fetch(FetchRequest r) throws FetchException {
        try (BodyBudget.Lease lease = budget.lease()) {
            return fetch(r, lease);
        }
    }

    /**
     * Fetches {@code r.url()}, holding the body's bytes in {@code lease} until the caller closes it (after parsing).
     * When other fetches hold the whole budget, waits for them until this fetch's deadline, then fails as
     * {@code busy}.
     */
    public FetchResult fetch(FetchRequest r, BodyBudget.Lease lease) throws FetchException {
        long deadline = System.nanoTime() + settings.callTimeout().toNanos();
        String shown = Redact.url(r.url());
        URI current = r.url();
        // An intranet source may be fetched on its private address, but a redirect to another host is held to
        // the public-only rule: an admin's trust in one host is not trust in the network behind it.
        HttpUrl configured = HttpUrl.parse(r.url().toString());
        URI permanent = null;
        boolean permanentRun = true;
        HttpUrl origin = null;
        for (int hop = 0; ; hop++) {
            boolean privateOk = r.allowPrivateNetwork() && configured != null && sameMachine(configured.host(), hostOf(current));
            OkHttpClient client = privateOk ? anyAddress : publicOnly;
            HttpUrl url = checkTarget(current, privateOk, shown, hop);
            if (origin == null) {
                origin = url;
            }
            boolean sameOrigin = sameOrigin(origin, url);
            Call call = client.newCall(buildRequest(url, r, sameOrigin));
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new FetchException("timeout", prefix(shown) + "timeout: total deadline of "
                        + settings.callTimeout().toMillis() + " ms exceeded");
            }
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
            boolean readingBody = false;
            try (Response resp = GuardedDns.within(deadline, call::execute)) {
                int code = resp.code();
                if (isRedirect(code)) {
                    URI next = location(resp, shown, code);
                    if (hop >= settings.maxRedirects()) {
                        throw new FetchException("too-many-redirects", prefix(shown) + "more than "
                                + settings.maxRedirects() + " redirects", code, null);
                    }
                    if (permanentRun && (code == 301 || code == 308)) {
                        permanent = next;
                    } else {
                        permanentRun = false;
                    }
                    current = next;
                    continue;
                }
                if (code == 304) {
                    return new FetchResult(304, new byte[0], resp.header("Content-Type"),
                            orElse(resp.header("ETag"), r.etag()), orElse(resp.header("Last-Modified"), r.lastModified()),
                            current, permanent, resp.headers("Link"), resp.header("Content-Location"));
                }
                if (code >= 200 && code < 300) {
                    ResponseBody body = resp.body();
                    long length = body.contentLength();
                    if (length > settings.maxBodyBytes()) {
                        throw tooLarge(shown, "content-length " + length);
                    }
                    readingBody = true;
                    BodyReader.Reservation held = BodyReader.Reservation.on(lease, deadline);
                    if (length > 0) {
                        held.hold(length);          // an honest length waits for its whole budget before reading
                    }
                    byte[] bytes = BodyReader.read(body.byteStream(), resp.header("Content-Encoding"),
                            settings.maxBodyBytes(), held);
                    return new FetchResult(code, bytes, resp.header("Content-Type"), resp.header("ETag"),
                            resp.header("Last-Modified"), current, permanent, resp.headers("Link"),
                            resp.header("Content-Location"));
                }
                throw statusError(code, resp, shown);
            } catch (IOException e) {
                throw classify(e, readingBody, deadline, shown);
            }
        }
    }

    /**
     * The same host name, or two names of this machine (localhost, 127.0.0.1, ::1). Decided on the names alone: a
     * lookup here would be a second DNS answer beside the one connected to (a rebinding window), and whoever runs a
     * name's DNS could point it at the intranet host's address to borrow its trust.
     */
    private static boolean sameMachine(String configured, String target) {
        return configured.equalsIgnoreCase(target) || namesLoopback(configured) && namesLoopback(target);
    }

    private static boolean namesLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        try {
            InetAddress literal = AddressGuard.literal(h);
            return literal != null && literal.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostOf(URI u) {
        HttpUrl h = HttpUrl.parse(u.toString());
        return h == null ? "" : h.host();
    }

    private HttpUrl checkTarget(URI target, boolean allowPrivate, String shown, int hop) throws FetchException {
        String what = hop == 0 ? "" : "redirect to " + Redact.url(target) + " refused: ";
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("blocked-scheme", prefix(shown) + what + "scheme '"
                    + Redact.detail(scheme.isEmpty() ? "none" : scheme) + "' is not http or https");
        }
        HttpUrl url = HttpUrl.parse(target.toString());
        if (url == null) {
            throw new FetchException("io", prefix(shown) + what + "invalid url");
        }
        if (!allowPrivate) {
            try {
                InetAddress literal = AddressGuard.literal(url.host());
                if (literal != null && !publicAddress.test(literal)) {
                    throw new FetchException("blocked-address", prefix(shown) + what + "non-public address "
                            + literal.getHostAddress());
                }
            } catch (UnknownHostException e) {
                throw new FetchException("blocked-address", prefix(shown) + what + "ambiguous numeric host");
            }
        }
        return url;
    }

    private Request buildRequest(HttpUrl url, FetchRequest r, boolean sameOrigin) throws FetchException {
        Request.Builder b = new Request.Builder().url(url).get();
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (RESERVED.contains(name) || !sameOrigin && Redact.isSecretName(name)) {
                continue;
            }
            header(b, h.getKey(), h.getValue());
        }
        header(b, "User-Agent", r.userAgent() != null && !r.userAgent().isBlank() ? r.userAgent() : settings.userAgent());
        if (r.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Accept"))) {
            b.header("Accept", ACCEPT);
        }
        // Set by us, so OkHttp does not decode transparently and we can cap the decoded size.
        b.header("Accept-Encoding", "gzip, deflate");
        if (r.etag() != null && !r.etag().isBlank()) {
            b.header("If-None-Match", r.etag());
        }
        if (r.lastModified() != null && !r.lastModified().isBlank()) {
            b.header("If-Modified-Since", r.lastModified());
        }
        return b.build();
    }

    /** OkHttp refuses names and values outside printable ASCII; say which header, never its value (it may be a key). */
    private static void header(Request.Builder b, String name, String value) throws FetchException {
        try {
            b.header(name, value);
        } catch (IllegalArgumentException e) {
            throw new FetchException("invalid", "request header '" + name + "' is not printable ASCII; fix it in feeds.yml");
        }
    }

    // Per-source secrets must not follow a redirect to another origin.
    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static URI location(Response resp, String shown, int code) throws FetchException {
        String loc = resp.header("Location");
        if (loc == null || loc.isBlank()) {
            throw new FetchException("http-status", prefix(shown) + "HTTP " + code + " without location", code, null);
        }
        String trimmed = loc.trim();
        HttpUrl resolved = resp.request().url().resolve(trimmed);   // relative, scheme-relative or absolute http(s)
        if (resolved != null) {
            return resolved.uri();
        }
        int colon = trimmed.indexOf(':');
        String scheme = colon > 0 ? trimmed.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (scheme.matches("[a-z][a-z0-9+.-]*") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("blocked-scheme", prefix(shown) + "redirect to scheme '" + scheme
                    + "' refused: not http or https", code, null);
        }
        throw new FetchException("http-status", prefix(shown) + "HTTP " + code + " with invalid location", code, null);
    }

    private FetchException statusError(int code, Response resp, String shown) {
        if (code == 410) {
            return new FetchException("gone", prefix(shown) + "HTTP 410 gone", code, null);
        }
        if (code == 429 || code == 503) {
            Instant now = clock.instant();
            Instant retry = RetryAfter.parse(resp.header("Retry-After"), now);
            String msg = prefix(shown) + "HTTP " + code + (retry != null ? ", retry after " + retry : "");
            return new FetchException("rate-limited", msg, code, retry);
        }
        return new FetchException("http-status", prefix(shown) + "HTTP " + code, code, null);
    }

    private FetchException classify(IOException e, boolean readingBody, long deadline, String shown) {
        if (e instanceof BodyReader.TooLargeException) {
            return tooLarge(shown, "decoded body exceeds the cap");
        }
        if (e instanceof BodyReader.UnsupportedEncodingException) {
            return new FetchException("io", prefix(shown) + Redact.detail(e.getMessage()));
        }
        if (e instanceof BodyBudget.ExhaustedException) {
            return new FetchException("busy", prefix(shown) + "no memory for the body: " + e.getMessage());
        }
        if (find(e, BlockedAddressException.class) != null) {
            return new FetchException("blocked-address", prefix(shown) + "non-public address refused");
        }
        if (find(e, GuardedDns.LookupTimeoutException.class) != null) {
            return new FetchException("timeout", prefix(shown) + "timeout: no dns answer within the total deadline of "
                    + settings.callTimeout().toMillis() + " ms");
        }
        boolean pastDeadline = System.nanoTime() - deadline >= 0;
        if (pastDeadline || e instanceof InterruptedIOException) {
            String which = pastDeadline ? "total deadline of " + settings.callTimeout().toMillis() + " ms exceeded"
                    : readingBody ? "no data for " + settings.readTimeout().toMillis() + " ms while reading body"
                    : "no response within the connect/read timeout";
            return new FetchException("timeout", prefix(shown) + "timeout: " + which);
        }
        if (readingBody) {
            return new FetchException("truncated", prefix(shown) + "body truncated ("
                    + Redact.detail(e.getClass().getSimpleName() + ": " + e.getMessage()) + ")");
        }
        if (e instanceof UnknownHostException) {
            return new FetchException("io", prefix(shown) + "unknown host");
        }
        return new FetchException("io", prefix(shown) + Redact.detail(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private FetchException tooLarge(String shown, String detail) {
        return new FetchException("too-large", prefix(shown) + "body larger than " + settings.maxBodyBytes()
                + " bytes (" + detail + ")");
    }

    /** Looks through causes and suppressed exceptions (OkHttp keeps one failure per route). */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable x = todo.poll();
            if (!seen.add(x)) {
                continue;
            }
            if (type.isInstance(x)) {
                return type.cast(x);
            }
            if (x.getCause() != null) {
                todo.add(x.getCause());
            }
            for (Throwable s : x.getSuppressed()) {
                todo.add(s);
            }
        }
        return null;
    }

    private static String prefix(String shownUrl) {
        return "fetch " + shownUrl + ": ";
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public void close() {
        anyAddress.dispatcher().executorService().shutdown();
        anyAddress.connectionPool().evictAll();
        resolver.shutdownNow();
    }
}
