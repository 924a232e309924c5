package uz.karvon.ingest.parse;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Repairs for documents the strict parser refused, tried in order by {@link FeedParser} and only then, so
 * well-formed feeds pay nothing: (1) prefixes used without a declaration are declared on the root element (the
 * well-known ones with their URIs, the rest with a placeholder URI so their elements are ignored); (2) the
 * document is rebuilt by a forgiving tag-soup parser (jsoup's XML mode) and written out well-formed: missing end
 * tags added (a truncated document ends where its text ends), stray end tags dropped, unquoted attributes quoted.
 * Neither step reads a DTD or expands an entity: {@link XmlCleaner} has already removed the DOCTYPE and turned
 * every entity reference into a character reference or text, and the rebuild drops any DOCTYPE it finds.
 */
final class XmlRecovery {
    /** jsoup's tree is built without recursion, but a pathological document must still cost bounded memory. */
    private static final int MAX_DEPTH = 512;
    /**
     * Larger ill-formed documents are refused rather than rebuilt: the forgiving parser holds a second tree of the
     * whole document, and a server parses several feeds at once within one heap.
     */
    static final int MAX_REBUILD_CHARS = 8 * 1024 * 1024;
    private static final Pattern USED_PREFIX = Pattern.compile("<\\/?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=\\s*[\"']");
    private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private XmlRecovery() {
    }

    /** A repaired text and what was done to it. */
    record Repaired(String xml, String note) {
    }

    /**
     * Declares, on the root element, every prefix the document uses but does not declare there. A prefix
     * declared elsewhere in the document (on an item, out of scope where it is used) keeps that URI. Null when
     * there is nothing to declare.
     */
    static Repaired declarePrefixes(String xml) {
        int root = rootStart(xml);
        if (root < 0) return null;
        int nameEnd = root + 1;
        while (nameEnd < xml.length() && !Character.isWhitespace(xml.charAt(nameEnd)) && xml.charAt(nameEnd) != '>'
                && xml.charAt(nameEnd) != '/') nameEnd++;
        int tagEnd = tagEnd(xml, root);
        String rootTag = xml.substring(root, tagEnd);

        Map<String, String> declaredAnywhere = new LinkedHashMap<>();
        Matcher d = DECLARED_PREFIX.matcher(xml);
        while (d.find()) declaredAnywhere.putIfAbsent(d.group(1), d.group(2).substring(1, d.group(2).length() - 1));
        Set<String> onRoot = new LinkedHashSet<>();
        Matcher r = DECLARED_PREFIX.matcher(rootTag);
        while (r.find()) onRoot.add(r.group(1));

        Set<String> used = new LinkedHashSet<>();
        Matcher u = USED_PREFIX.matcher(xml);
        while (u.find()) {
            String p = u.group(1) != null ? u.group(1) : u.group(2);
            if (!p.equals("xml") && !p.equals("xmlns")) used.add(p);
        }
        StringBuilder decls = new StringBuilder();
        Set<String> bound = new LinkedHashSet<>();
        for (String p : used) {
            if (onRoot.contains(p)) continue;
            String uri = declaredAnywhere.getOrDefault(p, FeedNamespaces.forUndeclaredPrefix(p));
            if (uri.isBlank()) uri = FeedNamespaces.forUndeclaredPrefix(p);
            decls.append(" xmlns:").append(p).append("=\"").append(Entities.escape(uri)).append('"');
            bound.add(p);
        }
        if (bound.isEmpty()) return null;
        String fixed = xml.substring(0, nameEnd) + decls + xml.substring(nameEnd);
        return new Repaired(fixed, "undeclared namespace prefixes bound: " + String.join(", ", bound));
    }

    /**
     * The document re-read by a forgiving parser and written out well-formed, or null if it holds no element or is
     * longer than {@link #MAX_REBUILD_CHARS}.
     * The note says what the strict parser had refused.
     */
    static Repaired rebuild(String xml, String strictError) {
        if (xml.length() > MAX_REBUILD_CHARS) return null;
        Parser parser = Parser.xmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = Jsoup.parse(xml, "", parser);
        // a DOCTYPE is never handed to the strict parser (which refuses DTDs); comments and processing
        // instructions are dropped because tag soup leaves them in shapes XML does not allow ("--" inside)
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node n, int depth) {
                return n instanceof DocumentType || n instanceof Comment || n instanceof XmlDeclaration
                        ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        }, doc);
        if (doc.children().isEmpty()) return null;
        // markup after the root (a second document, an error page appended by the server) is not part of the feed
        for (int i = doc.children().size() - 1; i > 0; i--) doc.child(i).remove();
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .escapeMode(Entities.EscapeMode.xhtml);
        return new Repaired(doc.outerHtml(), "ill-formed xml rebuilt (" + strictError + ")");
    }

    /** Index of the root element's '&lt;': the first one that starts an element name. -1 if none. */
    static int rootStart(String s) {
        int i = 0;
        int n = s.length();
        while (true) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) return -1;
            char c = s.charAt(lt + 1);
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt + 4);
                if (e < 0) return -1;
                i = e + 3;
            } else if (c == '?' || c == '!') {
                int e = s.indexOf('>', lt + 2);
                if (e < 0) return -1;
                i = e + 1;
            } else if (Character.isLetter(c) || c == '_') {
                return lt;
            } else {
                i = lt + 1;
            }
        }
    }

    /** End (exclusive) of the tag starting at {@code lt}, honouring quoted attribute values. */
    private static int tagEnd(String s, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return s.length();
    }
}
