package uz.karvon.ingest.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Minimal RSS 2.0 and Atom text of the lab's feeds, built by string concatenation (the cases need raw control). */
public final class FeedText {
    public static final String CYRILLIC = "Новости: Ташкент — правительство объявило о реформе";
    public static final String UZBEK = "Oʻzbekiston yangiliklari — Тошкент ҳокимлиги ғалаба";
    /** Default pubDate of lab items: 2023-11-14T22:13:20Z. */
    static final long TS = 1_700_000_000L;
    static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** RFC 822 date as HTTP and RSS write it, day zero-padded (RFC_1123_DATE_TIME would write "1 Jan"). */
    private static final DateTimeFormatter RFC822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FeedText() {
    }

    static String rfc822(long epochSeconds) {
        return RFC822.format(Instant.ofEpochSecond(epochSeconds));
    }

    static String rfc822(Instant at) {
        return RFC822.format(at);
    }

    static String iso(Instant at) {
        return ISO_SECONDS.format(at);
    }

    static String rss(String items) {
        return rss(items, "Hostile lab feed", "", DECL);
    }

    static String rss(String items, String title) {
        return rss(items, title, "", DECL);
    }

    /** An RSS 2.0 document: declaration, optional DOCTYPE, channel with the given items. */
    static String rss(String items, String title, String doctype, String decl) {
        return decl + doctype + "<rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>http://127.0.0.1/</link><description>lab</description>" + items + "</channel></rss>\n";
    }

    /** Everything of {@link #rss} before {@code </channel>}: the start of a streamed feed. */
    static String rssHead(String title) {
        String doc = rss("", title);
        return doc.substring(0, doc.indexOf("</channel>"));
    }

    static final String RSS_TAIL = "</channel></rss>\n";

    static String item(String guid, String title, String desc) {
        return item(guid, title, desc, rfc822(TS));
    }

    static String item(String guid, String title, String desc, long epochSeconds) {
        return item(guid, title, desc, rfc822(epochSeconds));
    }

    /** One RSS item; {@code pubDate} is written as given (the date cases put garbage there). */
    static String item(String guid, String title, String desc, String pubDate) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + "<link>http://127.0.0.1/a/" + guid + "</link><description>" + desc + "</description>"
                + "<pubDate>" + pubDate + "</pubDate></item>";
    }

    static String atom(String entries, String title, String doctype) {
        return DECL + doctype + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:lab:atom</id>"
                + "<title>" + title + "</title><updated>2024-01-01T00:00:00Z</updated>" + entries + "</feed>\n";
    }

    static String entry(String id, String title, String updated, String content) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>" + updated + "</updated>"
                + "<link href=\"http://127.0.0.1/a/" + id + "\"/><content type=\"text\">" + content + "</content></entry>";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} with the first occurrence of the ASCII {@code marker} replaced by raw bytes. */
    static byte[] splice(byte[] body, String marker, byte[] with) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + m.length <= body.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (body[i + j] != m[j]) continue outer;
            }
            byte[] out = new byte[body.length - m.length + with.length];
            System.arraycopy(body, 0, out, 0, i);
            System.arraycopy(with, 0, out, i, with.length);
            System.arraycopy(body, i + m.length, out, i + with.length, body.length - i - m.length);
            return out;
        }
        throw new IllegalArgumentException("marker not found: " + marker);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }
}
