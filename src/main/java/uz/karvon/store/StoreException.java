package uz.karvon.store;

/** The database could not do what was asked; nothing of the failed transaction was stored. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
