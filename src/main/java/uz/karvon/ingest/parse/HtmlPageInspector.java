package uz.karvon.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uz.karvon.ingest.normalize.Urls;

/** Lists the feeds an HTML page advertises with link rel=alternate. Only lists them; never fetches. */
final class HtmlPageInspector {
    private static final int MAX_SCAN_CHARS = 512 * 1024;
    private static final int MAX_LINKS = 20;

    private HtmlPageInspector() {
    }

    static List<String> advertisedFeeds(String html, String baseUrl) {
        String head = html.length() > MAX_SCAN_CHARS ? html.substring(0, MAX_SCAN_CHARS) : html;
        Document doc = Jsoup.parse(head, baseUrl == null ? "" : baseUrl);
        List<String> out = new ArrayList<>();
        for (Element link : doc.select("link[rel][href][type]")) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            String type = link.attr("type").toLowerCase(Locale.ROOT).trim();
            if (!rel.contains("alternate")) continue;
            if (!(type.equals("application/rss+xml") || type.equals("application/atom+xml")
                    || type.equals("application/feed+json") || type.equals("application/json"))) continue;
            String abs = Urls.resolve(baseUrl, link.attr("href"));
            if (abs != null && !out.contains(abs)) out.add(abs);
            if (out.size() >= MAX_LINKS) break;
        }
        return out;
    }
}
