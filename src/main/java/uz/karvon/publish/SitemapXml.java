package uz.karvon.publish;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The three sitemap documents, streamed with StAX (every value escaped by the writer; no DOM of 50,000 URLs in
 * memory): a sitemap index (sitemaps.org), a URL set with {@code xhtml:link} language alternates, and a Google
 * News sitemap.
 */
final class SitemapXml {
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SitemapXml() {}

    record Alternate(String hreflang, String href) {}

    record Url(String loc, Instant lastmod, List<Alternate> alternates) {}

    record NewsUrl(String loc, String publication, String language, Instant published, String title) {}

    static byte[] index(List<String> sitemaps) {
        return write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (String loc : sitemaps) {
                w.writeCharacters("\n");
                w.writeStartElement("sitemap");
                element(w, "loc", loc);
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    static byte[] urlset(List<Url> urls) {
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xhtml", XHTML);
            for (Url u : urls) {
                w.writeCharacters("\n");
                w.writeStartElement("url");
                element(w, "loc", u.loc());
                element(w, "lastmod", date(u.lastmod()));
                for (Alternate a : u.alternates()) {
                    w.writeEmptyElement("xhtml", "link", XHTML);
                    w.writeAttribute("rel", "alternate");
                    w.writeAttribute("hreflang", a.hreflang());
                    w.writeAttribute("href", a.href());
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    static byte[] news(List<NewsUrl> urls) {
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("news", NEWS);
            for (NewsUrl u : urls) {
                w.writeCharacters("\n");
                w.writeStartElement("url");
                element(w, "loc", u.loc());
                w.writeStartElement("news", "news", NEWS);
                w.writeStartElement("news", "publication", NEWS);
                w.writeStartElement("news", "name", NEWS);
                w.writeCharacters(u.publication());
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS);
                w.writeCharacters(u.language());
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS);
                w.writeCharacters(date(u.published()));
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS);
                w.writeCharacters(u.title());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        // through a buffered Writer: the JDK's writer on a bare OutputStream writes byte by byte (most of the time)
        Writer chars = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(chars);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NS);
            body.write(w);
            w.writeEndDocument();
            w.close();
            chars.write('\n');
            chars.flush();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("sitemap: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String date(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}
