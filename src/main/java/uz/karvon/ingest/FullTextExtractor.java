package uz.karvon.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import uz.karvon.ingest.fetch.BodyBudget;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.FetchRequest;
import uz.karvon.ingest.fetch.FetchResult;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.ingest.normalize.HtmlSanitizer;
import uz.karvon.ingest.parse.EncodingDetector;

/**
 * Fetches an item's page and keeps the part a CSS selector names, sanitized, as the item's full text. The page
 * is fetched with the same guards as feeds: a link a feed merely mentions is never allowed to reach a private
 * address, unless it is on the very host of an intranet source the admin configured.
 */
final class FullTextExtractor {
    private final Fetcher fetcher;

    FullTextExtractor(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The sanitized HTML the selector picks out of the page at {@code pageUrl}, or null when there is none. */
    String extract(URI sourceUrl, boolean sourceIsPrivate, String pageUrl, String selector, String userAgent,
                   Map<String, String> headers) throws FetchException {
        URI page;
        try {
            page = URI.create(pageUrl);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (page.getHost() == null) return null;
        // a link in a feed is not the admin's choice: no source credentials and no private network, unless it
        // points at the very host the source is configured on
        boolean sameHost = page.getHost().equalsIgnoreCase(sourceUrl.getHost());
        FetchResult r;
        Document doc;
        try (BodyBudget.Lease lease = fetcher.budget().lease()) {   // the page's bytes count until jsoup has read them
            r = fetcher.fetch(new FetchRequest(page, null, null, userAgent, sameHost ? headers : Map.of(),
                    sourceIsPrivate && sameHost), lease);
            if (r.notModified() || r.body().length == 0) return null;
            // the header's charset if it names a known one; else jsoup reads the BOM and <meta charset>, as browsers do
            String label = EncodingDetector.headerCharset(r.contentType());
            String charset = label != null && Charset.isSupported(label) ? label : null;
            doc = Jsoup.parse(new ByteArrayInputStream(r.body()), charset, r.finalUrl().toString());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        Elements picked;
        try {
            picked = doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            return null;
        }
        if (picked.isEmpty()) return null;
        HtmlSanitizer.Result clean = HtmlSanitizer.sanitize(picked.outerHtml(), r.finalUrl().toString());
        return clean == null ? null : clean.html();
    }
}
