import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import uz.karvon.lang.LanguageDetector;

/**
 * Microseconds per LanguageDetector.detect call over the lines of labelled TSV files (tag TAB text), in one JVM
 * after a warm-up. Uses only detect(String), which every build of karvon has, so the same harness measures an
 * older build (see lang-bench.sh). Run: java -cp target/karvon.jar src/bench/LangBench.java FILE... 
 */
public class LangBench {
    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || line.startsWith("#") || tab < 0) continue;
                texts.add(line.substring(tab + 1));
            }
        }
        LanguageDetector d = LanguageDetector.standard();
        long sink = 0;
        long warmEnd = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (String t : texts) sink += d.detect(t).isPresent() ? 1 : 0;
        }
        // CPU time of this thread, not wall time: the figure should not depend on what else the machine runs
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 7;
        double[] usPerCall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long calls = 0;
            long start = threads.getCurrentThreadCpuTime();
            long end = start + 1_500_000_000L;
            long now;
            do {
                for (String t : texts) sink += d.detect(t).isPresent() ? 1 : 0;
                calls += texts.size();
                now = threads.getCurrentThreadCpuTime();
            } while (now < end);
            usPerCall[r] = (now - start) / 1000.0 / calls;
        }
        Arrays.sort(usPerCall);
        System.out.printf(Locale.ROOT, "%d texts, %.1f chars on average; CPU µs per detect: median %.2f (min %.2f, max %.2f) [%d]%n",
                texts.size(), texts.stream().mapToInt(String::length).average().orElse(0),
                usPerCall[rounds / 2], usPerCall[0], usPerCall[rounds - 1], sink % 7);
    }
}
