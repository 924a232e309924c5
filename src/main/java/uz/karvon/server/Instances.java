package uz.karvon.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.store.Database;
import uz.karvon.store.Dialect;
import uz.karvon.store.InstanceStore;
import uz.karvon.store.StoreException;
import uz.karvon.web.Cluster;

/**
 * This instance among the others on the same database: its id (host, process, a random part, so a restart is a new
 * instance), a heartbeat every {@link #HEARTBEAT} with the hash of the feeds.yml it runs, and the list /health
 * shows. An instance not heard from for {@link #WINDOW} is taken for gone.
 */
final class Instances implements Cluster {
    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration WINDOW = Duration.ofSeconds(45);

    private final InstanceStore store;
    private final Database db;
    private final Clock clock;
    private final Supplier<byte[]> configSha256;
    private final String id;
    private final String host;
    private final Instant started;
    private volatile Database.Listener listener;

    Instances(Database db, Clock clock, Supplier<byte[]> configSha256) {
        this.store = new InstanceStore(db);
        this.db = db;
        this.clock = clock;
        this.configSha256 = configSha256;
        this.host = hostName();
        this.id = (host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000))).toLowerCase(Locale.ROOT);
        this.started = clock.instant();
    }

    void listening(Database.Listener l) {
        this.listener = l;
    }

    @Override
    public String instanceId() {
        return id;
    }

    @Override
    public String configSha256() {
        return HexFormat.of().formatHex(configSha256.get());
    }

    @Override
    public Boolean notificationsListening() {
        Database.Listener l = listener;
        return db.dialect() == Dialect.SQLITE || l == null ? null : l.listening();
    }

    @Override
    public List<InstanceStore.Instance> live() throws StoreException {
        return store.live(clock.instant(), WINDOW);
    }

    /** Writes this instance's heartbeat; a failure is logged and tried again next time. */
    void heartbeat() {
        try {
            store.heartbeat(id, host, started, configSha256(), clock.instant());
        } catch (StoreException | RuntimeException e) {
            LOG.warn("instances: heartbeat not written: {}", e.getMessage());
        }
    }

    /** A clean stop: gone from /health at once; rows of instances gone for a day are removed on the way. */
    void leave() {
        try {
            store.remove(id, clock.instant().minus(Duration.ofDays(1)));
        } catch (StoreException | RuntimeException e) {
            LOG.warn("instances: {}", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 60 ? h.substring(0, 60) : h;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
