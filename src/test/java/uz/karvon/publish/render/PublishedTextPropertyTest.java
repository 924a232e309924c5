package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import uz.karvon.ingest.normalize.Urls;

/**
 * Issue 10, "escaped markup comes back to life": random text full of {@code < > &}, quotes and entities goes
 * through every text and URL field of every format, and each output is parsed back as a feed reader would (the
 * JDK's XML parser, Jackson). Then:
 * <ul>
 * <li>the document has the same shape (elements, attributes, JSON keys) as one rendered from harmless
 * placeholders: the text added no element or attribute;</li>
 * <li>wherever the harmless rendering shows a placeholder, the random rendering shows the random text, read
 * both ways a reader may read it (as text, and as HTML with jsoup), or for RSS {@code <description>} (HTML by
 * the spec) read as HTML;</li>
 * <li>wherever it shows a placeholder URL, the random rendering has the WHATWG serialization of the random URL,
 * with no raw quote, bracket, space or non-ASCII.</li>
 * </ul>
 * Fixed seed, a few hundred cases in a few seconds; a failure names the seed and case ({@code -Dkarvon.seed=N}).
 */
class PublishedTextPropertyTest {
    static final long SEED = Long.getLong("karvon.seed", 20261127L);
    static final int CASES = 200;
    static final List<String> PIECES = List.of("<", ">", "&", "\"", "'", "&amp;", "&lt;", "&gt;", "&quot;", "&#60;",
            "&#x3C;", "&copy", "&copy2026", "&lt", "&AMP", "&amp;lt;script&amp;gt;", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "</", "</>", "<!--", "-->", "<!DOCTYPE html>", "<?xml x?>", "]]>",
            "<![CDATA[x]]>", "<b>", "</title>", "<a href=\"javascript:alert(1)\">", "R&D", "AT&T", "a<b", " ", "\n",
            "\t", "Toshkent", "oʻ gʻ", "Ташкент", "ўзбек", "طشقند", "中文", "😀", "\u200F", "%22", "%", "=", "/", "?",
            "#", ";", "\\", "`", "{", "|");
    /** Placeholders each format has no field for. */
    static final Map<String, Set<String>> ABSENT = Map.of(
            "rss", Set.of("u:atom", "u:json", "t:publisher", "t:reason", "u:reason"),
            "atom", Set.of("u:rss", "u:json"),
            "json", Set.of("u:rss", "u:atom", "t:rights", "t:reason", "u:reason"));
    static final String PUBLISHER = "t:publisher";
    /** A harmless URL is this followed by its placeholder ("https://karvon.uz/u:link1"). */
    static final String PLAIN_URL = "https://karvon.uz/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTextFieldShowsItsTextAndRunsNothingInEveryFormat() throws Exception {
        Fields plain = new Fields(null);
        FeedRenderer plainRenderer = new FeedRenderer(PUBLISHER);
        Document plainRss = xml(plainRenderer.rss(plain.channel(), plain.entries()));
        Document plainAtom = xml(plainRenderer.atom(plain.channel(), plain.entries(), plain.tombstones()));
        JsonNode plainJson = JSON.readTree(plainRenderer.json(plain.channel(), plain.entries()));

