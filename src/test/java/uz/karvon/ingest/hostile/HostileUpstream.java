package uz.karvon.ingest.hostile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hostile upstream lab: one loopback HTTP/1.1 server, written by hand on plain sockets so a response can break
 * anywhere (an RST mid-body, silence after accept, a byte every few seconds, a chunked body with no end, a gzip bomb),
 * serving 53 broken or hostile feed behaviours ({@link #cases()}) and three healthy feeds ({@link #healthy()}).
 *
 * <p>Bookkeeping that tests read through {@link #hits()}: requests per path, conditional requests, callbacks to
 * {@code /_cb/<tag>} (where the XXE and DTD cases point, so any resolved entity is seen), redirects issued.
 *
 * <p>Safety: binds 127.0.0.1 only; never opens a connection itself (redirects to {@code file:}, private or metadata
 * addresses are only issued); every slow or endless response ends after {@link Options#maxStream()}; nothing large is
 * held in memory (bombs and big feeds are generated while written); {@link #close()} ends every connection at once.
 */
public final class HostileUpstream implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 256;
    private static final int IDLE_TIMEOUT_MS = 30_000;

    /**
     * Bounds of the lab's streams.
     *
     * @param maxStream     upper bound of every slow, hanging or endless response
     * @param gzipBombMiB   inflated size of the gzip bomb
     * @param endlessMaxMiB byte cap of the endless chunked body
     * @param slowInterval  pause between the bytes of the slowloris body
     * @param canaryFile    a file the XXE case also tries to read (its text must appear nowhere), or null
     */
    public record Options(Duration maxStream, int gzipBombMiB, int endlessMaxMiB, Duration slowInterval, Path canaryFile) {
        /** 60 s streams, a 2 GiB bomb, a 2 GiB endless body, a byte every 3 s, no canary. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), 2048, 2048, Duration.ofSeconds(3), null);
        }

        public Options withMaxStream(Duration d) {
            return new Options(d, gzipBombMiB, endlessMaxMiB, slowInterval, canaryFile);
        }

        public Options withGzipBombMiB(int mib) {
            return new Options(maxStream, mib, endlessMaxMiB, slowInterval, canaryFile);
        }

        public Options withEndlessMaxMiB(int mib) {
            return new Options(maxStream, gzipBombMiB, mib, slowInterval, canaryFile);
        }

        public Options withSlowInterval(Duration d) {
            return new Options(maxStream, gzipBombMiB, endlessMaxMiB, d, canaryFile);
        }

        public Options withCanaryFile(Path file) {
            return new Options(maxStream, gzipBombMiB, endlessMaxMiB, slowInterval, file);
        }
    }

    private static final List<HostileCase> CASES = catalogue();
    private static final Map<String, HostileCase> BY_PATH = byPath();

    private final Options options;
    private final ServerSocket server;
    private final String base;
    private final Hits hits = new Hits();
    private final HealthyFeeds healthyFeeds = new HealthyFeeds(Instant.now());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final ExecutorService pool;
    private final Thread acceptor;
    private final GzipBomb gzipBomb;

    private HostileUpstream(Options options) throws IOException {
        this.options = options;
        // built before the port opens: its headers must not wait for the CRC of a GiB on a loaded machine
        this.gzipBomb = new GzipBomb(FeedText.rssHead("gzip bomb") + "<item><title>bomb</title><description>",
                "</description></item></channel></rss>\n", options.gzipBombMiB());
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.base = "http://127.0.0.1:" + server.getLocalPort();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-upstream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "hostile-upstream-accept");
        acceptor.setDaemon(true);
    }

    /** Starts the lab on a free loopback port. */
    public static HostileUpstream start(Options options) throws IOException {
        HostileUpstream lab = new HostileUpstream(options);
        lab.acceptor.start();
        return lab;
    }

    /** The 53 hostile cases, in catalogue order. */
    public static List<HostileCase> cases() {
        return CASES;
    }

    /** The three healthy feeds. */
    public static List<HostileCase> healthy() {
        return HealthyFeeds.catalogue();
    }

    /** The passwd lines an XXE or XInclude would leak; none may appear in any output. */
    public static List<String> passwdMarkers() {
        return List.of("root:x:0:0:", "daemon:x:1:1:");
    }

    /** Text every callback answers with (a resolved entity would carry it into the output). */
    public static final String CALLBACK_PREFIX = "KARVON-LAB-CALLBACK-";

    public String base() {
        return base;
    }

    /** Full URL of a case or healthy feed. */
    public String url(HostileCase c) {
        return base + c.path();
    }

    public Options options() {
        return options;
    }

    public Hits hits() {
        return hits;
    }

    /** Current bucket of the healthy feeds (0 at start). */
    public int healthyBucket() {
        return healthyFeeds.bucket();
    }

    /** Starts the next bucket: each healthy feed gains one item. Returns the new bucket. */
    public int advanceHealthy() {
        return healthyFeeds.advance();
    }

    HealthyFeeds healthyFeeds() {
        return healthyFeeds;
    }

    GzipBomb gzipBomb() {
        return gzipBomb;
    }

    boolean stopping() {
        return stopped.getCount() == 0;
    }

    void awaitStop(Duration d) {
        try {
            stopped.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every stream and connection now. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!stopping()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;   // closed
            }
            if (!slots.tryAcquire()) {
                closeQuietly(s);
                continue;
            }
            open.add(s);
            try {
                pool.execute(() -> {
                    try {
                        serve(s);
                    } finally {
                        open.remove(s);
                        closeQuietly(s);
                        slots.release();
                    }
                });
            } catch (RuntimeException rejected) {   // shutting down
                open.remove(s);
                closeQuietly(s);
                slots.release();
            }
        }
    }

    /** Requests on one connection, kept alive until the client or a case ends it. */
    private void serve(Socket s) {
        try {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            while (!stopping()) {
                Request r = Request.read(in);
                if (r == null) return;
                int hit = hits.request(r.path(), r.headers().containsKey("if-none-match"));
                Exchange x = new Exchange(this, s, out, r, hit);
                route(x);
                out.flush();
                if (x.closeRequested() || !r.keepAlive() || s.isClosed()) return;
            }
        } catch (IOException e) {
            // the client went away, idled out or sent garbage: end this connection only
        }
    }

    private void route(Exchange x) throws IOException {
        String path = x.path();
        if (path.startsWith("/_cb/")) {
            String tag = path.substring("/_cb/".length());
            hits.callback(new Hits.Callback(tag, x.target(), String.valueOf(x.header("User-Agent"))));
            if (tag.endsWith(".dtd")) {
                x.send(200, "application/xml-dtd", FeedText.utf8("<!ENTITY cbmarker \"" + CALLBACK_PREFIX + tag + "\">"));
            } else {
                x.send(200, "text/plain", FeedText.utf8(CALLBACK_PREFIX + tag));
            }
            return;
        }
        if (path.startsWith("/healthy/")) {
            healthyFeeds.respond(x);
            return;
        }
        if (path.equals(RedirectAndStatusCases.MOVED_301) || path.equals(RedirectAndStatusCases.TARGET_302)) {
            x.send(200, XmlCases.RSS, RedirectAndStatusCases.movedTarget(path));
            return;
        }
        HostileCase c = BY_PATH.get(path);
        if (c == null) {
            x.send(404, "text/plain", FeedText.utf8("no such case\n"));
            return;
        }
        c.responder().respond(x);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static List<HostileCase> catalogue() {
        List<HostileCase> all = new ArrayList<>();
        all.addAll(XmlCases.all());
        all.addAll(TransportCases.all());
        all.addAll(RedirectAndStatusCases.all());
        all.addAll(EncodingCases.all());
        all.addAll(DataCases.all());
        return List.copyOf(all);
    }

    private static Map<String, HostileCase> byPath() {
        Map<String, HostileCase> m = new LinkedHashMap<>();
        for (HostileCase c : CASES) {
            if (m.put(c.path(), c) != null) throw new IllegalStateException("two cases at " + c.path());
        }
        return Map.copyOf(m);
    }
}
