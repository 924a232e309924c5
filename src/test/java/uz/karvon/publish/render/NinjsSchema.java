package uz.karvon.publish.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ninjs object two ways: against IPTC's ninjs 3.1 JSON Schema (a test copy, see
 * src/test/resources/publish/render/ninjs/README.md) with format assertions on, and against the rules of the
 * ninjs 3.1 documentation written out here by hand, so neither a validator quirk nor a schema detail hides a fault.
 */
public final class NinjsSchema {
    static final String ID = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    /** Every property ninjs 3.1 defines at the top level of a news object; it refuses any other. */
    static final Set<String> PROPERTIES = Set.of("uri", "type", "representationType", "profile", "version",
            "firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "pubStatus", "urgency",
            "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "language", "descriptions", "bodies",
            "headlines", "people", "organisations", "places", "subjects", "events", "eventDetails", "plannedCoverage",
            "objects", "infoSources", "title", "by", "slugline", "located", "renditions", "associations", "altIds",
            "trustIndicators", "standard", "genres", "expires", "rightsInfo", "digitalSourceType");
    static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite", "component",
            "event", "planning");
    static final Set<String> STATUSES = Set.of("usable", "withheld", "canceled");
    static final Set<String> DATES = Set.of("firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "expires");

    private NinjsSchema() {}

    private static Schema load() {
        String schema;
        try (InputStream in = NinjsSchema.class.getResourceAsStream("/publish/render/ninjs/ninjs-schema_3.1.json")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                // places[].geoJSON refers to geojson.org; karvon never writes it, and tests never go online
                .schemas(Map.of(ID, schema, "https://geojson.org/schema/GeoJSON.json", "{}")));
        return registry.getSchema(SchemaLocation.of(ID + "#"));
    }

    /** Objects already found valid (feeds repeat the same stories; the schema walk is not cheap). */
    private static final Set<String> VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Every problem with this JSON text as one ninjs object: schema errors, then rule errors. Empty = valid. */
    public static List<String> problems(String json) {
        if (VALID.contains(json)) return List.of();
        List<String> out = new ArrayList<>();
        SCHEMA.validate(json, InputFormat.JSON).forEach(e -> out.add("schema: " + e.getInstanceLocation() + " " + e.getMessage()));
        try {
            out.addAll(rules(JSON.readTree(json), "$"));
        } catch (IOException e) {
            out.add("not JSON: " + e.getMessage());
        }
        if (out.isEmpty()) VALID.add(json);
        return out;
    }

    public static List<String> problems(JsonNode node) {
        return problems(node.toString());
    }

    /** The ninjs 3.1 rules in our own words (User Guide, "ninjs in Detail"). */
    static List<String> rules(JsonNode o, String at) {
        List<String> p = new ArrayList<>();
        if (!o.isObject()) return List.of(at + ": a news object is a JSON object");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PROPERTIES.contains(f) && !(at.contains("associations") && (f.equals("name") || f.equals("rel")))) {
                p.add(at + "." + f + ": not a ninjs 3.1 property");
            }
        }
        // uri is the one required property: a complete URI that identifies the object
        if (!o.path("uri").isTextual()) p.add(at + ".uri: required string");
        else if (!absoluteUri(o.get("uri").asText())) p.add(at + ".uri: not an absolute URI: " + o.get("uri").asText());
        enumeration(o, "type", TYPES, at, p);
        enumeration(o, "pubStatus", STATUSES, at, p);
        enumeration(o, "representationType", Set.of("full", "partial"), at, p);
        if (o.has("version") && !o.get("version").isTextual()) p.add(at + ".version: a string, not " + o.get("version").getNodeType());
        for (String d : DATES) {
            if (!o.has(d)) continue;
            try { // RFC 3339 date-time: date, time and a zone offset ("Z" or ±hh:mm)
                OffsetDateTime.parse(o.get(d).asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                p.add(at + "." + d + ": not an RFC 3339 date-time with offset: " + o.get(d).asText());
            }
        }
        if (o.has("language")) {
            String tag = o.get("language").asText();
            if (Locale.forLanguageTag(tag).getLanguage().isEmpty()) p.add(at + ".language: not a BCP 47 tag: " + tag);
        }
        if (o.has("urgency") && (!o.get("urgency").isInt() || o.get("urgency").asInt() < 1 || o.get("urgency").asInt() > 9)) {
            p.add(at + ".urgency: an integer from 1 to 9");
        }
        for (String list : List.of("headlines", "descriptions", "bodies")) {
            for (JsonNode x : o.path(list)) if (!x.path("value").isTextual()) p.add(at + "." + list + "[]: value is required text");
        }
        for (JsonNode b : o.path("bodies")) {
            for (String n : List.of("charCount", "wordCount")) if (b.has(n) && !b.get(n).isInt()) p.add(at + ".bodies[]." + n + ": an integer");
        }
        for (String list : List.of("subjects", "people", "places", "organisations", "events", "objects", "infoSources")) {
            for (JsonNode x : o.path(list)) {
                if (x.has("uri") && !absoluteUri(x.get("uri").asText())) p.add(at + "." + list + "[].uri: not an absolute URI");
            }
        }
        for (JsonNode r : o.path("renditions")) {
            if (!r.path("name").isTextual()) p.add(at + ".renditions[]: name is required");
            if (r.has("href") && !absoluteUri(r.get("href").asText())) p.add(at + ".renditions[].href: not an absolute URI");
        }
        if (o.has("rightsInfo") && o.get("rightsInfo").has("linkedRights") == o.get("rightsInfo").has("encodedRights")) {
            p.add(at + ".rightsInfo: exactly one of linkedRights or encodedRights");
        }
        int i = 0;
        for (JsonNode a : o.path("associations")) { // each association is itself a news object, with a name
            if (!a.path("name").isTextual()) p.add(at + ".associations[" + i + "]: name is required");
            p.addAll(rules(a, at + ".associations[" + i++ + "]"));
        }
        return p;
    }

    private static void enumeration(JsonNode o, String field, Set<String> allowed, String at, List<String> p) {
        if (o.has(field) && !allowed.contains(o.get(field).asText())) p.add(at + "." + field + ": not one of " + allowed + ": " + o.get(field));
    }

    private static boolean absoluteUri(String s) {
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
