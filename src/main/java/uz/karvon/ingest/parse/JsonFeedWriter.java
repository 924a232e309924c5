package uz.karvon.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes a {@link ParsedFeed} as one line of JSON Feed 1.1; null and empty fields are omitted. */
public final class JsonFeedWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private JsonFeedWriter() {
    }

    public static String toJson(ParsedFeed f) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", "https://jsonfeed.org/version/1.1");
        put(root, "title", f.title());
        put(root, "home_page_url", f.homePageUrl());
        put(root, "feed_url", f.feedUrl());
        put(root, "description", f.description());
        put(root, "language", f.language());
        ArrayNode items = root.putArray("items");
        for (ParsedItem it : f.items()) items.add(item(it));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("json feed: cannot serialise", e);
        }
    }

    private static ObjectNode item(ParsedItem it) {
        ObjectNode n = MAPPER.createObjectNode();
        put(n, "id", it.id());
        put(n, "url", it.url());
        put(n, "external_url", it.externalUrl());
        put(n, "title", it.title());
        put(n, "content_html", it.contentHtml());
        put(n, "content_text", it.contentText());
        put(n, "summary", it.summary());
        put(n, "image", it.image());
        put(n, "date_published", date(it.published()));
        put(n, "date_modified", date(it.modified()));
        if (!it.authors().isEmpty()) {
            ArrayNode a = n.putArray("authors");
            for (Author au : it.authors()) {
                ObjectNode o = a.addObject();
                put(o, "name", au.name());
                put(o, "url", au.url());
            }
        }
        strings(n, "tags", it.tags());
        put(n, "language", it.language());
        if (!it.attachments().isEmpty()) {
            ArrayNode a = n.putArray("attachments");
            for (Attachment at : it.attachments()) {
                ObjectNode o = a.addObject();
                put(o, "url", at.url());
                put(o, "mime_type", at.mimeType());
                if (at.sizeInBytes() != null) o.put("size_in_bytes", at.sizeInBytes());
            }
        }
        return n;
    }

    private static String date(Instant i) {
        return i == null ? null : RFC3339.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        if (values == null || values.isEmpty()) return;
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) n.put(field, value);
    }
}
