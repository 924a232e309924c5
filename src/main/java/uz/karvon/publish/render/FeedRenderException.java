package uz.karvon.publish.render;

/** A feed could not be rendered; the message names the format and channel. Unchecked: it is a bug, not input. */
public final class FeedRenderException extends RuntimeException {
    public FeedRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
