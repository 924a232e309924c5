package uz.karvon.ingest.fetch;

import java.net.UnknownHostException;

/** Thrown inside OkHttp (DNS or connect) when an address is refused; mapped to "blocked-address". */
final class BlockedAddressException extends UnknownHostException {

    BlockedAddressException(String message) {
        super(message);
    }
}
