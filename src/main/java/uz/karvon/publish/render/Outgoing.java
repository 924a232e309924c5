package uz.karvon.publish.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uz.karvon.ingest.normalize.Urls;

/**
 * Every record passes through here on its way to a writer, so no writer can forget a field:
 * <ul>
 * <li>every string: characters XML 1.0 can carry ({@link XmlText});</li>
 * <li>every URL: WHATWG-serialized ({@link Urls#serialize}); an optional URL that cannot be published is left
 * out, an entry whose own link cannot be is left out of the feed (the stored item is untouched);</li>
 * <li>titles, authors, categories, captions, credits, notes: HTML-inert ({@link PlainText#inert}).</li>
 * </ul>
 * The summary is the one text left as it is: its field is HTML in RSS and text in Atom and JSON Feed, so each
 * writer chooses ({@link PlainText#asHtml} or {@link PlainText#inert}).
 */
final class Outgoing {
    /** RFC 6838 type/subtype, optionally with parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=[A-Za-z0-9!#$&^_.+-]+)*");

    private Outgoing() {}

    static String text(String s) {
        return PlainText.inert(XmlText.clean(s));
    }

    static String url(String s) {
        return Urls.serialize(XmlText.clean(s));
    }

    static Channel channel(Channel c) {
        String home = url(c.homeUrl());
        if (home == null) throw new FeedRenderException("feed " + c.id() + ": home URL cannot be published: " + c.homeUrl(), null);
        return new Channel(XmlText.clean(c.id()), text(c.title()), text(c.description()), XmlText.clean(c.language()),
                home, url(c.rssUrl()), url(c.atomUrl()), url(c.jsonUrl()), c.updated(), text(c.rights()), url(c.iconUrl()),
                url(c.logoUrl()), url(c.hubUrl()));
    }

    /** The entry as published, or null when its link cannot be. */
    static Entry entry(Entry e) {
        String link = url(e.url());
        if (link == null) return null;
        Image img = null;
        if (e.image() != null && url(e.image().url()) != null) {
            img = new Image(url(e.image().url()), mediaType(e.image().type()), e.image().length(), text(e.image().caption()));
        }
        List<Translation> tr = new ArrayList<>(e.translations().size());
        for (Translation t : e.translations()) {
            String u = url(t.url());
            if (u != null) tr.add(new Translation(XmlText.clean(t.language()), u, text(t.title())));
        }
        Credit cr = e.credit() == null ? null
                : new Credit(text(e.credit().sourceId()), text(e.credit().name()), url(e.credit().url()), e.credit().dateFirstSeen());
        List<String> categories = e.categories().stream().map(Outgoing::text).filter(s -> s != null && !s.isBlank()).toList();
        return new Entry(XmlText.clean(e.id()), link, text(e.title()), XmlText.clean(e.summary()), XmlText.clean(e.contentHtml()),
                XmlText.clean(e.language()), categories, text(e.author()), e.published(), e.updated(), img, tr, cr, e.embargo(),
                text(e.correctionNote()), text(e.dateline()), e.machineTransliterated(), cluster(e.cluster()));
    }

    private static ClusterInfo cluster(ClusterInfo c) {
        if (c == null) return null;
        List<Related> related = new ArrayList<>(c.related().size());
        for (Related r : c.related()) {
            String u = url(r.url());
            if (u != null) related.add(new Related(u, XmlText.clean(r.language()), text(r.title()), text(r.source())));
        }
        return new ClusterInfo(XmlText.clean(c.id()), related, c.alsoReportedBy().stream().map(Outgoing::text).toList());
    }

    static Tombstone tombstone(Tombstone t) {
        return new Tombstone(XmlText.clean(t.id()), t.when(), text(t.reason()), url(t.url()));
    }

    static List<Entry> entries(List<Entry> entries) {
        if (entries == null) return List.of();
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Entry p = entry(e);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** A media type as RFC 6838 spells one, else null (writers then omit it or fall back to a generic type). */
    static String mediaType(String type) {
        String t = XmlText.clean(type);
        return t != null && MEDIA_TYPE.matcher(t.strip()).matches() ? t.strip() : null;
    }
}
