package uz.karvon.publish.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Serialises a ROME-built JDOM document to UTF-8 bytes, declaring extension namespaces on the root. */
final class XmlBytes {
    private XmlBytes() {
    }

    /**
     * Adds {@code <?xml-stylesheet type="text/xsl" href="…"?>} before the root, so a browser shows the feed as a
     * page; feed readers ignore the instruction. {@code href} is karvon's own, never from content.
     */
    static void stylesheet(Document doc, String href) {
        if (href == null) return;
        doc.addContent(0, new ProcessingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"" + href + "\""));
    }

    static byte[] write(Document doc, Namespace... rootDeclarations) {
        Element root = doc.getRootElement();
        for (Namespace ns : rootDeclarations) {
            if (uses(root, ns)) {
                root.addNamespaceDeclaration(ns);
            }
        }
        // Pretty, but never trim text: TRIM_FULL_WHITE drops only whitespace-only nodes between elements,
        // so titles and HTML keep their exact characters.
        Format format = Format.getPrettyFormat()
                .setEncoding("UTF-8")
                .setLineSeparator("\n")
                .setIndent("  ")
                .setTextMode(Format.TextMode.TRIM_FULL_WHITE)
                // UTF-8 encodes every character: write emoji as bytes, not as &#x1f600; references.
                .setEscapeStrategy(ch -> false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            new XMLOutputter(format).output(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean uses(Element e, Namespace ns) {
        if (ns.getURI().equals(e.getNamespaceURI())) {
            return true;
        }
        for (var a : e.getAttributes()) {
            if (ns.getURI().equals(a.getNamespaceURI())) {
                return true;
            }
        }
        for (Element c : e.getChildren()) {
            if (uses(c, ns)) {
                return true;
            }
        }
        return false;
    }
}
