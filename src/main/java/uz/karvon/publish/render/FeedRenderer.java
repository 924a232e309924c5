package uz.karvon.publish.render;

import java.util.List;
import java.util.Objects;

/**
 * Renders one channel and its entries to RSS 2.0, Atom 1.0 and JSON Feed 1.1 UTF-8 bytes; {@link #ninjs()} writes IPTC ninjs.
 *
 * <p>Thread-safe and stateless per call: ROME and JDOM objects are built fresh for every render.
 * Every record first passes through {@link Outgoing}: a control character in a title can never break a
 * feed, every URL is WHATWG-serialized, and no text field carries live markup (see {@link PlainText}).
 * Entries are written in the order given; one whose link cannot be published is left out. Throws {@link FeedRenderException} (unchecked) only for
 * input ROME refuses outright (e.g. an image URL that is not a URI).
 */
public final class FeedRenderer {
    /** Default publisher name, used as the Atom feed author and the JSON Feed authors entry. */
    public static final String DEFAULT_PUBLISHER = "Karvon";
    private static final String GENERATOR = "karvon";

    private final RssWriter rss;
    private final AtomWriter atom;
    private final JsonFeedWriter json;
    private final NinjsWriter ninjs = new NinjsWriter();

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
        String p = Outgoing.text(publisher);
        this.rss = new RssWriter(GENERATOR, stylesheet);
        this.atom = new AtomWriter(p, GENERATOR, stylesheet);
        this.json = new JsonFeedWriter(p);
    }

    public byte[] rss(Channel c, List<Entry> entries) {
        return rss(c, entries, Paging.NONE);
    }

    /** With RFC 5005 paging links ({@code atom:link rel="next"} …). */
    public byte[] rss(Channel c, List<Entry> entries, Paging paging) {
        return rss(c, entries, paging, RssExtension.NONE);
    }

    /** With paging links and a platform's extra item elements ({@code profile:} in feeds.yml). */
    public byte[] rss(Channel c, List<Entry> entries, Paging paging, RssExtension ext) {
        return rss.write(Outgoing.channel(c), Outgoing.entries(entries), paging, ext);
    }

    /** IPTC ninjs 3.1: one object, a JSON array, or NDJSON. */
    public NinjsWriter ninjs() {
        return ninjs;
    }

    public byte[] atom(Channel c, List<Entry> entries, List<Tombstone> tombstones) {
        return atom(c, entries, tombstones, Paging.NONE);
    }

    /** With RFC 5005 paging links ({@code link rel="next"} …). */
    public byte[] atom(Channel c, List<Entry> entries, List<Tombstone> tombstones, Paging paging) {
        List<Tombstone> t = tombstones == null ? List.of() : tombstones.stream().map(Outgoing::tombstone).toList();
        return atom.write(Outgoing.channel(c), Outgoing.entries(entries), t, paging);
    }

    public byte[] json(Channel c, List<Entry> entries) {
        return json(c, entries, Paging.NONE);
    }

    /** With {@code next_url} and, in the {@code _karvon} extension, {@code previous_url} and {@code first_url}. */
    public byte[] json(Channel c, List<Entry> entries, Paging paging) {
        return json.write(Outgoing.channel(c), Outgoing.entries(entries), paging);
    }
}
