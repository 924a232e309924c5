package uz.karvon.publish.render;

import java.util.List;
import java.util.Objects;

/**
 * Renders one channel and its entries to RSS 2.0, Atom 1.0 and JSON Feed 1.1 UTF-8 bytes.
 *
 * <p>Thread-safe and stateless per call: ROME and JDOM objects are built fresh for every render.
 * All text first passes through {@link XmlText}, so a control character in a title can never break a
 * feed. Entries are written in the order given. Throws {@link FeedRenderException} (unchecked) only for
 * input ROME refuses outright (e.g. an image URL that is not a URI).
 */
public final class FeedRenderer {
    /** Default publisher name, used as the Atom feed author and the JSON Feed authors entry. */
    public static final String DEFAULT_PUBLISHER = "Karvon";
    private static final String GENERATOR = "karvon";

    private final RssWriter rss;
    private final AtomWriter atom;
    private final JsonFeedWriter json;

    public FeedRenderer() {
        this(DEFAULT_PUBLISHER);
    }

    /** @param publisher the agency name, written as the feed-level author */
    public FeedRenderer(String publisher) {
        this(publisher, null);
    }

    /**
     * @param stylesheet href (usually relative to the feed URL) of the XSLT stylesheet RSS and Atom name in
     *                   {@code <?xml-stylesheet?>} so that browsers render them as a page; null: none
     */
    public FeedRenderer(String publisher, String stylesheet) {
        Objects.requireNonNull(publisher, "publisher");
        String p = XmlText.clean(publisher);
        this.rss = new RssWriter(GENERATOR, stylesheet);
        this.atom = new AtomWriter(p, GENERATOR, stylesheet);
        this.json = new JsonFeedWriter(p);
    }

    public byte[] rss(Channel c, List<Entry> entries) {
        return rss(c, entries, Paging.NONE);
    }

    /** With RFC 5005 paging links ({@code atom:link rel="next"} …). */
    public byte[] rss(Channel c, List<Entry> entries, Paging paging) {
        return rss.write(XmlText.clean(c), clean(entries), paging);
    }

    public byte[] atom(Channel c, List<Entry> entries, List<Tombstone> tombstones) {
        return atom(c, entries, tombstones, Paging.NONE);
    }

    /** With RFC 5005 paging links ({@code link rel="next"} …). */
    public byte[] atom(Channel c, List<Entry> entries, List<Tombstone> tombstones, Paging paging) {
        List<Tombstone> t = tombstones == null ? List.of() : tombstones.stream().map(XmlText::clean).toList();
        return atom.write(XmlText.clean(c), clean(entries), t, paging);
    }

    public byte[] json(Channel c, List<Entry> entries) {
        return json(c, entries, Paging.NONE);
    }

    /** With {@code next_url} and, in the {@code _karvon} extension, {@code previous_url} and {@code first_url}. */
    public byte[] json(Channel c, List<Entry> entries, Paging paging) {
        return json.write(XmlText.clean(c), clean(entries), paging);
    }

    private static List<Entry> clean(List<Entry> entries) {
        return entries == null ? List.of() : entries.stream().map(XmlText::clean).toList();
    }
}
