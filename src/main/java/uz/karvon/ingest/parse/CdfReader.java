package uz.karvon.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Attribute;
import org.jdom2.Element;

/**
 * Microsoft's Channel Definition Format (1997), which ROME does not read: a {@code <CHANNEL HREF>} root with
 * {@code TITLE}, {@code ABSTRACT} and {@code ITEM HREF LASTMOD} children, nested channels allowed. Element and
 * attribute names are matched without regard to case, as CDF files were written both ways.
 */
final class CdfReader {
    private CdfReader() {
    }

    static boolean isCdf(Element root) {
        return root.getName().equalsIgnoreCase("channel");
    }

    static RawFeed read(Element root) {
        RawFeed out = new RawFeed();
        out.format = "cdf";
        out.title = childText(root, "title");
        out.description = childText(root, "abstract");
        out.homePageUrl = attr(root, "href");
        String lastmod = attr(root, "lastmod");
        if (lastmod != null) out.updatedRaw = lastmod;
        List<Element> items = new ArrayList<>();
        collectItems(root, items, 0);
        for (Element e : items) {
            RawItem it = new RawItem();
            it.title = childText(e, "title");
            it.content = childText(e, "abstract");
            it.link = attr(e, "href");
            String mod = attr(e, "lastmod");
            if (mod != null) it.modifiedRaw.add(mod);
            out.items.add(it);
        }
        return out;
    }

    private static void collectItems(Element parent, List<Element> into, int depth) {
        if (depth > 8) return;
        for (Element c : parent.getChildren()) {
            String n = c.getName().toLowerCase(Locale.ROOT);
            if (n.equals("item")) into.add(c);
            else if (n.equals("channel")) collectItems(c, into, depth + 1);
        }
    }

    private static String childText(Element parent, String name) {
        for (Element c : parent.getChildren()) {
            if (c.getName().equalsIgnoreCase(name)) {
                String t = c.getTextTrim();
                if (!t.isEmpty()) return t;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        for (Attribute a : e.getAttributes()) {
            if (a.getName().equalsIgnoreCase(name) && !a.getValue().isBlank()) return a.getValue().strip();
        }
        return null;
    }
}
