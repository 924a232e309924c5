package uz.karvon.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.ConfigException;
import uz.karvon.config.ConfigFile;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.ConfigProblem;
import uz.karvon.config.EditCheck;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.ReloadResult;
import uz.karvon.config.ReloadResult.Outcome;
import uz.karvon.ingest.PollScheduler;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.web.ConfigStatus;

/**
 * Applies feeds.yml while the server runs. A valid file is swapped in atomically (feeds re-render, sources start
 * and stop); an invalid one is refused, the last good configuration keeps serving, and the problems are shown on
 * /health and the status page until the file is fixed. So is an edit that would remove every feed or weaken the
 * security settings ({@link EditCheck}), unless {@code POST /api/reload?confirm=…} names it.
 *
 * <p>The watcher looks at the file a few times a second and applies a change only once it has settled: the same
 * size, modification time and content hash for {@link #SETTLE}, so a file caught half-written is not taken for an
 * edit. What it parses is exactly what it hashed. Watcher and {@code POST /api/reload} go through one lock, and the
 * content of the running configuration is remembered, so an edit is applied once whoever sees it first.
 */
public final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
    /** How long the file must stay unchanged before the watcher applies it. Editors write in milliseconds. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 250;

    private final Path file;
    private final ConfigLoader loader;
    private final FeedPublisher publisher;
    private final PollScheduler poller;
    private final ConfigStatus status;
    private final Clock clock;
    private final Duration settle;
    private volatile int port;
    private volatile Thread watcher;

    // guarded by this
    private byte[] running;   // hash of the content the server runs
    private byte[] handled;   // hash of the last content the watcher acted on (applied or refused)
    private Seen pending;     // a change seen, waiting to settle

    private record Seen(ConfigFile file, Instant since) {}

    /**
     * @param applied the read of the file the server started with
     * @param settle how long the watcher waits for the file to stop changing (tests pass their own, with a fake clock)
     */
    ConfigReloader(ConfigFile applied, ConfigLoader loader, FeedPublisher publisher, PollScheduler poller,
                   ConfigStatus status, Clock clock, Duration settle) {
        this.file = applied.path();
        this.loader = loader;
        this.publisher = publisher;
        this.poller = poller;
        this.status = status;
        this.clock = clock;
        this.settle = settle;
        this.running = applied.sha256();
        this.handled = applied.sha256();
    }

    void servedOn(int port) {
        this.port = port;
    }

    /** The SHA-256 of the feeds.yml content running now (instances compare theirs). */
    synchronized byte[] runningSha256() {
        return running.clone();
    }

    /** Re-reads the file now ({@code POST /api/reload} without confirmations; tests). */
    public ReloadResult reload() {
        return reload(Set.of());
    }

    /** Re-reads the file now and applies it, drastic changes included when {@code confirmed} names them. */
    public synchronized ReloadResult reload(Set<EditCheck.Confirm> confirmed) {
        ConfigFile now;
        try {
            now = ConfigLoader.read(file);
        } catch (ConfigException e) {
            return refuse(e.problems().stream().map(ConfigProblem::toString).toList());
        }
        pending = null;
        return apply(now, confirmed);
    }

    /**
     * One look at the file (the watcher thread calls this a few times a second). A change is applied once the file
     * has stayed the same for the settle time; content already handled (applied, or refused once) is left alone.
     *
     * @return what became of the change applied by this look, if one was
     */
    synchronized Optional<ReloadResult> tick() {
        ConfigFile now;
        try {
            now = ConfigFile.read(file);
        } catch (IOException e) {
            pending = null; // mid-rename or deleted: look again next time
            return Optional.empty();
        }
        if (now.sameContent(handled)) {
            pending = null;
            return Optional.empty();
        }
        Instant t = clock.instant();
        if (pending == null || !pending.file().sameAs(now)) {
            pending = new Seen(now, t);
            return Optional.empty();
        }
        if (Duration.between(pending.since(), t).compareTo(settle) < 0) return Optional.empty();
        pending = null;
        return Optional.of(apply(now, Set.of()));
    }

    private ReloadResult apply(ConfigFile seen, Set<EditCheck.Confirm> confirmed) {
        handled = seen.sha256();
        String name = seen.name();
        if (seen.sameContent(running)) {
            // e.g. an edit undone: what runs is what the file says, so earlier errors no longer apply
            ConfigStatus.State s = status.get();
            if (!s.errors().isEmpty()) status.applied(s.appliedAt(), s.warnings());
            return new ReloadResult(Outcome.UNCHANGED, List.of());
        }
        try {
            KarvonConfig next = loader.load(seen);
            List<EditCheck.Risk> risks = EditCheck.unconfirmed(EditCheck.risks(publisher.config(), next), confirmed);
            if (!risks.isEmpty()) return refuse(EditCheck.messages(name, risks));
            List<String> warnings = new ArrayList<>(next.warnings());
            warnings.addAll(needsRestart(publisher.config(), next));
            publisher.reconfigure(next.servedOn(port));
            poller.reconfigure(next);
            running = seen.sha256();
            status.applied(clock.instant(), warnings);
            warnings.forEach(w -> LOG.warn("{}: {}", name, w));
            LOG.info("{}: applied ({} feeds, {} sources, {} partners)", name, next.feeds().size(),
                    next.sources().size(), next.partners().size());
            return new ReloadResult(Outcome.APPLIED, List.of());
        } catch (ConfigException e) {
            return refuse(e.problems().stream().map(ConfigProblem::toString).toList());
        } catch (RuntimeException e) {
            // a loader bug must not kill the watcher or take the last good configuration with it
            String problem = name + ": could not be applied (" + e.getClass().getSimpleName()
                    + "); still serving the last good configuration";
            LOG.error("{}", problem, e);
            status.rejected(List.of(problem));
            return new ReloadResult(Outcome.REFUSED, List.of(problem));
        }
    }

    private ReloadResult refuse(List<String> problems) {
        problems.forEach(p -> LOG.error("{}", p));
        LOG.error("{}: not applied; still serving the last good configuration", file.getFileName());
        status.rejected(problems);
        return new ReloadResult(Outcome.REFUSED, problems);
    }

    /**
     * Settings the running server read once at start: a changed value is reported, not silently ignored.
     * (server.host and server.port also need a restart; the running values may come from --host/--port.)
     */
    static List<String> needsRestart(KarvonConfig running, KarvonConfig next) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(running.site().agency(), next.site().agency())) out.add(restart("site.agency"));
        if (running.ingest().workers() != next.ingest().workers()) out.add(restart("ingest.workers"));
        if (!running.database().equals(next.database())) out.add(restart("database"));
        if (!running.ingest().clusterGazetteer().equals(next.ingest().clusterGazetteer())) out.add(restart("ingest.cluster_gazetteer"));
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
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    tick();
                } catch (RuntimeException e) {
                    LOG.error("{}: watcher: {}", file.getFileName(), e.toString(), e);
                }
            }
        }, "karvon-config-watch");
        t.setDaemon(true);
        t.start();
        watcher = t;
    }

    @Override
    public void close() {
        Thread t = watcher;
        if (t != null) t.interrupt();
    }
}
