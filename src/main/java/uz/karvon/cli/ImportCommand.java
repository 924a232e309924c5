package uz.karvon.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.karvon.article.ArticleImporter;
import uz.karvon.server.Wiring;
import uz.karvon.store.Database;
import uz.karvon.store.StoreException;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load articles from a JSON array or NDJSON file into the database (create or update by id).",
            "A server running on the same data directory shows them within seconds."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "JSON or NDJSON file of articles")
    Path file;

    @Option(names = "--data", description = "data directory (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "2",
            description = "print progress to stderr at most this often (default: ${DEFAULT-VALUE}; 0: after every batch"
                    + " of " + ArticleImporter.BATCH + " records)")
    double progressSeconds;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines (problems and the summary are still printed)")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) { // checked first, so a typo creates no empty database
            System.err.println("karvon import: no such file: " + file);
            return 2;
        }
        if (progressSeconds < 0) {
            System.err.println("karvon import: --progress: expected seconds >= 0, got " + progressSeconds);
            return 2;
        }
        long size = Files.size(file);
        try (Database db = Database.open(data); InputStream in = Files.newInputStream(file)) {
            Meter meter = new Meter(System.err, size, quiet ? -1 : (long) (progressSeconds * 1e9));
            ArticleImporter.Report r = new ArticleImporter(Wiring.intake(db, Clock.systemUTC(), () -> { })).load(in,
                    new ArticleImporter.Listener() {
                        @Override
                        public void problem(ArticleImporter.Problem p) {
                            System.err.println(file + ":" + p.line() + ": " + p.message());
                        }

                        @Override
                        public void progress(ArticleImporter.Progress p) {
                            meter.update(p);
                        }
                    });
            double secs = meter.elapsedSeconds();
            System.out.printf(Locale.ROOT, "imported %d article(s), %d unchanged, %d problem(s) in %.1f s (%s records/s)%n",
                    r.stored(), r.unchanged(), r.problemCount(), secs, Meter.count((long) (meter.records / Math.max(secs, 1e-3))));
            return r.problemCount() == 0 ? 0 : 1;
        } catch (NoSuchFileException e) {
            System.err.println("karvon import: no such file: " + file);
            return 2;
        } catch (StoreException e) {   // an unusable data directory: one line, not a stack trace
            System.err.println("karvon import: " + data + ": " + e.getMessage());
            return 2;
        }
    }

    /** Progress lines as mvn and rsync users expect: done/total, rate, problems so far, time left. */
    static final class Meter {
        private final PrintStream out;
        private final long totalBytes;
        private final long everyNanos;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        long records;

        /** @param everyNanos at most one line per this many nanoseconds; negative: never */
        Meter(PrintStream out, long totalBytes, long everyNanos) {
            this.out = out;
            this.totalBytes = totalBytes;
            this.everyNanos = everyNanos;
        }

        void update(ArticleImporter.Progress p) {
            records = p.records();
            long now = System.nanoTime();
            // the summary line follows the last batch
            if (p.finished() || everyNanos < 0 || now - lastPrint < everyNanos) return;
            lastPrint = now;
            double secs = (now - start) / 1e9;
            double share = totalBytes == 0 ? 1 : Math.min(1, (double) p.bytesRead() / totalBytes);
            String eta = share <= 0 || share >= 1 ? "" : " · " + duration((long) (secs / share * (1 - share))) + " left";
            out.printf(Locale.ROOT, "import: %s records · %s of %s (%d%%) · %s records/s · %s stored, %s unchanged, %s problem(s)%s%n",
                    count(p.records()), bytes(p.bytesRead()), bytes(totalBytes), (int) (share * 100),
                    count((long) (p.records() / Math.max(secs, 1e-3))), count(p.stored()), count(p.unchanged()),
                    count(p.problems()), eta);
        }

        double elapsedSeconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        static String count(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }

        static String bytes(long n) {
            if (n < 1024) return n + " B";
            if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
            if (n < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", n / 1024.0 / 1024);
            return String.format(Locale.ROOT, "%.2f GB", n / 1024.0 / 1024 / 1024);
        }

        static String duration(long seconds) {
            Duration d = Duration.ofSeconds(seconds);
            return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m"
                    : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
        }
    }
}
