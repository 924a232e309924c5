package uz.karvon.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database could not do what was asked (I/O, lock never granted, missing table, corrupt file); nothing of the
 * failed transaction was stored. This is an outage, not a bug: callers answer 503 and may try again later.
 * Anything else thrown inside a transaction is a bug and is not turned into this.
 */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The database failure behind {@code t}, wherever it sits in the cause chain (callers that cannot declare
     * a checked exception wrap it); empty for any other failure.
     */
    public static Optional<Throwable> outage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StoreException || c instanceof SQLException) return Optional.of(c);
        }
        return Optional.empty();
    }
}
