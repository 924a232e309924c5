import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uz.karvon.cluster.ClusterSettings;
import uz.karvon.cluster.EventClusterer;
import uz.karvon.cluster.Gazetteer;
import uz.karvon.cluster.Story;
import uz.karvon.cluster.StoryJson;
import uz.karvon.store.Database;
import uz.karvon.store.SourceItem;
import uz.karvon.store.StoryClusterStore;
import uz.karvon.story.LiveClusters;

/**
 * Server-side clustering cost (issue 18): LiveClusters.items, as SourceRefresher calls it after each fetch, on the
 * real embedded database (SQLite file in a temporary folder), at PER_DAY items a day for DAYS days.
 *
 * Items are made from the labelled stories (src/test/resources/cluster/*.jsonl) with new figures and a third of
 * their words swapped for random words of their language (as ClusterBench does), published at an even pace and
 * spread over 200 sources. Each call is one poll of one source: NEW new items plus the source's previous
 * (FEED - NEW) items again, as a feed re-sends them. The first day warms up; the figures are for the later days.
 * Then the server's start-up step: a new LiveClusters rebuilding its window from story_cluster.
 *
 * Run: mvn -q -B package -DskipTests && java -Xmx512m -cp target/karvon.jar src/bench/LiveClusterBench.java [PER_DAY] [DAYS] [NEW] [FEED]
 */
public class LiveClusterBench {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}ʻʼ']+");

    static final class StepClock extends Clock {
        volatile Instant now;
        StepClock(Instant start) { now = start; }
        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId z) { return this; }
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int fresh = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int feed = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int sources = 200;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Story> templates = new ArrayList<>();
        for (String f : List.of("labelled.jsonl", "holdout.jsonl", "tuning.jsonl")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/cluster", f))) {
                if (!line.isBlank()) templates.add(StoryJson.parse(line).story());
            }
        }
        Map<String, List<String>> vocabulary = new HashMap<>();
        for (Story s : templates) {
            Matcher m = WORD.matcher(s.title() + " " + s.summary());
            while (m.find()) vocabulary.computeIfAbsent(s.lang(), k -> new ArrayList<>()).add(m.group());
        }
        Random random = new Random(42);
        int total = perDay * days;
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        List<SourceItem> stream = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            Story t = templates.get(random.nextInt(templates.size()));
            List<String> words = vocabulary.get(t.lang());
            Instant published = start.plusMillis(86_400_000L * i / perDay);
            stream.add(new SourceItem("bench" + i, "src" + (i % sources), "guid" + i, "https://example.org/" + i, null,
                    vary(t.title(), words, random), vary(t.summary(), words, random), null, null, published, null, published,
                    t.lang(), List.of(), List.of(), List.of(), List.of(), null, "h" + i, null));
        }
        Path dir = Files.createTempDirectory("karvon-cluster-bench");
        StepClock clock = new StepClock(start);
        ClusterSettings settings = ClusterSettings.defaults();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Database db = Database.open(dir)) {
            StoryClusterStore store = new StoryClusterStore(db);
            LiveClusters live = new LiveClusters(new EventClusterer(settings, Gazetteer.standard()), settings, store, clock);
            live.restore();
            Map<String, List<SourceItem>> bySource = new HashMap<>();
            List<Long> wallPerNew = new ArrayList<>();
            long cpuMeasured = 0;
            int measuredNew = 0;
            List<SourceItem> pending = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                SourceItem item = stream.get(i);
                clock.now = item.published();
                pending.add(item);
                if (pending.size() < fresh) continue;
                // one poll of the last item's source: the new items, then the feed's earlier items again
                List<SourceItem> earlier = bySource.computeIfAbsent(item.sourceId(), k -> new ArrayList<>());
                List<SourceItem> poll = new ArrayList<>(pending);
                poll.addAll(earlier.subList(Math.max(0, earlier.size() - (feed - fresh)), earlier.size()));
                boolean measure = i >= perDay;
                long c0 = measure ? cpu.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                live.items(poll);
                long wall = System.nanoTime() - t0;
                if (measure) {
                    cpuMeasured += cpu.getCurrentThreadCpuTime() - c0;
                    measuredNew += pending.size();
                    wallPerNew.add(wall / pending.size());
                }
                earlier.addAll(pending);
                pending.clear();
            }
            long[] w = wallPerNew.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(w);
            double mean = Arrays.stream(w).average().orElse(0) / 1000.0;
            out.printf(Locale.ROOT, "%d items a day for %d days, %d sources; a poll = %d new items + %d re-sent; %d new items measured after the first day%n",
                    perDay, days, sources, fresh, feed - fresh, measuredNew);
            out.printf(Locale.ROOT, "per new item (whole poll / new items): wall mean %.1f µs, median %.1f µs, p99 %.1f µs; CPU of the calling thread %.1f µs%n",
                    mean, w[w.length / 2] / 1000.0, w[(int) (w.length * 0.99)] / 1000.0, cpuMeasured / 1000.0 / measuredNew);
            long r0 = System.nanoTime();
            LiveClusters restarted = new LiveClusters(new EventClusterer(settings, Gazetteer.standard()), settings, store, clock);
            int restored = restarted.restore();
            out.printf(Locale.ROOT, "restart: window rebuilt from story_cluster: %d stories in %.2f s%n", restored, (System.nanoTime() - r0) / 1e9);
            out.printf(Locale.ROOT, "database: %d MB (%s)%n", Files.size(db.file()) >> 20, db.file());
        }
    }

    /** The text with new figures and about a third of its words swapped for random words of its language. */
    private static String vary(String text, List<String> words, Random random) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Integer.toString(2 + random.nextInt(5000)));
        m.appendTail(sb);
        Matcher w = WORD.matcher(sb);
        StringBuilder out = new StringBuilder();
        while (w.find()) {
            w.appendReplacement(out, Matcher.quoteReplacement(random.nextInt(3) == 0 ? words.get(random.nextInt(words.size())) : w.group()));
        }
        w.appendTail(out);
        return out.toString();
    }
}
