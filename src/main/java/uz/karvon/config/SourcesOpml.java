package uz.karvon.config;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.lang.LangTags;

/**
 * Sources as OPML 2.0 (what feed readers import and export): reading the feeds an OPML file lists, and writing
 * the configured sources as one. Reading is StAX without DTDs or external entities; an outline that cannot become
 * a source is reported with its line, never silently dropped.
 */
public final class SourcesOpml {
    /** Larger OPML files are refused: tens of thousands of feeds fit in a few megabytes. */
    public static final int MAX_BYTES = 16 << 20;

    private SourcesOpml() {}

    /** A feed an outline names: {@code xmlUrl}, its title ({@code title}, else {@code text}) and language, if any. */
    public record Outline(int line, String title, String url, String language) {}

    /**
     * What a file gave: the outlines that name feeds; errors (outlines that cannot become a source) and warnings
     * (read, with something left out), each as {@code FILE:LINE: message}.
     */
    public record Read(List<Outline> outlines, List<String> errors, List<String> warnings) {}

    /** @param name the file name problems are reported under ({@code name:LINE: message}) */
    public static Read read(String name, byte[] bytes) throws ConfigException {
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(List.of(new ConfigProblem(name, 1, 1, "opml: larger than " + (MAX_BYTES >> 20) + " MB")));
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<Outline> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean opml = false;
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                String el = r.getLocalName();
                if (el.equals("opml")) opml = true;
                if (!el.equals("outline")) continue;
                int line = r.getLocation().getLineNumber();
                String xmlUrl = attr(r, "xmlUrl");
                if (xmlUrl == null) continue; // a folder, or a link to a page: nothing to follow
                String title = attr(r, "title") != null ? attr(r, "title") : attr(r, "text");
                String lang = attr(r, "language");
                String problem = checkUrl(xmlUrl);
                if (problem != null) {
                    errors.add(name + ":" + line + ": outline " + quoted(title) + ": " + problem);
                    continue;
                }
                if (lang != null && LangTags.normalize(lang) == null) {
                    warnings.add(name + ":" + line + ": outline " + quoted(title) + ": language \"" + lang
                            + "\" is not a BCP 47 tag; imported without a language (karvon detects it)");
                    lang = null;
                }
                out.add(new Outline(line, title == null || title.isBlank() ? null : title.strip(), xmlUrl.strip(),
                        lang == null ? null : LangTags.normalize(lang)));
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new ConfigException(List.of(new ConfigProblem(name, line, 1, "opml: not well-formed XML: " + e.getMessage()
                    .replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", ""))));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
        if (!opml) throw new ConfigException(List.of(new ConfigProblem(name, 1, 1, "opml: no <opml> element; is this an OPML file?")));
        return new Read(out, errors, warnings);
    }

    /** Null when {@code url} is an absolute http(s) URL a source may have, else why not. */
    static String checkUrl(String url) {
        try {
            URI u = new URI(url.strip());
            if (!u.isAbsolute() || !Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT)) || u.getHost() == null) {
                return "xmlUrl \"" + url + "\" is not an absolute http(s) URL";
            }
            return null;
        } catch (URISyntaxException e) {
            return "xmlUrl \"" + url + "\" is not a URL: " + e.getReason();
        }
    }

    /** The configured sources as OPML 2.0 (title, URL, language): what another reader or karvon imports. */
    public static String write(List<SourceSpec> sources, String title, Instant now) {
        StringWriter s = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(s);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            element(w, "title", title);
            element(w, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            for (SourceSpec src : sources) {
                w.writeCharacters("\n    ");
                w.writeEmptyElement("outline");
                w.writeAttribute("type", "rss");
                w.writeAttribute("text", src.title());
                w.writeAttribute("title", src.title());
                w.writeAttribute("xmlUrl", src.url().toString());
                if (src.language() != null) w.writeAttribute("language", src.language());
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return s + "\n";
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) return r.getAttributeValue(i);
        }
        return null;
    }

    private static String quoted(String title) {
        return title == null ? "(untitled)" : "\"" + title + "\"";
    }
}
