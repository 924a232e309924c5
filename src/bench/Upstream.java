/*
 * Upstream — a loopback mock of N external feed servers on one port, for karvon's poll-cycle benchmarks
 * (JDK only, no build step; it loads GenCorpus.java from its own folder for the feed bytes).
 *
 *   java -Xmx1g src/bench/Upstream.java [--port 8181] [--feeds 10000] [--seed karvon-1] [--change-fraction 0.1]
 *        [--latency-ms 0] [--jitter-ms 0] [--cycle-seconds 0] [--no-gzip] [--max-seconds 3600] [--threads 8]
 *
 * --port 0 picks a free port. The first line on stdout, once every feed is built and the port is open, is
 *   upstream ready on http://127.0.0.1:PORT feeds=N gzip=true latency_ms=10.0 startup_s=4.2 pid=1234
 *
 * Endpoints
 *   GET  /feed/{n}.xml     feed n (0 <= n < N) at its current revision: GenCorpus.pollFeed(seed, n, rev), so revision 0
 *                          is byte-identical to `GenCorpus --seed S`'s poll/feed/{n}.xml. Headers: ETag "n.rev",
 *                          Last-Modified (one hour per revision), Cache-Control: max-age=300, Vary: Accept-Encoding,
 *                          Content-Type with the feed's charset (utf-8 or windows-1251). 304 Not Modified when
 *                          If-None-Match lists the current ETag (strong or W/, or *), or else when If-Modified-Since is
 *                          at or after Last-Modified (If-None-Match takes precedence, RFC 9110 §13.2.2). gzip (pre-
 *                          compressed) when the request's Accept-Encoding mentions gzip, unless --no-gzip. HEAD: headers only.
 *   GET  /advance[?fraction=F]  starts the next cycle: a deterministic F of the feeds (default --change-fraction; the
 *                          choice depends only on seed and cycle number) gains one new item (a new revision), then the
 *                          per-cycle counters restart. The new revisions are built first and switched in at once, so
 *                          requests meanwhile see the old cycle, never a mix. Answers
 *                          {"cycle":1,"changed":1000,"fraction":0.1,"regenerate_s":0.8}.
 *   GET  /stats            JSON: feeds, cycle, seed, latency_ms, jitter_ms, gzip, change_fraction, startup_s,
 *                          "totals" (since start or /reset) and "this_cycle" (since the last /advance or /reset), each with
 *                            requests, status_200, status_304, status_404   feed requests by answer
 *                            body_bytes, wire_bytes    body bytes sent; body plus status line and headers (approximate:
 *                                                      the headers this program sets, plus Date and Content-length)
 *                            conditional               requests carrying If-None-Match or If-Modified-Since
 *                            gzip                      200s sent gzip-encoded
 *                            redundant_200             a revision sent in full that had been sent in full before (to any
 *                                                      client: with several karvon instances on one database this also
 *                                                      counts work done twice across instances)
 *                            changed_sent_200          200s of feeds changed by the last /advance
 *                          and in this_cycle also distinct_feeds (feeds requested at least once), changed_feeds,
 *                          span_s (first to last feed request of the cycle) and first_after_advance_s;
 *                          then control_requests (these endpoints), connections_total (distinct client address:port
 *                          pairs seen, i.e. TCP connections used), in_flight_peak (most feed requests answered at once,
 *                          latency included).
 *   GET  /reset            zeroes every counter (revisions are kept)
 *   GET  /feeds.yml        the `sources:` block of a karvon feeds.yml listing every feed (poll-00000 …) at this server
 *   GET  /health           "ok"
 *
 * Latency: every feed response is delayed by --latency-ms plus a uniform 0..--jitter-ms, on a timer, so waiting
 * requests hold no thread and do not slow each other. --cycle-seconds S runs /advance every S seconds by itself.
 *
 * Safety and bounds: binds 127.0.0.1 only; never connects anywhere; exits by itself after --max-seconds (default an
 * hour); stop it earlier by its PID (SIGTERM). Memory: the feeds are held raw and gzipped, about 200 MB for 10,000,
 * so give it -Xmx1g.
 *
 * Capacity on the 2-core development VM: see BENCHMARKS.md ("Benchmark workloads"); far above what one poller needs.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import javax.tools.ToolProvider;

public final class Upstream {

    record Options(int port, int feeds, String seed, double changeFraction, double latencyMs, double jitterMs,
                   double cycleSeconds, boolean gzip, double maxSeconds, int threads) {
        static Options parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("port", System.getenv().getOrDefault("UPSTREAM_PORT", "8181"));
            o.put("feeds", "10000");
            o.put("seed", "karvon-1");
            o.put("change-fraction", "0.1");
            o.put("latency-ms", "0");
            o.put("jitter-ms", "0");
            o.put("cycle-seconds", "0");
            o.put("max-seconds", "3600");
            o.put("threads", "8");
            boolean gzip = true;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-gzip")) {
                    gzip = false;
                } else if (a.startsWith("--") && o.containsKey(a.substring(2)) && i + 1 < args.length) {
                    o.put(a.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown or incomplete argument: " + a);
                }
            }
            try {
                Options opt = new Options(Integer.parseInt(o.get("port")), Integer.parseInt(o.get("feeds")), o.get("seed"),
                        Double.parseDouble(o.get("change-fraction")), Double.parseDouble(o.get("latency-ms")),
                        Double.parseDouble(o.get("jitter-ms")), Double.parseDouble(o.get("cycle-seconds")), gzip,
                        Double.parseDouble(o.get("max-seconds")), Integer.parseInt(o.get("threads")));
                if (opt.feeds < 1 || opt.threads < 1 || opt.maxSeconds <= 0 || opt.latencyMs < 0 || opt.jitterMs < 0
                        || opt.changeFraction < 0 || opt.changeFraction > 1 || opt.port < 0 || opt.port > 65535) {
                    throw new IllegalArgumentException("out of range: " + o);
                }
                return opt;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + e.getMessage());
            }
        }
    }

    /** The polling set's bytes, from GenCorpus.java (loaded reflectively: a single-file program sees no other source). */
    record Generator(MethodHandle feed, MethodHandle contentType, MethodHandle lastModified, MethodHandle sourcesYaml) {
        static Generator load() throws Exception {
            Class<?> c;
            try {
                c = Class.forName("GenCorpus");   // compiled together with this file
            } catch (ClassNotFoundException notCompiledTogether) {
                Path self = Path.of(System.getProperty("jdk.launcher.sourcefile", "src/bench/Upstream.java"));
                Path source = self.toAbsolutePath().resolveSibling("GenCorpus.java");
                if (!Files.isRegularFile(source)) throw new IllegalStateException("GenCorpus.java not found beside " + self);
                Path classes = Files.createTempDirectory("karvon-upstream-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(classes)));
                var javac = ToolProvider.getSystemJavaCompiler();
                if (javac == null) throw new IllegalStateException("no Java compiler: run Upstream with a JDK, not a JRE");
                if (javac.run(null, null, null, "-nowarn", "-d", classes.toString(), source.toString()) != 0) {
                    throw new IllegalStateException("could not compile " + source);
                }
                c = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Upstream.class.getClassLoader()).loadClass("GenCorpus");
            }
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            return new Generator(
                    l.findStatic(c, "pollFeed", MethodType.methodType(byte[].class, String.class, int.class, int.class)),
                    l.findStatic(c, "pollContentType", MethodType.methodType(String.class, String.class, int.class)),
                    l.findStatic(c, "pollLastModified", MethodType.methodType(long.class, int.class, int.class)),
                    l.findStatic(c, "pollSourcesYaml", MethodType.methodType(String.class, String.class, int.class, String.class)));
        }

        byte[] feed(String seed, int n, int rev) {
            try {
                return (byte[]) feed.invokeExact(seed, n, rev);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        String contentType(String seed, int n) {
            try {
                return (String) contentType.invokeExact(seed, n);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        long lastModified(int n, int rev) {
            try {
                return (long) lastModified.invokeExact(n, rev);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        String sourcesYaml(String seed, int feeds, String base) {
            try {
                return (String) sourcesYaml.invokeExact(seed, feeds, base);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private static void deleteTree(Path dir) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp dir: best effort
            }
        }
    }

    /** One revision of one feed, immutable. */
    record Revision(int rev, byte[] body, byte[] gzip, String etag, long lastModified, String lastModifiedText) {
    }

    /** Counters of the whole run or of one cycle. */
    static final class Counters {
        long requests, status200, status304, status404, bodyBytes, wireBytes, conditional, gzip, redundant200, changedSent200;

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", requests);
            m.put("status_200", status200);
            m.put("status_304", status304);
            m.put("status_404", status404);
            m.put("body_bytes", bodyBytes);
            m.put("wire_bytes", wireBytes);
            m.put("conditional", conditional);
            m.put("gzip", gzip);
            m.put("redundant_200", redundant200);
            m.put("changed_sent_200", changedSent200);
            return m;
        }
    }

    /** IMF-fixdate (RFC 9110 §5.6.7) for writing: two-digit day, which RFC_1123_DATE_TIME does not pad. */
    private static final DateTimeFormatter HTTP_DATE_OUT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(java.time.ZoneOffset.UTC);
    /** Lenient for reading (also one-digit days). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Options opt;
    private final Generator gen;
    private final String[] contentTypes;
    private final AtomicReferenceArray<Revision> feeds;
    private final int[] sentFull;          // highest revision of each feed already sent in full
    private final double startupSeconds;
    private final Object advanceLock = new Object();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, daemon("upstream-timer"));
    private final ExecutorService workers;

    // guarded by this
    private Counters total = new Counters();
    private Counters cycleCounters = new Counters();
    private int cycle;
    private BitSet changed = new BitSet();
    private BitSet seen = new BitSet();
    private int distinct;
    private long firstNanos = -1;
    private long lastNanos = -1;
    private long cycleStartNanos = System.nanoTime();
    private long controlRequests;
    private int inFlight;
    private int inFlightPeak;
    private final Set<InetSocketAddress> connections = new HashSet<>();

    Upstream(Options opt, Generator gen) {
        this.opt = opt;
        this.gen = gen;
        this.workers = Executors.newFixedThreadPool(opt.threads, daemon("upstream-http"));
        long t0 = System.nanoTime();
        contentTypes = new String[opt.feeds];
        feeds = new AtomicReferenceArray<>(opt.feeds);
        sentFull = new int[opt.feeds];
        java.util.Arrays.fill(sentFull, -1);
        IntStream.range(0, opt.feeds).parallel().forEach(n -> {
            contentTypes[n] = gen.contentType(opt.seed, n);
            feeds.set(n, build(n, 0));
        });
        startupSeconds = (System.nanoTime() - t0) / 1e9;
    }

    Revision build(int n, int rev) {
        byte[] body = gen.feed(opt.seed, n, rev);
        byte[] gz = null;
        if (opt.gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
            try (GZIPOutputStream g = new GZIPOutputStream(out)) {
                g.write(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            gz = out.toByteArray();
        }
        long lm = gen.lastModified(n, rev);
        return new Revision(rev, body, gz, "\"" + n + "." + rev + "\"", lm,
                HTTP_DATE_OUT.format(Instant.ofEpochSecond(lm)));
    }

    // ------------------------------------------------------------------ feeds

    void feed(HttpExchange x, int n) throws IOException {
        String inm = x.getRequestHeaders().getFirst("If-None-Match");
        String ims = x.getRequestHeaders().getFirst("If-Modified-Since");
        String ae = x.getRequestHeaders().getFirst("Accept-Encoding");
        Revision r = feeds.get(n);
        boolean notModified = inm != null ? etagMatches(inm, r.etag) : ims != null && notModifiedSince(ims, r);
        boolean useGzip = !notModified && r.gzip != null && ae != null && ae.toLowerCase(Locale.ROOT).contains("gzip");
        byte[] payload = notModified || "HEAD".equals(x.getRequestMethod()) ? new byte[0] : useGzip ? r.gzip : r.body;
        var h = x.getResponseHeaders();
        h.set("ETag", r.etag);
        h.set("Last-Modified", r.lastModifiedText);
        h.set("Cache-Control", "max-age=300");
        if (!notModified) {
            h.set("Content-Type", contentTypes[n]);
            h.set("Vary", "Accept-Encoding");
            if (useGzip) h.set("Content-Encoding", "gzip");
        }
        int status = notModified ? 304 : 200;
        long headBytes = 17 + 37 + 20 + headerBytes(x);   // status line, Date, Content-length, ours
        synchronized (this) {
            record(n, r.rev, status, payload.length, headBytes + payload.length, inm != null || ims != null, useGzip);
            inFlight++;
            inFlightPeak = Math.max(inFlightPeak, inFlight);
            connections.add(x.getRemoteAddress());
        }
        double delayMs = opt.latencyMs + (opt.jitterMs > 0 ? ThreadLocalRandom.current().nextDouble() * opt.jitterMs : 0);
        Runnable send = () -> {
            try {
                if (status == 304 || "HEAD".equals(x.getRequestMethod())) {
                    x.sendResponseHeaders(status, -1);
                } else {
                    x.sendResponseHeaders(status, payload.length);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write(payload);
                    }
                }
            } catch (IOException clientGone) {
                // the poller gave up; nothing to count
            } finally {
                x.close();
                synchronized (this) {
                    inFlight--;
                }
            }
        };
        if (delayMs > 0) {
            timer.schedule(() -> workers.execute(send), Math.round(delayMs * 1000), TimeUnit.MICROSECONDS);
        } else {
            send.run();
        }
    }

    private static long headerBytes(HttpExchange x) {
        long n = 0;
        for (var e : x.getResponseHeaders().entrySet()) {
            for (String v : e.getValue()) n += e.getKey().length() + 4 + v.length();
        }
        return n;
    }

    /** If-None-Match: a list of entity tags, weak comparison (RFC 9110 §13.1.2), or *. */
    static boolean etagMatches(String header, String etag) {
        for (String t : header.split(",")) {
            String tag = t.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) return true;
        }
        return false;
    }

    static boolean notModifiedSince(String header, Revision r) {
        if (header.equals(r.lastModifiedText)) return true;
        try {
            return ZonedDateTime.parse(header.trim(), HTTP_DATE).toEpochSecond() >= r.lastModified;
        } catch (DateTimeParseException e) {
            return false;   // an unparsable date is ignored (RFC 9110 §13.1.3)
        }
    }

    /** Called with the lock held. */
    private void record(int n, int rev, int status, long bodyBytes, long wireBytes, boolean conditional, boolean gzip) {
        long now = System.nanoTime();
        for (Counters c : new Counters[] {total, cycleCounters}) {
            c.requests++;
            c.bodyBytes += bodyBytes;
            c.wireBytes += wireBytes;
            if (conditional) c.conditional++;
            if (gzip) c.gzip++;
            if (status == 200) c.status200++;
            else if (status == 304) c.status304++;
            else c.status404++;
        }
        if (n < 0) return;
        if (firstNanos < 0) firstNanos = now;
        lastNanos = now;
        if (!seen.get(n)) {
            seen.set(n);
            distinct++;
        }
        if (status == 200) {
            if (sentFull[n] >= rev) {
                total.redundant200++;
                cycleCounters.redundant200++;
            }
            sentFull[n] = rev;
            if (changed.get(n)) {
                total.changedSent200++;
                cycleCounters.changedSent200++;
            }
        }
    }

    // ------------------------------------------------------------------ control

    Map<String, Object> advance(double fraction) {
        synchronized (advanceLock) {
            long t0 = System.nanoTime();
            int next;
            synchronized (this) {
                next = cycle + 1;
            }
            int k = (int) Math.round(Math.max(0, Math.min(1, fraction)) * opt.feeds);
            int[] pick = sample(opt.seed + ":cycle:" + next, opt.feeds, k);
            Revision[] built = new Revision[k];
            IntStream.range(0, k).parallel().forEach(i -> built[i] = build(pick[i], feeds.get(pick[i]).rev + 1));
            synchronized (this) {
                cycle = next;
                changed = new BitSet(opt.feeds);
                for (int i = 0; i < k; i++) {
                    feeds.set(pick[i], built[i]);
                    changed.set(pick[i]);
                }
                resetCycle();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cycle", next);
            m.put("changed", k);
            m.put("fraction", fraction);
            m.put("regenerate_s", round((System.nanoTime() - t0) / 1e9, 3));
            return m;
        }
    }

    /** k distinct numbers of 0..n-1, fixed by the key (partial Fisher-Yates). */
    static int[] sample(String key, int n, int k) {
        SplittableRandom r = new SplittableRandom(key.hashCode() * 0x9E3779B97F4A7C15L + key.length());
        int[] all = IntStream.range(0, n).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    private void resetCycle() {
        cycleCounters = new Counters();
        seen = new BitSet(opt.feeds);
        distinct = 0;
        firstNanos = -1;
        lastNanos = -1;
        cycleStartNanos = System.nanoTime();
    }

    synchronized void reset() {
        total = new Counters();
        controlRequests = 0;
        connections.clear();
        inFlightPeak = inFlight;
        resetCycle();
    }

    synchronized Map<String, Object> stats() {
        Map<String, Object> c = cycleCounters.json();
        c.put("distinct_feeds", distinct);
        c.put("changed_feeds", changed.cardinality());
        c.put("span_s", firstNanos < 0 ? null : round((lastNanos - firstNanos) / 1e9, 4));
        c.put("first_after_advance_s", firstNanos < 0 ? null : round((firstNanos - cycleStartNanos) / 1e9, 4));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feeds", opt.feeds);
        m.put("cycle", cycle);
        m.put("seed", opt.seed);
        m.put("latency_ms", opt.latencyMs);
        m.put("jitter_ms", opt.jitterMs);
        m.put("gzip", opt.gzip);
        m.put("change_fraction", opt.changeFraction);
        m.put("startup_s", round(startupSeconds, 2));
        m.put("totals", total.json());
        m.put("this_cycle", c);
        m.put("control_requests", controlRequests);
        m.put("connections_total", connections.size());
        m.put("in_flight_peak", inFlightPeak);
        return m;
    }

    // ------------------------------------------------------------------ HTTP

    void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.startsWith("/feed/") && path.endsWith(".xml")) {
            int n = -1;
            try {
                n = Integer.parseInt(path.substring(6, path.length() - 4));
            } catch (NumberFormatException ignored) {
                // 404 below
            }
            if (n >= 0 && n < opt.feeds) {
                feed(x, n);
                return;
            }
            synchronized (this) {
                record(-1, 0, 404, 13, 13 + 60, false, false);
            }
            send(x, 404, "text/plain", "no such feed\n");
            return;
        }
        synchronized (this) {
            controlRequests++;
        }
        switch (path) {
            case "/stats" -> send(x, 200, "application/json", json(stats()) + "\n");
            case "/advance" -> {
                double f = opt.changeFraction;
                String q = x.getRequestURI().getRawQuery();
                if (q != null) {
                    for (String kv : q.split("&")) {
                        if (kv.startsWith("fraction=")) {
                            try {
                                f = Double.parseDouble(kv.substring(9));
                            } catch (NumberFormatException e) {
                                send(x, 400, "text/plain", "upstream: fraction must be a number, got " + kv.substring(9) + "\n");
                                return;
                            }
                        }
                    }
                }
                send(x, 200, "application/json", json(advance(f)) + "\n");
            }
            case "/reset" -> {
                reset();
                send(x, 200, "text/plain", "reset\n");
            }
            case "/health" -> send(x, 200, "text/plain", "ok\n");
            case "/feeds.yml" -> {
                String host = x.getRequestHeaders().getFirst("Host");
                String base = "http://" + (host != null ? host : "127.0.0.1:" + x.getLocalAddress().getPort());
                send(x, 200, "text/yaml; charset=utf-8", gen.sourcesYaml(opt.seed, opt.feeds, base));
            }
            default -> send(x, 404, "text/plain", "not found\n");
        }
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    /** Enough JSON for flat maps of numbers, strings, booleans, nulls and nested maps. */
    static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            String sep = "";
            for (var e : m.entrySet()) {
                b.append(sep).append('"').append(e.getKey()).append("\": ").append(json(e.getValue()));
                sep = ", ";
            }
            return b.append('}').toString();
        }
        if (v instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return v.toString();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        var n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public static void main(String[] args) throws Exception {
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("upstream: " + e.getMessage() + "\nusage: java -Xmx1g src/bench/Upstream.java [--port 8181] [--feeds 10000]"
                    + " [--seed karvon-1] [--change-fraction 0.1] [--latency-ms 0] [--jitter-ms 0] [--cycle-seconds 0] [--no-gzip]"
                    + " [--max-seconds 3600] [--threads 8]");
            System.exit(2);
            return;
        }
        // Headers and body leave in two writes; without TCP_NODELAY the body waits for the client's delayed ACK
        // (~40 ms per response). Read once when the server classes load, so set it first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Upstream up = new Upstream(opt, Generator.load());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), opt.port), 1024);
        server.createContext("/", x -> {
            try {
                up.handle(x);
            } catch (RuntimeException e) {
                send(x, 500, "text/plain", "upstream: " + e + "\n");
            }
        });
        server.setExecutor(up.workers);
        server.start();
        if (opt.cycleSeconds > 0) {
            long every = Math.round(opt.cycleSeconds * 1000);
            up.timer.scheduleAtFixedRate(() -> up.advance(opt.changeFraction), every, every, TimeUnit.MILLISECONDS);
        }
        var stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.getAndSet(true)) return;
            server.stop(0);
            up.timer.shutdownNow();
            up.workers.shutdownNow();
        };
        up.timer.schedule(() -> {
            stop.run();
            System.exit(0);
        }, Math.round(opt.maxSeconds * 1000), TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        System.out.printf(Locale.ROOT, "upstream ready on http://127.0.0.1:%d feeds=%d gzip=%s latency_ms=%s startup_s=%.1f pid=%d%n",
                server.getAddress().getPort(), opt.feeds, opt.gzip, opt.latencyMs, up.startupSeconds, ProcessHandle.current().pid());
        System.out.flush();
    }
}
