package uz.karvon.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import uz.karvon.lang.LangTags;

/**
 * One story per line of JSON: {@code {"id":…, "lang":…, "source":…, "published":…, "title":…, "summary":…}}.
 * {@code id}, {@code published} (RFC 3339 with an offset) and {@code title} are required; {@code lang}
 * (detected when absent), {@code source} and {@code summary} are optional; other fields are ignored,
 * so a labelled file can carry its gold labels. Streamed with jackson-core (no data binding to start).
 */
public final class StoryJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A line that is not a story; the message names the field and what was expected. */
    public static final class BadLine extends Exception {
        public BadLine(String message) {
            super(message);
        }
    }

    private StoryJson() {
    }

    /** The story on one line, and its string fields (so callers can read extra ones, such as a gold label). */
    public record Parsed(Story story, Map<String, String> fields) {}

    public static Parsed parse(String line) throws BadLine {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLine("expected a JSON object {\"id\":…, \"lang\":…, \"published\":…, \"title\":…}");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else if (v == JsonToken.VALUE_NULL) {
                    fields.remove(name);
                } else if (isStoryField(name)) {
                    throw new BadLine("field \"" + name + "\": expected a string, got " + describe(v));
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new BadLine("more than one JSON value on the line");
            }
        } catch (JsonParseException e) {
            throw new BadLine("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadLine("not valid JSON: " + e.getMessage());
        }
        String id = required(fields, "id");
        String published = required(fields, "published");
        String title = required(fields, "title");
        String lang = fields.get("lang");
        if (lang != null && LangTags.normalize(lang) == null) {
            throw new BadLine("field \"lang\": expected a BCP 47 language tag (uz-Latn, uz-Cyrl, ru, en, zh, ar …), got \"" + lang + "\"");
        }
        return new Parsed(new Story(id, lang, fields.get("source"), instant(published), title, fields.get("summary")), Map.copyOf(fields));
    }

    private static boolean isStoryField(String name) {
        return switch (name) {
            case "id", "lang", "source", "published", "title", "summary" -> true;
            default -> false;
        };
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> t.toString();
        };
    }

    private static String required(Map<String, String> fields, String name) throws BadLine {
        String v = fields.get(name);
        if (v == null || v.isBlank()) {
            throw new BadLine("field \"" + name + "\": missing (required: id, published, title)");
        }
        return v;
    }

    private static Instant instant(String s) throws BadLine {
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadLine("field \"published\": expected an RFC 3339 date-time with offset such as 2026-06-21T09:30:00+05:00, got \"" + s + "\"");
        }
    }
}
