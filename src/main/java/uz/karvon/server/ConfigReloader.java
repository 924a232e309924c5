package uz.karvon.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.ConfigProblem;
import uz.karvon.config.KarvonConfig;
import uz.karvon.ingest.PollScheduler;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.web.ConfigStatus;

/**
 * Applies feeds.yml while the server runs. A valid file is swapped in atomically (feeds re-render, sources start
 * and stop); an invalid one is refused, the last good configuration keeps serving, and the problems are shown
 * on /health and the status page until the file is fixed. The file is checked once a second by content hash,
 * which works the same for in-place writes, editor renames and mounted volumes.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final ConfigLoader loader;
    private final FeedPublisher publisher;
    private final PollScheduler poller;
    private final ConfigStatus status;
    private final Clock clock;
    private volatile int port;
    private volatile byte[] lastSeen;
    private volatile Thread watcher;

    ConfigReloader(Path file, ConfigLoader loader, FeedPublisher publisher, PollScheduler poller, ConfigStatus status, Clock clock) {
        this.file = file;
        this.loader = loader;
        this.publisher = publisher;
        this.poller = poller;
        this.status = status;
        this.clock = clock;
        this.lastSeen = hash(file);
    }

    void servedOn(int port) {
        this.port = port;
    }

    /** The outcome of one reload: applied, or the problems that kept it from being applied. */
    public record Result(boolean applied, List<String> problems) {}

    public synchronized Result reload() {
        lastSeen = hash(file);
        try {
            KarvonConfig next = loader.load(file);
            List<String> warnings = new ArrayList<>(next.warnings());
            warnings.addAll(needsRestart(publisher.config(), next));
            publisher.reconfigure(next.servedOn(port));
            poller.reconfigure(next);
            status.applied(clock.instant(), warnings);
            warnings.forEach(w -> LOG.warn("{}: {}", file.getFileName(), w));
            LOG.info("{}: applied ({} feeds, {} sources, {} partners)", file.getFileName(), next.feeds().size(),
                    next.sources().size(), next.partners().size());
            return new Result(true, List.of());
        } catch (ConfigException e) {
            List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
            problems.forEach(p -> LOG.error("{}", p));
            LOG.error("{}: not applied; still serving the last good configuration", file.getFileName());
            status.rejected(problems);
            return new Result(false, problems);
        } catch (RuntimeException e) {
            // a loader bug must not kill the watcher or take the last good configuration with it
            List<String> problems = List.of(file.getFileName() + ": could not be applied (" + e.getClass().getSimpleName()
                    + "); still serving the last good configuration");
            LOG.error("{}", problems.get(0), e);
            status.rejected(problems);
            return new Result(false, problems);
        }
    }

    /**
     * Settings the running server read once at start: a changed value is reported, not silently ignored.
     * (server.host and server.port also need a restart; the running values may come from --host/--port.)
     */
    static List<String> needsRestart(KarvonConfig running, KarvonConfig next) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(running.site().agency(), next.site().agency())) out.add(restart("site.agency"));
        if (running.ingest().workers() != next.ingest().workers()) out.add(restart("ingest.workers"));
        if (!running.ingest().fetchTimeout().equals(next.ingest().fetchTimeout())) out.add(restart("ingest.fetch_timeout"));
        if (running.ingest().maxBodyBytes() != next.ingest().maxBodyBytes()) {
            out.add(restart("ingest.max_body_size") + " (for http sources; drop folders use the new value now)");
        }
        return out;
    }

    private static String restart(String key) {
        return key + " changed: takes effect when karvon is restarted";
    }

    void watch() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                byte[] now = hash(file);
                if (now != null && !Arrays.equals(now, lastSeen)) reload();
            }
        }, "karvon-config-watch");
        t.setDaemon(true);
        t.start();
        watcher = t;
    }

    private static byte[] hash(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return null; // mid-rename or deleted: try again next tick
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Thread t = watcher;
        if (t != null) t.interrupt();
    }
}
