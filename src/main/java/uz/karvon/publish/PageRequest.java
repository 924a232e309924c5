package uz.karvon.publish;

import java.util.Optional;

/**
 * Which page of a feed (RFC 5005 paged feeds): the first page is the feed itself; {@code ?before=KEY} is the
 * page of items after KEY going down the feed (older), {@code ?after=KEY} the page of items just above KEY (newer).
 */
public record PageRequest(Direction direction, EntryKey cursor) {
    public enum Direction { FIRST, BEFORE, AFTER }

    public static final PageRequest FIRST = new PageRequest(Direction.FIRST, null);

    public static PageRequest before(EntryKey k) {
        return new PageRequest(Direction.BEFORE, k);
    }

    public static PageRequest after(EntryKey k) {
        return new PageRequest(Direction.AFTER, k);
    }

    public boolean isFirst() {
        return direction == Direction.FIRST;
    }

    /** The query string of this page's URL ({@code ""} for the first page). */
    public String query() {
        return switch (direction) {
            case FIRST -> "";
            case BEFORE -> "?before=" + cursor.token();
            case AFTER -> "?after=" + cursor.token();
        };
    }

    /**
     * The page named by a request's {@code before} and {@code after} parameters (both absent: the first page),
     * or an error message naming the parameter.
     */
    public static Parsed parse(String before, String after) {
        if (before != null && after != null) return new Parsed(null, "page: give either before or after, not both");
        if (before == null && after == null) return new Parsed(FIRST, null);
        String name = before != null ? "before" : "after";
        Optional<EntryKey> k = EntryKey.parse(before != null ? before : after);
        if (k.isEmpty()) {
            return new Parsed(null, "page: " + name + ": expected a cursor from a next or previous link"
                    + " (<epoch millis>-<a|i>-<id>)");
        }
        return new Parsed(before != null ? before(k.get()) : after(k.get()), null);
    }

    public record Parsed(PageRequest page, String error) {}
}
