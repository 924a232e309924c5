package uz.karvon.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON Feed 1.0/1.1 through a Jackson tree with a nesting-depth limit ({@link #MAX_DEPTH}): a 10,000-deep array
 * is refused by the tokenizer instead of recursing. Accepts 1.0 "author" and 1.1 "authors".
 */
final class JsonFeedReader {
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private JsonFeedReader() {
    }

    static RawFeed read(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) throw new NotAFeed("json is not an object");
        String version = text(root, "version");
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            if (!root.has("items")) throw new NotAFeed("json without jsonfeed version or items");
        }
        RawFeed f = new RawFeed();
        f.format = version != null && version.endsWith("/1") ? "json_1.0" : "json_1.1";
        f.title = text(root, "title");
        f.homePageUrl = text(root, "home_page_url");
        f.feedUrl = text(root, "feed_url");
        f.description = text(root, "description");
        f.language = text(root, "language");
        f.icon = text(root, "icon");
        authors(root.get("authors"), f.authors);
        authors(root.get("author"), f.authors);
        JsonNode hubs = root.get("hubs");   // JSON Feed 1.1: [{"type": "WebSub", "url": …}]
        if (hubs != null && hubs.isArray()) {
            for (JsonNode h : hubs) {
                String type = text(h, "type");
                String url = text(h, "url");
                if (url != null && (type == null || type.equalsIgnoreCase("websub"))) f.hubs.add(url);
            }
        }
        JsonNode items = root.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode n : items) {
                if (n.isObject()) f.items.add(item(n));
            }
        }
        return f;
    }

    private static RawItem item(JsonNode n) {
        RawItem it = new RawItem();
        it.guid = text(n, "id");
        it.link = text(n, "url");
        it.externalUrl = text(n, "external_url");
        it.title = text(n, "title");
        it.content = text(n, "content_html");
        it.contentText = text(n, "content_text");
        if (it.content == null && it.contentText != null) {
            it.content = it.contentText;
            it.contentIsText = true;
        }
        it.summary = text(n, "summary");
        it.summaryIsText = true;   // JSON Feed: summary is plain text
        it.image = text(n, "image");
        if (it.image == null) it.image = text(n, "banner_image");
        String published = text(n, "date_published");
        if (published != null) it.publishedRaw.add(published);
        String modified = text(n, "date_modified");
        if (modified != null) it.modifiedRaw.add(modified);
        it.language = text(n, "language");
        authors(n.get("authors"), it.authors);
        authors(n.get("author"), it.authors);
        JsonNode tags = n.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                if (t.isValueNode()) it.tags.add(t.asText());
            }
        }
        JsonNode att = n.get("attachments");
        if (att != null && att.isArray()) {
            for (JsonNode a : att) {
                String url = text(a, "url");
                if (url == null) continue;
                JsonNode size = a.get("size_in_bytes");
                Long bytes = size != null && size.canConvertToLong() && size.asLong() > 0 ? size.asLong() : null;
                it.attachments.add(new Attachment(url, text(a, "mime_type"), bytes));
            }
        }
        return it;
    }

    private static void authors(JsonNode node, java.util.List<Author> into) {
        if (node == null || into.size() >= ItemNormalizer.MAX_AUTHORS) return;
        if (node.isObject()) {
            String name = text(node, "name");
            String url = text(node, "url");
            if ((name != null || url != null) && !into.contains(new Author(name, url))) into.add(new Author(name, url));
        } else if (node.isArray()) {
            for (JsonNode a : node) authors(a, into);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** Valid JSON that is not a JSON Feed. */
    static final class NotAFeed extends IOException {
        NotAFeed(String msg) {
            super(msg);
        }
    }

}
