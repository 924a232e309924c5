package uz.karvon.server;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Namespace-aware XPath over response or rendered bytes (a: Atom, at: tombstones, k: karvon, dc, media, content, xml). */
public final class Xml {
    private static final Map<String, String> NS = Map.of(
            "a", "http://www.w3.org/2005/Atom",
            "at", "http://purl.org/atompub/tombstones/1.0",
            "dc", "http://purl.org/dc/elements/1.1/",
            "media", "http://search.yahoo.com/mrss/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "k", "https://karvon.uz/ns/1.0",
            "xml", XMLConstants.XML_NS_URI);
    private final Document doc;
    private final XPath xpath;

    public Xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public int count(String expr) throws Exception {
        return ((NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET)).getLength();
    }

    public String string(String expr) throws Exception {
        return xpath.evaluate(expr, doc);
    }

    /**
     * The document's shape: one line per element and attribute (namespace-qualified path, no values, no text), in
     * document order. Two renderings with the same shape differ only in text and attribute values.
     */
    public List<String> shape() {
        List<String> out = new ArrayList<>();
        shape(doc.getDocumentElement(), "", out);
        return out;
    }

    private static void shape(org.w3c.dom.Element e, String parent, List<String> out) {
        String path = parent + "/{" + e.getNamespaceURI() + "}" + e.getLocalName();
        out.add(path);
        org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            org.w3c.dom.Node a = attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) names.add(path + "/@{" + a.getNamespaceURI() + "}" + a.getLocalName());
        }
        names.sort(null);
        out.addAll(names);
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element child) shape(child, path, out);
            else if (n.getNodeType() != org.w3c.dom.Node.TEXT_NODE) out.add(path + "/#" + n.getNodeName());
        }
    }

    public List<String> strings(String expr) throws Exception {
        NodeList nl = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) out.add(nl.item(i).getTextContent());
        return out;
    }
}
