package uz.karvon.stats;

import com.dynatrace.hash4j.distinctcount.HyperLogLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.StoreException;

/**
 * Counts feed pulls per day, feed and partner (requests, 200 vs 304, bytes) and estimates subscribers the way
 * FeedBurner did: distinct readers (address + user agent, counted in a {@link ReaderSketch}) plus the "N subscribers"
 * that aggregators such as Feedly, Inoreader or NewsBlur put in their User-Agent. Counters are lock-free and exact (an increment lands before or after a flush's read-and-reset, never lost); totals and
 * the day's sketch go to the database in one transaction a minute, so counts survive a restart.
 */
public final class PullStats {
    private static final Logger LOG = LoggerFactory.getLogger(PullStats.class);
    private static final Pattern SUBSCRIBERS = Pattern.compile("(\\d{1,9})\\s+(?:subscribers?|readers?)", Pattern.CASE_INSENSITIVE);
    static final int MAX_AGGREGATORS = 1_000;
    static final long MAX_REPORTED = 10_000_000;

    private static final ReaderSketch SKETCHES = new ReaderSketch();
    private final PullStatStore store;
    private final Clock clock;
    private final Map<Key, Counters> live = new ConcurrentHashMap<>();

    public PullStats(PullStatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Key(String day, String feedId, String partnerId) {}

    private static final class Counters {
        // AtomicLong, not LongAdder: LongAdder.sumThenReset loses increments that land while it runs
        final AtomicLong requests = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        /** The day's distinct readers so far (never reset: merging it again changes nothing); guarded by itself. */
        final HyperLogLog readers = ReaderSketch.create();
        final Map<String, Long> aggregators = new ConcurrentHashMap<>();
    }

    /** One answered pull: status 200 or 304, {@code partnerId} null for public readers. */
    public void record(String feedId, String partnerId, String clientAddress, String userAgent, int status, long bytes) {
        String day = today();
        Counters c = live.computeIfAbsent(new Key(day, feedId, partnerId == null ? "" : partnerId), k -> new Counters());
        c.requests.incrementAndGet();
        if (status == 304) c.notModified.incrementAndGet();
        else c.ok.incrementAndGet();
        c.bytes.addAndGet(bytes);
        String ua = userAgent == null ? "" : userAgent;
        Matcher m = ua.indexOf(" subscriber") >= 0 || ua.indexOf(" reader") >= 0 ? SUBSCRIBERS.matcher(ua) : null;
        if (m != null && m.find()) {
            // bounded: anyone can send a User-Agent, so names, their number and the claims are capped
            String name = aggregatorName(ua);
            long claimed = Math.min(Long.parseLong(m.group(1)), MAX_REPORTED);
            if (c.aggregators.size() < MAX_AGGREGATORS || c.aggregators.containsKey(name)) c.aggregators.merge(name, claimed, Math::max);
        } else {
            long reader = ReaderSketch.reader(clientAddress, ua);
            synchronized (c.readers) {
                c.readers.add(reader);
            }
        }
    }

    private record Day(long startMillis, String name) {}

    private volatile Day day = new Day(Long.MIN_VALUE, "");

    /** The UTC date, recomputed only when the day changes (one volatile read per pull). */
    private String today() {
        long now = clock.millis();
        Day d = day;
        if (now < d.startMillis() || now >= d.startMillis() + 86_400_000L) {
            LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
            d = new Day(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), date.toString());
            day = d;
        }
        return d.name();
    }

    static String aggregatorName(String ua) {
        String first = ua.strip().split("[/\\s(;]", 2)[0];
        if (first.length() > 64) first = first.substring(0, 64);
        return first.isEmpty() ? "unknown" : first.toLowerCase(Locale.ROOT);
    }

    /** Writes what was counted since the last flush; counters of past days are dropped from memory afterwards. */
    public synchronized void flush() {
        String today = today();
        List<PullStatStore.Delta> deltas = new ArrayList<>();
        List<Key> past = new ArrayList<>();
        for (Map.Entry<Key, Counters> e : live.entrySet()) {
            Key k = e.getKey();
            Counters c = e.getValue();
            long reported = c.aggregators.values().stream().mapToLong(Long::longValue).sum();
            byte[] readers;
            synchronized (c.readers) {
                readers = c.readers.getState().clone();
            }
            deltas.add(new PullStatStore.Delta(k.day(), k.feedId(), k.partnerId(), c.requests.getAndSet(0),
                    c.ok.getAndSet(0), c.notModified.getAndSet(0), c.bytes.getAndSet(0), readers, reported));
            if (k.day().compareTo(today) < 0) past.add(k);
        }
        try {
            store.add(deltas, SKETCHES);
            past.forEach(live::remove);
        } catch (StoreException | RuntimeException ex) {
            // nothing counted is lost: the deltas go back into the counters for the next flush (the sketches and
            // aggregator reports never left them)
            for (PullStatStore.Delta d : deltas) {
                Counters c = live.computeIfAbsent(new Key(d.day(), d.feedId(), d.partnerId()), k -> new Counters());
                c.requests.addAndGet(d.requests());
                c.ok.addAndGet(d.ok());
                c.notModified.addAndGet(d.notModified());
                c.bytes.addAndGet(d.bytes());
            }
            if (ex instanceof StoreException) LOG.warn("pull statistics not saved, kept for the next try: {}", ex.getMessage());
            else LOG.error("pull statistics not saved, kept for the next try", ex);
        }
    }

    /** Daily rows of the last {@code days} days, including what is still in memory. */
    public List<PullStatStore.Row> report(int days) throws StoreException {
        flush();
        return store.since(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L).toString());
    }
}
