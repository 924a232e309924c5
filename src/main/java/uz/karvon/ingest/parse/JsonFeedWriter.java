package uz.karvon.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a {@link ParsedFeed} as one line of JSON Feed 1.1; null and empty fields are omitted. Streams straight
 * to UTF-8 bytes (no tree, no intermediate String): the {@code parse} command prints thousands of these. What JSON
 * Feed has no field for goes in {@code _karvon} objects: feed tags, an item's {@link ItemFlag flags} (why it has
 * no date, for one) and contributors, a person's e-mail address.
 */
public final class JsonFeedWriter {
    /** Characters beyond U+FFFF (emoji) as UTF-8, not as \\uD83D\\uDE00 escape pairs (Jackson's default for bytes). */
    public static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private JsonFeedWriter() {
    }

    public static String toJson(ParsedFeed f) {
        return new String(toJsonBytes(f), StandardCharsets.UTF_8);
    }

    /** The feed as UTF-8 JSON, without a line break. */
    public static byte[] toJsonBytes(ParsedFeed f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeEstimate(f));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "https://jsonfeed.org/version/1.1");
            put(g, "title", f.title());
            put(g, "home_page_url", f.homePageUrl());
            put(g, "feed_url", f.feedUrl());
            put(g, "description", f.description());
            put(g, "icon", f.icon());
            put(g, "language", f.language());
            people(g, "authors", f.authors());
            if (!f.tags().isEmpty()) {
                g.writeObjectFieldStart("_karvon");
                strings(g, "tags", f.tags());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("items");
            for (ParsedItem it : f.items()) item(g, it);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("json feed: cannot serialise", e);
        }
        return out.toByteArray();
    }

    /** Two bytes per char of the long fields (Cyrillic and Arabic in UTF-8) plus the rest: rarely grown. */
    private static int sizeEstimate(ParsedFeed f) {
        long chars = 512;
        for (ParsedItem it : f.items()) {
            chars += 384 + length(it.title()) + length(it.contentHtml()) + length(it.contentText()) + length(it.summary());
        }
        return (int) Math.min(2 * chars, 64L << 20);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void item(JsonGenerator g, ParsedItem it) throws IOException {
        g.writeStartObject();
        put(g, "id", it.id());
        put(g, "url", it.url());
        put(g, "external_url", it.externalUrl());
        put(g, "title", it.title());
        put(g, "content_html", it.contentHtml());
        put(g, "content_text", it.contentText());
        put(g, "summary", it.summary());
        put(g, "image", it.image());
        put(g, "date_published", date(it.published()));
        put(g, "date_modified", date(it.modified()));
        people(g, "authors", it.authors());
        strings(g, "tags", it.tags());
        put(g, "language", it.language());
        if (!it.attachments().isEmpty()) {
            g.writeArrayFieldStart("attachments");
            for (Attachment at : it.attachments()) {
                g.writeStartObject();
                put(g, "url", at.url());
                put(g, "mime_type", at.mimeType());
                if (at.sizeInBytes() != null) g.writeNumberField("size_in_bytes", at.sizeInBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!it.flags().isEmpty() || !it.contributors().isEmpty()) {
            g.writeObjectFieldStart("_karvon");
            strings(g, "flags", it.flags());
            people(g, "contributors", it.contributors());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * JSON Feed authors: {@code url} is the person's page, else a {@code mailto:} link to the address, so an author
     * known only by e-mail is still a valid author object; the address itself is in {@code _karvon.email}.
     */
    private static void people(JsonGenerator g, String field, List<Author> people) throws IOException {
        if (people.isEmpty()) return;
        g.writeArrayFieldStart(field);
        for (Author au : people) {
            g.writeStartObject();
            put(g, "name", au.name());
            put(g, "url", au.url() != null ? au.url() : au.email() != null ? "mailto:" + au.email() : null);
            if (au.email() != null) {
                g.writeObjectFieldStart("_karvon");
                g.writeStringField("email", au.email());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String date(Instant i) {
        return i == null ? null : RFC3339.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values == null || values.isEmpty()) return;
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void put(JsonGenerator g, String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) g.writeStringField(field, value);
    }
}
