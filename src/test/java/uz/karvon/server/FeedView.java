package uz.karvon.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.InputSource;

/** A served feed parsed back by independent readers: ROME for RSS/Atom, Jackson for JSON Feed. */
public record FeedView(String format, String selfLink, List<Item> items) {
    public record Item(String id, String url, String title, Instant published, Instant updated, List<String> categories) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FeedView parse(String format, byte[] body) throws Exception {
        switch (format) {
            case "json" -> {
                JsonNode root = JSON.readTree(body);
                if (!"https://jsonfeed.org/version/1.1".equals(root.path("version").asText())) {
                    throw new AssertionError("not a JSON Feed 1.1: " + root.path("version"));
                }
                List<Item> items = new ArrayList<>();
                for (JsonNode i : root.path("items")) {
                    List<String> tags = new ArrayList<>();
                    i.path("tags").forEach(t -> tags.add(t.asText()));
                    items.add(new Item(i.path("id").asText(null), i.path("url").asText(null), i.path("title").asText(null),
                            instant(i.path("date_published").asText(null)), instant(i.path("date_modified").asText(null)), tags));
                }
                return new FeedView(format, root.path("feed_url").asText(null), items);
            }
            case "rss", "atom" -> {
                SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
                String expectedType = format.equals("rss") ? "rss_2.0" : "atom_1.0";
                if (!expectedType.equals(feed.getFeedType())) throw new AssertionError("feed type " + feed.getFeedType());
                Xml xml = new Xml(body);
                String self = format.equals("rss")
                        ? xml.string("/rss/channel/a:link[@rel='self']/@href")
                        : xml.string("/a:feed/a:link[@rel='self']/@href");
                List<Item> items = new ArrayList<>();
                for (SyndEntry e : feed.getEntries()) {
                    List<String> cats = new ArrayList<>();
                    for (SyndCategory c : e.getCategories()) cats.add(c.getName());
                    items.add(new Item(e.getUri(), e.getLink(), e.getTitle(),
                            e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(),
                            e.getUpdatedDate() == null ? null : e.getUpdatedDate().toInstant(), cats));
                }
                return new FeedView(format, self, items);
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : java.time.OffsetDateTime.parse(s).toInstant();
    }

    public List<String> ids() {
        return items.stream().map(Item::id).toList();
    }

    public List<Item> withId(String id) {
        return items.stream().filter(i -> id.equals(i.id())).toList();
    }

    /** The article id inside a karvon item id ({@code tag:HOST,YEAR:article/ID}). */
    /** The item id a feed gives the article with this id (the inverse of {@link #articleId}), on the test site. */
    public static String itemId(String articleId) {
        return "tag:localhost,2026:article/" + articleId;
    }

    public static String articleId(String itemId) {
        int i = itemId.indexOf(":article/");
        return i < 0 ? null : itemId.substring(i + ":article/".length());
    }
}
