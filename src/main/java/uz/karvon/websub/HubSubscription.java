package uz.karvon.websub;

import java.time.Instant;
import java.util.Locale;
import uz.karvon.publish.Topics.Topic;

/**
 * One subscription of the built-in hub, keyed by (topic, callback) as the spec keys them.
 *
 * @param secret        {@code hub.secret} (the HMAC key), null when the subscriber gave none
 * @param partnerId     for a private feed, the partner whose key subscribed; deliveries go only while it may read
 * @param deliveredEtag the version of the topic the subscriber last received (or had when it subscribed)
 * @param lastStatus    HTTP status of the last delivery attempt, 0 for none or no answer
 * @param failures      failed attempts since the last success
 * @param nextAttempt   earliest next attempt after a failure, null when none is waiting
 */
public record HubSubscription(String id, Topic topic, String callback, String secret, String partnerId, State state,
                              long leaseSeconds, Instant createdAt, Instant verifiedAt, Instant expiresAt,
                              String deliveredEtag, Instant lastDeliveryAt, int lastStatus, String lastError,
                              int failures, Instant nextAttempt) {

    /** What the hub does with a subscription. Only {@code ACTIVE} ones receive deliveries. */
    public enum State {
        ACTIVE, EXPIRED, UNSUBSCRIBED, GONE, REVOKED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    HubSubscription delivered(String etag, Instant at, int status) {
        return new HubSubscription(id, topic, callback, secret, partnerId, state, leaseSeconds, createdAt, verifiedAt,
                expiresAt, etag, at, status, null, 0, null);
    }

    HubSubscription failed(Instant at, int status, String error, Instant next) {
        return new HubSubscription(id, topic, callback, secret, partnerId, state, leaseSeconds, createdAt, verifiedAt,
                expiresAt, deliveredEtag, at, status, error, failures + 1, next);
    }

    HubSubscription upToDate(String etag) {
        return new HubSubscription(id, topic, callback, secret, partnerId, state, leaseSeconds, createdAt, verifiedAt,
                expiresAt, etag, lastDeliveryAt, lastStatus, lastError, failures, nextAttempt);
    }

    /** The same grant (verified by the same request, for the same lease): what a subscriber's request changes. */
    boolean sameGrant(HubSubscription o) {
        return verifiedAt.equals(o.verifiedAt) && expiresAt.equals(o.expiresAt);
    }

    /** This grant with what deliveries did under {@code o}. */
    HubSubscription withProgressOf(HubSubscription o) {
        return new HubSubscription(id, topic, callback, secret, partnerId, state, leaseSeconds, createdAt, verifiedAt,
                expiresAt, o.deliveredEtag, o.lastDeliveryAt, o.lastStatus, o.lastError, o.failures,
                state == State.ACTIVE ? o.nextAttempt : null);
    }

    HubSubscription withState(State s, String error) {
        return new HubSubscription(id, topic, callback, secret, partnerId, s, leaseSeconds, createdAt, verifiedAt,
                expiresAt, deliveredEtag, lastDeliveryAt, lastStatus, error == null ? lastError : error, failures,
                s == State.ACTIVE ? nextAttempt : null);
    }
}
