package uz.karvon.publish;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a feed: feeds are ordered newest first by publication time, then agency articles ({@code 'a'})
 * before items of external sources ({@code 'i'}), then by id; the same order as the item ids karvon writes.
 * As a page cursor it reads {@code <epoch millis>-<a|i>-<id>}: stable, because it names an item, not a position.
 */
public record EntryKey(long published, char kind, String id) implements Comparable<EntryKey> {
    public static final char ARTICLE = 'a';
    public static final char ITEM = 'i';
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-([ai])-([A-Za-z0-9._:~-]{1,250})");
    private static final Comparator<EntryKey> FEED_ORDER = Comparator.comparingLong(EntryKey::published).reversed()
            .thenComparing(EntryKey::kind).thenComparing(EntryKey::id);

    @Override
    public int compareTo(EntryKey o) {
        return FEED_ORDER.compare(this, o);
    }

    /** Whether this key comes after {@code other} when reading {@code older} (down the feed) or up it. */
    boolean after(EntryKey other, boolean older) {
        int c = compareTo(other);
        return older ? c > 0 : c < 0;
    }

    public String token() {
        return published + "-" + kind + "-" + id;
    }

    public static Optional<EntryKey> parse(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) return Optional.empty();
        return Optional.of(new EntryKey(Long.parseLong(m.group(1)), m.group(2).charAt(0), m.group(3)));
    }
}
