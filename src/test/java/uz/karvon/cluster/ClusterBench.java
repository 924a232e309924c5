package uz.karvon.cluster;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of clustering one incoming story at a given daily volume (default 10,000 a day for 3 days).
 *
 * <p>The stream is made from the labelled stories (all three files): each synthetic story is one of them with
 * every figure replaced by a random one and a third of its words swapped for random words of the same
 * language, published at an even pace, so that the window holds as many stories as it would in production
 * and many of them are near-duplicates (the costly case: more candidates to score). The first day warms up
 * the window and the JIT; the figures are for the later days.
 *
 * <pre>java -Xmx512m -cp target/karvon.jar:target/test-classes uz.karvon.cluster.ClusterBench [PER_DAY] [DAYS]</pre>
 */
public final class ClusterBench {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}ʻʼ']+");

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Path.of("src/test/resources/cluster");
        List<Story> templates = new ArrayList<>();
        for (String f : List.of("labelled.jsonl", "holdout.jsonl", "tuning.jsonl")) {
            ClusterEvaluation.read(dir.resolve(f)).forEach(l -> templates.add(l.story()));
        }
        Map<String, List<String>> vocabulary = new HashMap<>();
        for (Story s : templates) {
            Matcher m = WORD.matcher(s.title() + " " + s.summary());
            while (m.find()) {
                vocabulary.computeIfAbsent(s.lang(), k -> new ArrayList<>()).add(m.group());
            }
        }
        Random random = new Random(42);
        int total = perDay * days;
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        List<Story> stream = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            Story t = templates.get(random.nextInt(templates.size()));
            List<String> words = vocabulary.get(t.lang());
            stream.add(new Story("bench-" + i, t.lang(), t.source(), start.plusMillis(86_400_000L * i / perDay),
                    vary(t.title(), words, random), vary(t.summary(), words, random)));
        }

        EventClusterer clusterer = EventClusterer.standard();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] wall = new long[total];
        long cpuMeasured = 0;
        int clusters = 0;
        for (int i = 0; i < total; i++) {
            long c0 = i >= perDay ? cpu.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            Assignment a = clusterer.add(stream.get(i));
            wall[i] = System.nanoTime() - t0;
            if (i >= perDay) {
                cpuMeasured += cpu.getCurrentThreadCpuTime() - c0;
                if (a.created()) {
                    clusters++;
                }
            }
        }
        // the same stories' feature extraction alone, for the split between reading a story and comparing it
        FeatureExtractor extractor = new FeatureExtractor(Gazetteer.standard());
        long e0 = cpu.getCurrentThreadCpuTime();
        for (int i = perDay; i < total; i++) {
            extractor.extract(stream.get(i));
        }
        double extractMicros = (cpu.getCurrentThreadCpuTime() - e0) / 1000.0 / (total - perDay);
        long[] measured = Arrays.copyOfRange(wall, perDay, total);
        Arrays.sort(measured);
        int n = measured.length;
        double mean = Arrays.stream(measured).average().orElse(0) / 1000.0;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        out.printf(Locale.ROOT, "%d stories a day for %d days (%d measured after the first day), window %d stories at the end%n",
                perDay, days, n, clusterer.windowSize());
        out.printf(Locale.ROOT, "per story: mean %.1f µs, median %.1f µs, p99 %.1f µs, max %.1f µs wall; mean %.1f µs CPU%n",
                mean, measured[n / 2] / 1000.0, measured[(int) (n * 0.99)] / 1000.0, measured[n - 1] / 1000.0,
                cpuMeasured / 1000.0 / n);
        out.printf(Locale.ROOT, "of which reading the story (feature extraction, measured apart): %.1f µs CPU%n", extractMicros);
        out.printf(Locale.ROOT, "new clusters among the measured stories: %d (%.0f%%); heap after GC: %d MB (the %d generated stories included)%n",
                clusters, 100.0 * clusters / n, heap >> 20, total);
    }

    /** The text with new figures and about a third of its words swapped for random words of its language. */
    private static String vary(String text, List<String> words, Random random) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Integer.toString(2 + random.nextInt(5000)));
        }
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
