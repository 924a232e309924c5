package uz.karvon.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Notes the deepest nesting (so most documents need no pruning walk) and reads namespaces as feeds mean them:
     * variant URIs become the canonical ones ({@link FeedNamespaces}), a {@code <feed>} root in a namespace nobody
     * knows (pre-standard and vendor Atom) becomes Atom, an {@code <rss>} root in a default namespace becomes plain
     * RSS, RSS 1.0 elements left in no namespace under {@code rdf:RDF} become RSS 1.0. Declarations before the root
     * are held until the root is seen, because its shape decides what they mean.
     */
    private static final class DepthHandler extends SAXHandler {
        private int depth;
        private int deepest;
        private boolean rootSeen;
        /** The namespace of no-namespace elements ("" unless the root's shape says otherwise). */
        private String noNamespace;
        /** Per document: declared URI → URI used; also remembers the root's namespace when it is remapped. */
        private final Map<String, String> mapped = new HashMap<>();
        private final List<String[]> heldPrefixes = new ArrayList<>();
        private final Set<String> repairs = new LinkedHashSet<>();

        DepthHandler() {
            // Xerces has already checked well-formedness; the unchecked factory skips JDOM's second verification
            super(new UncheckedJDOMFactory());
        }

        @Override
        public void startDocument() {
            super.startDocument();
            depth = 0;
            deepest = 0;
            rootSeen = false;
            noNamespace = "";
            mapped.clear();
            heldPrefixes.clear();
            repairs.clear();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (!rootSeen) {
                heldPrefixes.add(new String[] {prefix, uri});
                return;
            }
            super.startPrefixMapping(prefix, map(uri, !prefix.isEmpty()));
        }

        @Override
        public void startElement(String ns, String local, String qName, Attributes atts) throws SAXException {
            if (!rootSeen) {
                rootSeen = true;
                rootShape(ns, local, atts);
                for (String[] p : heldPrefixes) super.startPrefixMapping(p[0], map(p[1], !p[0].isEmpty()));
                heldPrefixes.clear();
            }
            super.startElement(map(ns, qName.indexOf(':') >= 0), local, qName, atts);
            deepest = Math.max(deepest, ++depth);
        }

        @Override
        public void endElement(String ns, String local, String qName) throws SAXException {
            super.endElement(ns, local, qName);
            depth--;
        }

        private void rootShape(String ns, String local, Attributes atts) {
            String canonical = FeedNamespaces.canonical(ns);
            if (local.equals("feed") && !FeedNamespaces.isAtom(canonical)) {
                String version = atts.getValue("version");
                String atom = version != null && version.strip().startsWith("0.") ? FeedNamespaces.ATOM_03 : FeedNamespaces.ATOM_10;
                remapRoot(ns, atom, "<feed> " + (ns.isEmpty() ? "without a namespace" : "in namespace " + ns) + " read as Atom");
            } else if (local.equals("rss") && !canonical.isEmpty()) {
                remapRoot(ns, "", "<rss> namespace " + ns + " ignored");
            } else if (local.equals("RDF") && FeedNamespaces.RDF.equals(canonical)) {
                noNamespace = FeedNamespaces.RSS_10;   // only RSS 1.0 elements live under rdf:RDF
            }
        }

        private void remapRoot(String ns, String to, String note) {
            if (ns.isEmpty()) noNamespace = to;
            else mapped.put(ns, to);
            repairs.add(note);
        }

        /** The namespace to build with; a prefixed name can never be in no namespace, so "" is refused for it. */
        private String map(String uri, boolean prefixed) {
            if (uri == null || uri.isEmpty()) return prefixed ? uri : noNamespace;
            String m = mapped.get(uri);
            if (m == null) {
                m = FeedNamespaces.canonical(uri);
                if (!m.equals(uri)) repairs.add("namespace \"" + uri + "\" read as " + (m.isEmpty() ? "plain RSS" : m));
                mapped.put(uri, m);
            }
            return m.isEmpty() && prefixed ? uri.strip() : m;
        }
    }

    private XmlDocumentLoader() {
    }

    /** Result: the document, whether deep content was dropped, and how namespaces were read differently. */
    record Loaded(Document document, boolean pruned, List<String> repairs) {
    }

    static Loaded load(Reader xml) throws JDOMException, IOException {
        Builder b = BUILDER.get();
        Document doc = b.sax.build(xml);
        boolean pruned = b.handler.deepest > MAX_DEPTH && prune(doc.getRootElement());
        return new Loaded(doc, pruned, List.copyOf(b.handler.repairs));
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