        Random seeds = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            long caseSeed = seeds.nextLong();
            try {
                Fields f = new Fields(new Random(caseSeed));
                FeedRenderer renderer = new FeedRenderer(f.values.get(PUBLISHER));
                Checker rss = new Checker("rss", f);
                rss.compare(plainRss.getDocumentElement(), xml(renderer.rss(f.channel(), f.entries())).getDocumentElement(), "");
                rss.coversAll();
                Checker atom = new Checker("atom", f);
                atom.compare(plainAtom.getDocumentElement(),
                        xml(renderer.atom(f.channel(), f.entries(), f.tombstones())).getDocumentElement(), "");
                atom.coversAll();
                Checker json = new Checker("json", f);
                json.compare(plainJson, JSON.readTree(renderer.json(f.channel(), f.entries())), "");
                json.coversAll();
            } catch (Throwable t) {
                throw new AssertionError("case " + n + " of seed " + SEED + " (case seed " + caseSeed + "): " + t.getMessage(), t);
            }
        }
    }

    /** Walks the harmless rendering and the random one side by side. */
    private static final class Checker {
        final String format;
        final Fields f;
        final Set<String> seen = new LinkedHashSet<>();

        Checker(String format, Fields f) {
            this.format = format;
            this.f = f;
        }

        void compare(Node plain, Node actual, String path) {
            String here = path + "/" + plain.getNodeName();
            assertThat(actual.getNodeName()).as(format + " element at " + here).isEqualTo(plain.getNodeName());
            assertThat(names(actual.getAttributes())).as(format + " attributes of " + here).isEqualTo(names(plain.getAttributes()));
            NamedNodeMap pa = plain.getAttributes();
            for (int i = 0; i < pa.getLength(); i++) {
                String name = pa.item(i).getNodeName();
                value(here + "/@" + name, pa.item(i).getNodeValue(), actual.getAttributes().getNamedItem(name).getNodeValue());
            }
            List<Node> pc = children(plain);
            List<Node> ac = children(actual);
            assertThat(ac.stream().map(Node::getNodeName).toList()).as(format + " children of " + here)
                    .isEqualTo(pc.stream().map(Node::getNodeName).toList());
            for (int i = 0; i < pc.size(); i++) {
                if (pc.get(i).getNodeType() == Node.ELEMENT_NODE) compare(pc.get(i), ac.get(i), here);
                else value(here, pc.get(i).getNodeValue(), ac.get(i).getNodeValue());
            }
        }

        void compare(JsonNode plain, JsonNode actual, String path) {
            if (plain.isObject()) {
                List<String> names = fieldNames(plain);
                assertThat(fieldNames(actual)).as(format + " keys of " + path).isEqualTo(names);
                for (String name : names) compare(plain.get(name), actual.get(name), path + "/" + name);
            } else if (plain.isArray()) {
                assertThat(actual.size()).as(format + " size of " + path).isEqualTo(plain.size());
                for (int i = 0; i < plain.size(); i++) compare(plain.get(i), actual.get(i), path + "[" + i + "]");
            } else if (plain.isTextual()) {
                assertThat(actual.isTextual()).as(format + " " + path).isTrue();
                value(path, plain.asText(), actual.asText());
            }
        }

        private void value(String where, String plainValue, String actual) {
            String placeholder = plainValue.startsWith(PLAIN_URL) ? plainValue.substring(PLAIN_URL.length()) : plainValue;
            String original = f.values.get(placeholder);
            if (original == null) return; // ids, dates, languages, types: not ours to vary here
            seen.add(placeholder);
            String field = format + " " + where + " (" + placeholder + ")";
            if (placeholder.startsWith("u:")) {
                String expected = Urls.serialize(original);
                assertThat(expected).as("the generator makes publishable URLs: " + original).isNotNull();
                assertThat(actual).as(field).isEqualTo(expected).doesNotContainPattern("[\"<> \\x00-\\x1F\\x7F-\\x{10FFFF}]");
            } else if (format.equals("rss") && where.endsWith("/item/description")) {
                assertThat(Readings.asHtml(actual)).as(field + ", an HTML field").isEqualTo(original);
            } else {
                assertThat(Readings.shown(actual)).as(field).isEqualTo(original);
            }
        }

        void coversAll() {
            Set<String> expected = new LinkedHashSet<>(f.values.keySet());
            expected.removeAll(ABSENT.get(format));
            assertThat(seen).as(format + ": every field written").containsAll(expected);
        }
    }

    /** One set of field values: placeholders ("t:title1", "u:link1") mapped to random text and URLs. */
    private static final class Fields {
        final Map<String, String> values = new HashMap<>();
        final Random r;

        Fields(Random r) {
            this.r = r;
            values.put(PUBLISHER, r == null ? PUBLISHER : text(r));
        }

        String t(String name) {
            String key = "t:" + name;
            values.put(key, r == null ? key : text(r));
            return values.get(key);
        }

        String u(String name) {
            String key = "u:" + name;
            values.put(key, r == null ? key : url(r));
            return r == null ? PLAIN_URL + key : values.get(key);
        }

        Channel channel;
        List<Entry> entries;
        List<Tombstone> tombstones;

        Channel channel() {
            if (channel == null) {
                channel = new Channel("tag:karvon.uz,2026:channel/p", t("channel"), t("about"), "uz-Latn", u("home"),
                        u("rss"), u("atom"), u("json"), Samples.T0, t("rights"), u("icon"));
            }
            return channel;
        }

        List<Entry> entries() {
            if (entries == null) entries = List.of(entry(1), entry(2));
            return entries;
        }

        List<Tombstone> tombstones() {
            if (tombstones == null) tombstones = List.of(new Tombstone("tag:karvon.uz,2026:article/x", Samples.T0, t("reason"), u("reason")));
            return tombstones;
        }

        private Entry entry(int n) {
            Instant when = Samples.T0.minusSeconds(60L * n);
            return new Entry("tag:karvon.uz,2026:article/p" + n, u("link" + n), t("title" + n), t("summary" + n),
                    "<p>Body</p>", "uz-Latn", List.of(t("cat" + n + "a"), t("cat" + n + "b")), t("author" + n), when, when,
                    new Image(u("image" + n), "image/jpeg", 100L, t("caption" + n)),
                    List.of(new Translation("ru", u("translation" + n), t("translationTitle" + n))),
                    new Credit("src", t("credit" + n), u("credit" + n)), null, t("correction" + n), t("dateline" + n), false);
        }

        /** 1–6 random pieces, never blank (a blank title or category is a different, legitimate change). */
        private static String text(Random r) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) b.append(PIECES.get(r.nextInt(PIECES.size())));
            String s = b.toString();
            return s.isBlank() ? s + "x" : s;
        }

        /** An http(s) URL on a real host with a random path, query and fragment. */
        private static String url(Random r) {
            return (r.nextBoolean() ? "https" : "http") + "://karvon.uz/" + text(r) + (r.nextBoolean() ? "?" + text(r) : "")
                    + (r.nextBoolean() ? "#" + text(r) : "");
        }
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static List<Node> children(Node n) {
        List<Node> out = new java.util.ArrayList<>();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            // whitespace between elements is the pretty-printer's, not content
            if (c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().isBlank() && hasElementChild(n)) continue;
            out.add(c);
        }
        return out;
    }

    private static boolean hasElementChild(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) if (c.getNodeType() == Node.ELEMENT_NODE) return true;
        return false;
    }

    private static List<String> names(NamedNodeMap attrs) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) out.add(attrs.item(i).getNodeName());
        out.sort(null);
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

}
