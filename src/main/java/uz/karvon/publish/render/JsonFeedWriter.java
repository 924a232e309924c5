package uz.karvon.publish.render;

import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Fields are written in a fixed order through
 * {@link ObjectNode}; null values are omitted rather than written as {@code null}. Agency data that JSON
 * Feed has no field for lives in the {@code _karvon} extension object (extensions start with "_").
 */
final class JsonFeedWriter {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    // Thread-safe once configured. Astral characters (emoji) as 4-byte UTF-8, not as \\uD83D\\uDE00 pairs.
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build());
    private final String publisher;

    JsonFeedWriter(String publisher) {
        this.publisher = publisher;
    }

    byte[] write(Channel c, List<Entry> entries, Paging paging) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        root.put("title", c.title());
        root.put("home_page_url", c.homeUrl());
        put(root, "feed_url", c.jsonUrl());
        if (!c.description().isEmpty()) {
            root.put("description", c.description());
        }
        put(root, "next_url", paging.next());
        if (paging.previous() != null || paging.first() != null) { // JSON Feed has next_url only: the way back is ours
            ObjectNode k = root.putObject("_karvon");
            put(k, "previous_url", paging.previous());
            put(k, "first_url", paging.first());
        }
        put(root, "icon", c.iconUrl());
        put(root, "favicon", c.iconUrl());
        put(root, "language", LanguageTags.canonical(c.language()));
        if (c.hubUrl() != null) root.putArray("hubs").addObject().put("type", "WebSub").put("url", c.hubUrl());
        root.putArray("authors").addObject().put("name", publisher);
        ArrayNode items = root.putArray("items");
        for (Entry e : entries) {
            item(items.addObject(), e);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException ex) {
            throw new FeedRenderException("json " + c.id() + ": " + ex.getMessage(), ex);
        }
    }

    private static void item(ObjectNode o, Entry e) {
        o.put("id", e.id());
        o.put("url", e.url());
        o.put("title", e.title());
        put(o, "summary", PlainText.inert(e.summary())); // plain text by the spec, and readers show it as HTML too
        put(o, "content_html", e.contentHtml());
        if (e.contentHtml() == null) {
            // JSON Feed 1.1: "content_html and content_text are each optional strings — but one or the other must
            // be present". A feed without full text carries the summary (or the title) as text.
            o.put("content_text", e.summary() != null && !e.summary().isBlank() ? e.summary() : e.title());
        }
        put(o, "date_published", Dates.rfc3339(e.published()));
        put(o, "date_modified", Dates.rfc3339(e.updated()));
        if (e.author() != null && !e.author().isBlank()) {
            o.putArray("authors").addObject().put("name", e.author());
        }
        if (!e.categories().isEmpty()) {
            ArrayNode tags = o.putArray("tags");
            e.categories().forEach(tags::add);
        }
        put(o, "language", LanguageTags.canonical(e.language()));
        if (e.image() != null) {
            o.put("image", e.image().url());
            ObjectNode a = o.putArray("attachments").addObject();
            a.put("url", e.image().url());
            a.put("mime_type", e.image().type() != null ? e.image().type() : "application/octet-stream");
            put(a, "title", e.image().caption());
            if (e.image().hasKnownLength()) {
                a.put("size_in_bytes", e.image().length());
            }
        }
        ObjectNode k = o.putObject("_karvon");
        if (!e.translations().isEmpty()) {
            ArrayNode tr = k.putArray("translations");
            for (Translation t : e.translations()) {
                ObjectNode n = tr.addObject();
                n.put("language", LanguageTags.canonical(t.language()));
                n.put("url", t.url());
                put(n, "title", t.title());
            }
        }
        if (e.credit() != null) {
            ObjectNode cr = k.putObject("credit");
            put(cr, "source_id", e.credit().sourceId());
            cr.put("name", e.credit().name());
            put(cr, "url", e.credit().url());
            if (e.credit().dateFirstSeen()) k.put("date_first_seen", true);   // the source gave no usable date
        }
        if (e.cluster() != null) {
            k.put("cluster", e.cluster().id());
            if (!e.cluster().related().isEmpty()) {
                ArrayNode rel = k.putArray("related");
                for (Related r : e.cluster().related()) {
                    ObjectNode n = rel.addObject();
                    n.put("url", r.url());
                    put(n, "language", LanguageTags.canonical(r.language()));
                    put(n, "source", r.source());
                    put(n, "title", r.title());
                }
            }
            if (!e.cluster().alsoReportedBy().isEmpty()) {
                ArrayNode also = k.putArray("also_reported_by");
                e.cluster().alsoReportedBy().forEach(also::add);
            }
        }
        if (e.embargo() != null) {
            k.put("embargo_until", Dates.rfc3339(e.embargo().until()));
        }
        put(k, "correction_note", e.correctionNote());
        put(k, "dateline", e.dateline());
        k.put("machine_transliterated", e.machineTransliterated());
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
