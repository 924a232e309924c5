package uz.karvon.websub;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Our subscription to the hub one source advertises.
 *
 * @param token        the unguessable last segment of our callback URL for this source
 * @param secret       the {@code hub.secret} we gave; pushes must be signed with it
 * @param requestedAt  when we last sent the hub a request
 * @param leaseSeconds the lease the hub granted (0 before verification)
 * @param missed       a safety-net poll found items no push brought: polling runs at the source's own interval
 *                     until the next push (kept in memory only)
 */
public record SourcePush(String sourceId, URI hub, URI topic, String token, String secret, State state,
                         Instant requestedAt, long leaseSeconds, Instant leaseExpires, Instant lastPush, long pushes,
                         long rejected, String lastError, boolean missed) {

    public enum State {
        /** asked; waiting for the hub's verification */
        SUBSCRIBING,
        /** verified; the lease runs */
        ACTIVE,
        /** asked to unsubscribe; waiting for the hub's verification */
        UNSUBSCRIBING,
        UNSUBSCRIBED,
        /** the hub denied the subscription (§5.2) */
        DENIED,
        /** the request failed or was never verified */
        FAILED,
        /** the lease ended without a renewal */
        EXPIRED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    SourcePush with(State s, String error) {
        return new SourcePush(sourceId, hub, topic, token, secret, s, requestedAt, leaseSeconds, leaseExpires, lastPush,
                pushes, rejected, error, missed);
    }

    SourcePush requested(URI newHub, State s, Instant at) {
        return new SourcePush(sourceId, newHub, topic, token, secret, s, at, leaseSeconds, leaseExpires, lastPush, pushes,
                rejected, lastError, missed);
    }

    SourcePush verified(long lease, Instant now) {
        return new SourcePush(sourceId, hub, topic, token, secret, State.ACTIVE, requestedAt, lease, now.plusSeconds(lease),
                lastPush, pushes, rejected, null, missed);
    }

    SourcePush pushed(Instant at) {
        return new SourcePush(sourceId, hub, topic, token, secret, state, requestedAt, leaseSeconds, leaseExpires, at,
                pushes + 1, rejected, lastError, false);
    }

    SourcePush rejectedOne(String why) {
        return new SourcePush(sourceId, hub, topic, token, secret, state, requestedAt, leaseSeconds, leaseExpires, lastPush,
                pushes, rejected + 1, why, missed);
    }

    SourcePush withMissed(boolean m) {
        return new SourcePush(sourceId, hub, topic, token, secret, state, requestedAt, leaseSeconds, leaseExpires, lastPush,
                pushes, rejected, lastError, m);
    }

    /** Pushes are expected: verified, and the lease still runs. */
    public boolean live(Instant now) {
        return state == State.ACTIVE && leaseExpires != null && leaseExpires.isAfter(now);
    }
}
