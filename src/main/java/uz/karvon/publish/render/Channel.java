package uz.karvon.publish.render;

import java.time.Instant;
import java.util.Objects;

/**
 * One published feed: its metadata and the absolute URLs it is served at.
 *
 * @param language BCP 47 tag, or {@code null} for a multi-language feed (then every entry carries its own)
 * @param rssUrl   the served RSS URL, written verbatim as {@code atom:link rel="self"}
 * @param atomUrl  the served Atom URL, written verbatim as {@code link rel="self"}
 * @param jsonUrl  the served JSON Feed URL, written verbatim as {@code feed_url}
 * @param homeUrl  the page that lists the same stories (RSS {@code link}, Atom {@code rel="alternate"}, JSON Feed
 *                 {@code home_page_url})
 * @param iconUrl  a small square icon: Atom {@code icon}, JSON Feed {@code icon} and {@code favicon}
 * @param logoUrl  the agency's logo: RSS {@code <image>}, Atom {@code logo} (null: the icon stands in for RSS)
 * @param hubUrl   the WebSub hub subscribers use, advertised beside the self link ({@code rel="hub"}; JSON Feed
 *                 {@code hubs}); null for none
 */
public record Channel(String id, String title, String description, String language, String homeUrl,
                      String rssUrl, String atomUrl, String jsonUrl, Instant updated, String rights, String iconUrl,
                      String logoUrl, String hubUrl) {
    /** A channel without a logo or a hub. */
    public Channel(String id, String title, String description, String language, String homeUrl,
                   String rssUrl, String atomUrl, String jsonUrl, Instant updated, String rights, String iconUrl) {
        this(id, title, description, language, homeUrl, rssUrl, atomUrl, jsonUrl, updated, rights, iconUrl, null, null);
    }

    /** A channel without a hub. */
    public Channel(String id, String title, String description, String language, String homeUrl,
                   String rssUrl, String atomUrl, String jsonUrl, Instant updated, String rights, String iconUrl,
                   String logoUrl) {
        this(id, title, description, language, homeUrl, rssUrl, atomUrl, jsonUrl, updated, rights, iconUrl, logoUrl, null);
    }

    public Channel {
        Objects.requireNonNull(id, "channel id");
        Objects.requireNonNull(title, "channel title");
        Objects.requireNonNull(homeUrl, "channel homeUrl");
        Objects.requireNonNull(updated, "channel updated");
        description = description == null ? "" : description;
    }
}
