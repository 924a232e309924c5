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
}
