package uz.karvon.cluster;

/** A gazetteer file that cannot be used; the message names the file and line: {@code extra.txt:12: …}. */
public final class GazetteerException extends Exception {
    public GazetteerException(String message) {
        super(message);
    }
}
