package uz.karvon.publish.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * IPTC ninjs 3.1 (JSON Schema draft 2020-12, https://iptc.org/std/ninjs/ninjs-schema_3.1.json): one object, a JSON
 * array of objects, or NDJSON (one object per line). Properties are written in a fixed order and only when they
 * have a value; 3.1 rejects any property it does not define, so nothing else is written. Every string passes
 * through {@link Outgoing} like the other formats (valid characters, HTML-inert plain text, WHATWG-serialized
 * URLs; a URL that cannot be published is left out), so {@code format: uri} and {@code format: date-time}
 * (RFC 3339, UTC, whole seconds) always hold.
 */
public final class NinjsWriter {
    public static final String VERSION = "3.1";
    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build());

    public byte[] one(NinjsItem item) {
        return write(object(item), true);
    }

    /** A JSON array, in the order given (feeds: newest first). */
    public byte[] array(List<NinjsItem> items) {
        ArrayNode arr = mapper.createArrayNode();
        for (NinjsItem i : items) arr.add(object(i));
        return write(arr, true);
    }

    /** Newline-delimited JSON: one compact object per line, each line ending in {@code \n}. */
    public byte[] ndjson(List<NinjsItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 2048 + 16);
        for (NinjsItem i : items) {
            out.writeBytes(write(object(i), false));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private byte[] write(com.fasterxml.jackson.databind.JsonNode node, boolean pretty) {
        try {
            return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(node) : mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new FeedRenderException("ninjs: " + e.getOriginalMessage(), e);
        }
    }

    ObjectNode object(NinjsItem n) {
        ObjectNode o = mapper.createObjectNode();
        o.put("uri", XmlText.clean(n.uri()));
        ObjectNode std = o.putObject("standard");
        std.put("name", "ninjs").put("version", VERSION).put("schema", SCHEMA);
        o.put("type", "text");
        boolean canceled = n.pubStatus() == NinjsItem.PubStatus.CANCELED;
        o.put("representationType", !canceled && n.bodyHtml() != null ? "full" : "partial");
        put(o, "version", n.version());
        put(o, "firstCreated", Dates.rfc3339(n.firstCreated()));
        put(o, "versionCreated", Dates.rfc3339(n.versionCreated()));
        put(o, "contentCreated", Dates.rfc3339(n.contentCreated()));
        put(o, "embargoedUntil", Dates.rfc3339(n.embargoedUntil()));
        o.put("pubStatus", n.pubStatus().value());
        put(o, "language", LanguageTags.canonical(n.language()));
        if (!canceled) content(o, n);
        if (!n.altIds().isEmpty()) {
            ArrayNode ids = o.putArray("altIds");
            for (NinjsItem.AltId a : n.altIds()) ids.addObject().put("role", a.role()).put("value", XmlText.clean(a.value()));
        }
        if (!canceled && n.infoSource() != null) {
            ObjectNode s = o.putArray("infoSources").addObject();
            put(s, "name", Outgoing.text(n.infoSource().name()));
            s.put("role", "originator");
            put(s, "uri", Outgoing.url(n.infoSource().uri()));
        }
        put(o, "copyrightHolder", Outgoing.text(n.copyrightHolder()));
        put(o, "copyrightNotice", Outgoing.text(n.copyrightNotice()));
        String rights = Outgoing.url(n.rightsUrl());
        if (rights != null) o.putObject("rightsInfo").put("linkedRights", rights);
        put(o, "edNote", Outgoing.text(n.edNote()));
        return o;
    }

    private void content(ObjectNode o, NinjsItem n) {
        if (n.headline() != null) {
            o.putArray("headlines").addObject().put("role", "main").put("contentType", "text/plain")
                    .put("value", Outgoing.text(n.headline()));
        }
        if (n.summary() != null || n.correctionNote() != null) {
            ArrayNode d = o.putArray("descriptions");
            if (n.summary() != null) {
                d.addObject().put("role", "summary").put("contentType", "text/plain").put("value", Outgoing.text(n.summary()));
            }
            if (n.correctionNote() != null) {
                d.addObject().put("role", "correction").put("contentType", "text/plain").put("value", Outgoing.text(n.correctionNote()));
            }
        }
        if (n.bodyHtml() != null) {
            String html = XmlText.clean(n.bodyHtml());
            String text = org.jsoup.Jsoup.parseBodyFragment(html).text();
            o.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html")
                    .put("charCount", text.codePointCount(0, text.length()))
                    .put("wordCount", words(text, n.language()))
                    .put("value", html);
        }
        put(o, "by", Outgoing.text(n.by()));
        put(o, "located", Outgoing.text(n.located()));
        put(o, "slugline", Outgoing.text(n.slugline()));
        if (!n.subjects().isEmpty()) {
            ArrayNode s = o.putArray("subjects");
            for (NinjsItem.Subject sub : n.subjects()) {
                ObjectNode x = s.addObject();
                put(x, "name", Outgoing.text(sub.name()));
                put(x, "rel", sub.rel());
                put(x, "uri", Outgoing.url(sub.uri()));
                put(x, "literal", Outgoing.text(sub.literal()));
            }
        }
        if (!n.genres().isEmpty()) {
            ArrayNode g = o.putArray("genres");
            for (NinjsItem.GenreRef ref : n.genres()) g.addObject().put("name", ref.name()).put("uri", ref.uri());
        }
        String web = Outgoing.url(n.webUrl());
        if (web != null) o.putArray("renditions").add(web(web));
        associations(o, n);
    }

    private void associations(ObjectNode o, NinjsItem n) {
        ArrayNode arr = mapper.createArrayNode();
        NinjsItem.Picture p = n.picture();
        String href = p == null ? null : Outgoing.url(p.href());
        if (href != null) {
            ObjectNode a = arr.addObject();
            a.put("name", "image").put("rel", "image").put("uri", href);
            String type = Outgoing.mediaType(p.contentType());
            a.put("type", "image/svg+xml".equals(type) ? "graphic" : "picture");
            if (p.caption() != null && !p.caption().isBlank()) {
                a.putArray("descriptions").addObject().put("role", "caption").put("contentType", "text/plain")
                        .put("value", Outgoing.text(p.caption()));
            }
            ObjectNode r = a.putArray("renditions").addObject();
            r.put("name", "original").put("href", href);
            put(r, "contentType", type);
            if (p.sizeInBytes() != null && p.sizeInBytes() > 0) r.put("sizeInBytes", p.sizeInBytes());
        }
        for (NinjsItem.OtherVersion v : n.otherVersions()) {
            String url = Outgoing.url(v.href());
            String lang = LanguageTags.canonical(v.language());
            ObjectNode a = arr.addObject();
            a.put("name", (lang == null ? "other" : lang) + " version").put("rel", "translation")
                    .put("uri", XmlText.clean(v.uri())).put("type", "text");
            put(a, "language", lang);
            if (v.headline() != null) {
                a.putArray("headlines").addObject().put("role", "main").put("contentType", "text/plain")
                        .put("value", Outgoing.text(v.headline()));
            }
            if (url != null) a.putArray("renditions").add(web(url));
        }
        if (!arr.isEmpty()) o.set("associations", arr);
    }

    private ObjectNode web(String href) {
        return mapper.createObjectNode().put("name", "web").put("href", href).put("contentType", "text/html");
    }

    /** One word iterator per language, cloned for each use (building one loads ICU's rules and dictionaries). */
    private static final java.util.Map<String, BreakIterator> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Words as ICU segments them for the story's language (dictionary-based for Chinese, which has no spaces). */
    static int words(String text, String language) {
        String lang = LanguageTags.canonical(language);
        BreakIterator it = (BreakIterator) WORDS.computeIfAbsent(lang == null ? "" : lang,
                l -> BreakIterator.getWordInstance(l.isEmpty() ? ULocale.ROOT : ULocale.forLanguageTag(l))).clone();
        it.setText(text);
        int count = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (it.getRuleStatus() != BreakIterator.WORD_NONE) count++;
        }
        return count;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) o.put(field, value);
    }
}
