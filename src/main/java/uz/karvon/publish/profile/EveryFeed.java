package uz.karvon.publish.profile;

import java.util.ArrayList;
import java.util.List;
import uz.karvon.publish.render.Channel;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.PlainText;

/**
 * What Apple News and Google News require of any RSS/Atom feed, held by every feed karvon serves, whatever its
 * profile. Sources: "RSS guidelines for Apple News" (support.apple.com/guide/news-publisher/apdc2c7520ff):
 * "Channel elements must include title, language (with locale), and link. Items must include title, link, and
 * description"; Google News "Technical feed requirements" (support.google.com/news/publisher-center/answer/9545420)
 * asks for full articles. karvon already writes channel title and link and item title and link; this adds:
 * <ul>
 * <li>a channel language for a feed of all languages (the site's default language; items in other languages carry
 * their own), written with its region by the RSS writer;</li>
 * <li>an item description where the story has no summary: the start of its text, else its title;</li>
 * <li>{@code content:encoded} where the feed is not full text: the summary as a paragraph.</li>
 * </ul>
 */
public final class EveryFeed {
    /** Apple News uses up to 200 characters of the description as the excerpt. */
    static final int DESCRIPTION_CHARS = 300;

    private EveryFeed() {}

    public static Channel channel(Channel c, String defaultLanguage) {
        if (c.language() != null) return c;
        return new Channel(c.id(), c.title(), c.description(), defaultLanguage, c.homeUrl(), c.rssUrl(), c.atomUrl(),
                c.jsonUrl(), c.updated(), c.rights(), c.iconUrl(), c.logoUrl(), c.hubUrl());
    }

    /** Every entry with a description; {@code withContent}: and with {@code content:encoded} (RSS). */
    public static List<Entry> entries(List<Entry> entries, boolean withContent) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Entry x = e;
            if (x.summary() == null || x.summary().isBlank()) x = Entries.withSummary(x, excerpt(x));
            if (withContent && x.contentHtml() == null) x = Entries.withContent(x, "<p>" + PlainText.asHtml(x.summary()) + "</p>");
            out.add(x);
        }
        return out;
    }

    private static String excerpt(Entry e) {
        String text = Entries.text(e.contentHtml());
        if (text == null || text.isBlank()) return e.title();
        if (text.length() <= DESCRIPTION_CHARS) return text;
        int cut = text.lastIndexOf(' ', DESCRIPTION_CHARS);
        return text.substring(0, cut > DESCRIPTION_CHARS / 2 ? cut : DESCRIPTION_CHARS) + "…";
    }
}
