package uz.karvon.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The numbers operators watch, in one registry per server, scraped as Prometheus text at {@code /metrics}. Each
 * package records its events here where they happen; Micrometer types stay inside this class. Every label value is
 * from a fixed set (an outcome, a reason code, a route template, a format, a state): never a URL, a source or
 * client address, or anything a request can choose, so the number of series stays bounded.
 */
public final class Metrics implements AutoCloseable {
    /** Label values are short codes; anything else (a bug, or an unexpected library code) is counted as "other". */
    private static final Pattern CODE = Pattern.compile("[a-z0-9_:./{}-]{1,64}");

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final JvmGcMetrics gc;
    private final List<Object> held = new CopyOnWriteArrayList<>();

    private Metrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, JvmGcMetrics gc) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.gc = gc;
    }

    /** A Prometheus registry with the JVM and process meters bound. */
    public static Metrics prometheus() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(r);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        new FileDescriptorMetrics().bindTo(r);
        return new Metrics(r, r, gc);
    }

    /** Records nothing (a registry without backends): for tools and tests that do not serve /metrics. */
    public static Metrics none() {
        return new Metrics(new CompositeMeterRegistry(), null, null);
    }

    /** The Prometheus text exposition, or empty when this registry has no Prometheus backend. */
    public Optional<String> scrape() {
        return prometheus == null ? Optional.empty() : Optional.of(prometheus.scrape());
    }

    // --- ingest

    /**
     * One refresh of a source ended: {@code outcome} is {@code ok}, {@code not_modified} or {@code error},
     * {@code reason} the error's stable code ({@code timeout}, {@code http-status}, {@code parse:malformed-xml} …,
     * {@code none} on success); {@code took} is the fetch alone (request to body read).
     */
    public void fetched(String outcome, String reason, Duration took) {
        Counter.builder("karvon.fetches").description("Source refreshes by outcome and reason")
                .tag("outcome", code(outcome)).tag("reason", code(reason)).register(registry).increment();
        if (took != null) {
            Timer.builder("karvon.fetch.duration").description("Time to fetch a source's feed (request to body read)")
                    .tag("outcome", code(outcome))
                    .serviceLevelObjectives(ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000), ms(10_000),
                            ms(30_000), ms(60_000))
                    .register(registry).record(took);
        }
    }

    /** A source was refreshed this long after it was due (the poller's lag behind its schedule). */
    public void pollLag(Duration lag) {
        Timer.builder("karvon.poll.lag").description("How late a source refresh started after it was due")
                .serviceLevelObjectives(ms(1000), ms(5000), ms(30_000), ms(60_000), ms(300_000), ms(900_000), ms(3_600_000))
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** New items stored from sources; {@code via} is {@code poll} or {@code push} (WebSub). */
    public void itemsStored(String via, int n) {
        if (n <= 0) return;
        Counter.builder("karvon.items.stored").description("New items of sources stored")
                .tag("via", code(via)).register(registry).increment(n);
    }

    /** What the parser had to repair or drop in a feed to read it ({@code kind}: doctype, depth, duplicates …). */
    public void parseRepair(String kind) {
        Counter.builder("karvon.parse.repairs").description("Repairs made to read source feeds, by kind")
                .tag("kind", code(kind)).register(registry).increment();
    }

    // --- publishing

    /** A feed page or sitemap file was rendered (a cache miss); {@code kind} is rss, atom, json or sitemap. */
    public void rendered(String kind, long nanos) {
        Timer.builder("karvon.renders").description("Feed and sitemap renders (cache misses) and their time")
                .tag("kind", code(kind))
                .serviceLevelObjectives(ms(1), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(1000))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Hit rate, size, evictions and load times of a Caffeine cache built with {@code recordStats()}. */
    public void cache(String name, Cache<?, ?> cache) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    // --- web

    /** One HTTP request answered; {@code route} is the matched route template (or a fixed word when none matched). */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("karvon.http.requests").description("HTTP requests by route, method and status")
                .tag("method", code(method.toLowerCase(Locale.ROOT)))
                .tag("route", code(route))   // a template from the route table, never the request path
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(ms(1), ms(5), ms(25), ms(100), ms(500), ms(2500))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    // --- gauges and counters read when scraped, for state kept elsewhere (subscriptions, the database pool)

    /** A value read at each scrape; {@code tags} are name, value pairs. */
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Gauge.builder(name, value).description(description).tags(tags).strongReference(true).register(registry);
    }

    /** A monotonic count kept elsewhere, read at each scrape; {@code tags} are name, value pairs. */
    public void counter(String name, String description, Supplier<Number> value, String... tags) {
        held.add(value);   // Micrometer holds the object of a function counter weakly
        FunctionCounter.builder(name, value, v -> v.get().doubleValue()).description(description).tags(tags)
                .register(registry);
    }

    /** A count and total time kept elsewhere (nanoseconds), read at each scrape, as a timer's count and sum. */
    public void timer(String name, String description, Supplier<Number> count, Supplier<Number> totalNanos) {
        Supplier<?>[] both = {count, totalNanos};
        held.add(both);
        FunctionTimer.builder(name, both, b -> count.get().longValue(), b -> totalNanos.get().doubleValue(),
                TimeUnit.NANOSECONDS).description(description).register(registry);
    }

    /** A label value as given when it is a short code, else {@code other}. */
    static String code(String s) {
        if (s == null || s.isEmpty()) return "none";
        String c = s.toLowerCase(Locale.ROOT);
        return CODE.matcher(c).matches() ? c : "other";
    }

    private static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    @Override
    public void close() {
        if (gc != null) gc.close();
        registry.close();
    }
}
