package uz.karvon.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.filter.Filters;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.SAXHandlerFactory;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Parses cleaned XML into a JDOM document with every DTD feature off (DOCTYPE disallowed, no external
 * entities or DTDs, no XInclude), then prunes elements nested deeper than {@link #MAX_DEPTH} so no recursive
 * consumer (ROME foreign-markup cloning, output) can overflow the stack. One builder per thread.
 */
final class XmlDocumentLoader {
    /** Feed structure needs ~8 levels; Atom XHTML content a few dozen. Deeper subtrees are dropped. */
    static final int MAX_DEPTH = 64;

    private static final ThreadLocal<Builder> BUILDER = ThreadLocal.withInitial(Builder::new);

    /** A reusable SAX builder whose handler notes the deepest nesting, so most documents need no pruning walk. */
    private static final class Builder {
        final DepthHandler handler = new DepthHandler();
        final SAXBuilder sax = newBuilder(factory -> handler);
    }

    private static final class DepthHandler extends SAXHandler {
        private int depth;
        private int deepest;

        DepthHandler() {
            // Xerces has already checked well-formedness; the unchecked factory skips JDOM's second verification
            super(new UncheckedJDOMFactory());
        }

        @Override
        public void startDocument() {
            super.startDocument();
            depth = 0;
            deepest = 0;
        }

        @Override
        public void startElement(String ns, String local, String qName, Attributes atts) throws SAXException {
            super.startElement(ns, local, qName, atts);
            deepest = Math.max(deepest, ++depth);
        }

        @Override
        public void endElement(String ns, String local, String qName) throws SAXException {
            super.endElement(ns, local, qName);
            depth--;
        }
    }

    private XmlDocumentLoader() {
    }

    /** Result: the document and whether deep content was dropped. */
    record Loaded(Document document, boolean pruned) {
    }

    static Loaded load(Reader xml) throws JDOMException, IOException {
        Builder b = BUILDER.get();
        Document doc = b.sax.build(xml);
        boolean pruned = b.handler.deepest > MAX_DEPTH && prune(doc.getRootElement());
        return new Loaded(doc, pruned);
    }

    private static SAXBuilder newBuilder(SAXHandlerFactory handlers) {
        SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING, handlers, new UncheckedJDOMFactory());
        b.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        b.setFeature("http://xml.org/sax/features/external-general-entities", false);
        b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        b.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        b.setExpandEntities(false);
        b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new StringReader("")));
        b.setReuseParser(true);
        return b;
    }

    /**
     * Iterative walk over the raw content lists (JDOM's filtered child views rescan on every call); removes the
     * child elements of any element at MAX_DEPTH.
     */
    private static boolean prune(Element root) {
        boolean pruned = false;
        Deque<Element> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(root);
        depths.push(1);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            int d = depths.pop();
            List<Content> content = e.getContent();
            for (int i = 0, n = content.size(); i < n; i++) {
                if (!(content.get(i) instanceof Element c)) continue;
                if (d >= MAX_DEPTH) {
                    e.removeContent(Filters.element());
                    pruned = true;
                    break;
                }
                stack.push(c);
                depths.push(d + 1);
            }
        }
        return pruned;
    }
}
