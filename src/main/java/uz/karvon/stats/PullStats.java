package uz.karvon.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.store.PullStatStore;
import uz.karvon.store.StoreException;

/**
 * Counts feed pulls per day, feed and partner (requests, 200 vs 304, bytes) and estimates subscribers the way
 * FeedBurner did: distinct readers (address + user agent) plus the "N subscribers" that aggregators such as
 * Feedly, Inoreader or NewsBlur put in their User-Agent. Recording is lock-free; totals go to the database in
 * one transaction a minute.
 */
public final class PullStats {
    private static final Logger LOG = LoggerFactory.getLogger(PullStats.class);
    private static final Pattern SUBSCRIBERS = Pattern.compile("(\\d{1,9})\\s+(?:subscribers?|readers?)", Pattern.CASE_INSENSITIVE);
    /** Distinct readers tracked per day and feed; past it the count is a floor (bounded memory). */
    static final int MAX_TRACKED_CLIENTS = 200_000;
    static final int MAX_AGGREGATORS = 1_000;
    static final long MAX_REPORTED = 10_000_000;

    private final PullStatStore store;
    private final Clock clock;
    private final Map<Key, Counters> live = new ConcurrentHashMap<>();

    public PullStats(PullStatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Key(String day, String feedId, String partnerId) {}

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder notModified = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final Set<Long> clients = ConcurrentHashMap.newKeySet();
        final Map<String, Long> aggregators = new ConcurrentHashMap<>();
    }

    /** One answered pull: status 200 or 304, {@code partnerId} null for public readers. */
    public void record(String feedId, String partnerId, String clientAddress, String userAgent, int status, long bytes) {
        String day = today();
        Counters c = live.computeIfAbsent(new Key(day, feedId, partnerId == null ? "" : partnerId), k -> new Counters());
        c.requests.increment();
        if (status == 304) c.notModified.increment();
        else c.ok.increment();
        c.bytes.add(bytes);
        String ua = userAgent == null ? "" : userAgent;
        Matcher m = ua.indexOf(" subscriber") >= 0 || ua.indexOf(" reader") >= 0 ? SUBSCRIBERS.matcher(ua) : null;
        if (m != null && m.find()) {
            // bounded: anyone can send a User-Agent, so names, their number and the claims are capped
            String name = aggregatorName(ua);
            long claimed = Math.min(Long.parseLong(m.group(1)), MAX_REPORTED);
            if (c.aggregators.size() < MAX_AGGREGATORS || c.aggregators.containsKey(name)) c.aggregators.merge(name, claimed, Math::max);
        } else if (c.clients.size() < MAX_TRACKED_CLIENTS) {
            c.clients.add(fingerprint(clientAddress, ua));
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

    private static long fingerprint(String address, String ua) {
        long h = 1125899906842597L;
        for (String s : new String[] {address == null ? "" : address, "\u0000", ua}) {
            for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /** Writes what was counted since the last flush; counters of past days are dropped from memory afterwards. */
    public synchronized void flush() {
        String today = today();
        List<PullStatStore.Row> deltas = new ArrayList<>();
        List<Key> past = new ArrayList<>();
        for (Map.Entry<Key, Counters> e : live.entrySet()) {
            Key k = e.getKey();
            Counters c = e.getValue();
            long reported = c.aggregators.values().stream().mapToLong(Long::longValue).sum();
            deltas.add(new PullStatStore.Row(k.day(), k.feedId(), k.partnerId(), c.requests.sumThenReset(),
                    c.ok.sumThenReset(), c.notModified.sumThenReset(), c.bytes.sumThenReset(), c.clients.size(), reported));
            if (k.day().compareTo(today) < 0) past.add(k);
        }
        try {
            store.add(deltas);
            past.forEach(live::remove);
        } catch (StoreException ex) {
            // nothing counted is lost: the deltas go back into the counters for the next flush
            for (PullStatStore.Row d : deltas) {
                Counters c = live.computeIfAbsent(new Key(d.day(), d.feedId(), d.partnerId()), k -> new Counters());
                c.requests.add(d.requests());
                c.ok.add(d.ok());
                c.notModified.add(d.notModified());
                c.bytes.add(d.bytes());
            }
            LOG.warn("pull statistics not saved, kept for the next try: {}", ex.getMessage());
        }
    }

    /** Daily rows of the last {@code days} days, including what is still in memory. */
    public List<PullStatStore.Row> report(int days) throws StoreException {
        flush();
        return store.since(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L).toString());
    }
}
