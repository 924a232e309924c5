package uz.karvon.web;

import java.util.List;
import uz.karvon.store.InstanceStore;
import uz.karvon.store.StoreException;

/** What {@code /health} says about the instances sharing this database (one, on SQLite). */
public interface Cluster {
    /** This instance's id, as written on its leases and heartbeats. */
    String instanceId();

    /** The SHA-256 (hex) of the feeds.yml this instance runs. */
    String configSha256();

    /** Whether change notifications arrive (PostgreSQL {@code LISTEN}); null when the database has none (SQLite). */
    Boolean notificationsListening();

    /** Instances heard from recently, this one included. */
    List<InstanceStore.Instance> live() throws StoreException;

    /** For contexts wired without instances (tests, tools): this one instance, no config hash, no notifications. */
    Cluster ALONE = new Cluster() {
        @Override public String instanceId() { return "local"; }
        @Override public String configSha256() { return null; }
        @Override public Boolean notificationsListening() { return null; }
        @Override public List<InstanceStore.Instance> live() { return List.of(); }
    };
}
