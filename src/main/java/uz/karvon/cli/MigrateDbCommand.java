package uz.karvon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.store.Database;
import uz.karvon.store.DatabaseCopy;
import uz.karvon.store.InstanceStore;
import uz.karvon.store.PostgresUrl;
import uz.karvon.store.StoreException;

@Command(name = "migrate-db", mixinStandardHelpOptions = true,
        description = {"Copy the embedded SQLite database of a data directory into an empty PostgreSQL database, then compare",
            "the counts of every table. Safe to run again: an interrupted copy is completed, an earlier one brought up to date.",
            "Stop the server first (the copy is a snapshot of the moment it starts)."})
final class MigrateDbCommand implements Callable<Integer> {
    /** An instance heard from this recently is taken to be running (servers beat every 10 s, gone after 45 s). */
    private static final Duration RUNNING = Duration.ofSeconds(45);

    @Option(names = "--from", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding karvon.db (default: ${DEFAULT-VALUE})")
    Path from;

    @Option(names = "--to", paramLabel = "URL",
            description = {"postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE or jdbc:postgresql://… (default: $KARVON_DATABASE_URL)",
                "A password on the command line is visible to other users of the machine: prefer the variable or ~/.pgpass."})
    String to;

    @Override
    public Integer call() {
        Path file = from.resolve("karvon.db");
        if (!Files.isRegularFile(file)) { // checked first, so a typo creates no empty database
            System.err.println("karvon migrate-db: --from: no karvon.db in " + from);
            return 2;
        }
        String url = to != null ? to : System.getenv("KARVON_DATABASE_URL");
        if (url == null || url.isBlank()) {
            System.err.println("karvon migrate-db: --to: give the PostgreSQL URL (or set KARVON_DATABASE_URL)");
            return 2;
        }
        PostgresUrl target;
        try {
            target = PostgresUrl.parse(url);
        } catch (IllegalArgumentException e) {
            System.err.println("karvon migrate-db: --to: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        try (Database source = Database.open(from); Database dest = Database.open(target, 2)) {
            System.err.println("migrate-db: " + source.description() + " → " + dest.description());
            Instant now = Instant.now();
            List<InstanceStore.Instance> onTarget = new InstanceStore(dest).live(now, RUNNING);
            if (!onTarget.isEmpty()) { // a copy would overwrite what they write, and they would not see it
                System.err.println("karvon migrate-db: --to: " + running(onTarget, now) + " on " + target.display()
                        + "; stop every instance on it first");
                return 1;
            }
            List<InstanceStore.Instance> onSource = new InstanceStore(source).live(now, RUNNING);
            if (!onSource.isEmpty()) {
                System.err.println("migrate-db: warning: " + running(onSource, now) + " on " + from + ": what it writes"
                        + " after this moment is not copied (run migrate-db again once it is stopped)");
            }
            List<DatabaseCopy.Count> counts = DatabaseCopy.copy(source, dest, (table, copied, total) -> {
                if (copied == total || copied % 50_000 == 0) {
                    System.err.printf(Locale.ROOT, "migrate-db: %s: %,d of %,d rows%n", table, copied, total);
                }
            });
            boolean ok = true;
            for (DatabaseCopy.Count c : counts) {
                System.out.printf(Locale.ROOT, "%-16s %,12d in SQLite  %,12d in PostgreSQL  %s%n", c.table(), c.source(), c.target(),
                        c.matches() ? "ok" : "MISMATCH");
                ok &= c.matches();
            }
            double secs = (System.nanoTime() - started) / 1e9;
            if (!ok) {
                System.err.println("karvon migrate-db: the target has rows the source has not (deleted since an earlier copy, or"
                        + " written by a running instance): copy into an empty database");
                return 1;
            }
            System.out.printf(Locale.ROOT, "copied %d table(s) in %.1f s; point feeds.yml's database.url at %s%n",
                    counts.size(), secs, target.display());
            return 0;
        } catch (StoreException e) {
            System.err.println("karvon migrate-db: " + e.getMessage());
            return 1;
        }
    }

    private static String running(List<InstanceStore.Instance> instances, Instant now) {
        InstanceStore.Instance first = instances.get(0);
        return (instances.size() == 1 ? "karvon instance " : instances.size() + " karvon instances, e.g. ") + first.id()
                + " on " + first.host() + " (heard from " + Duration.between(first.seenAt(), now).toSeconds() + " s ago) runs";
    }
}
