package uz.karvon.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * A feed opened in a browser, as a page: the feed's own stylesheet ({@code static/feed.xsl}, the one its
 * {@code <?xml-stylesheet?>} names) applied here rather than by the browser. Chromium has begun removing XSLT
 * (version 156 covers such pages with a "being removed very soon" banner whose inline style and script the page's
 * Content-Security-Policy refuses), so the page a person sees must not depend on it; feed readers never ask for
 * this (they send no {@code Sec-Fetch-Dest: document}) and get the feed's bytes unchanged.
 */
final class FeedPage {
    private static final Templates STYLESHEET = compile();

    private FeedPage() {}

    /** The page for the feed document {@code xml} (RSS 2.0 or Atom 1.0, as karvon renders them). */
    static String html(byte[] xml) {
        try {
            StringWriter out = new StringWriter(xml.length + 2048);
            STYLESHEET.newTransformer().transform(new StreamSource(new ByteArrayInputStream(xml)), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("feed page: " + e.getMessageAndLocation(), e);
        }
    }

    private static Templates compile() {
        try (InputStream in = FeedPage.class.getResourceAsStream("/static/feed.xsl")) {
            if (in == null) throw new IllegalStateException("static/feed.xsl missing from the classpath");
            TransformerFactory f = TransformerFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return f.newTemplates(new StreamSource(in));
        } catch (Exception e) {
            throw new IllegalStateException("feed page: cannot compile static/feed.xsl: " + e.getMessage(), e);
        }
    }
}
