package uz.karvon.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Dns;

/** Resolves, then keeps only allowed addresses; refuses the host if none remain. */
final class GuardedDns implements Dns {

    private final Dns delegate;
    private final Predicate<InetAddress> allowed;

    GuardedDns(Dns delegate, Predicate<InetAddress> allowed) {
        this.delegate = delegate;
        this.allowed = allowed;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        InetAddress literal = AddressGuard.literal(hostname);
        List<InetAddress> resolved = literal != null ? List.of(literal) : delegate.lookup(hostname);
        List<InetAddress> kept = new ArrayList<>(resolved.size());
        for (InetAddress a : resolved) {
            if (allowed.test(a)) {
                kept.add(a);
            }
        }
        if (kept.isEmpty()) {
            throw new BlockedAddressException("host " + hostname + " resolves only to non-public addresses");
        }
        return kept;
    }
}
