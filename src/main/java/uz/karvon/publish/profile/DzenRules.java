package uz.karvon.publish.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.RssExtension;

/**
 * {@code profile: dzen}: Dzen's RSS. Source: https://dzen.ru/help/ru/website/rss-modify ("Разметка и подключение
 * ленты RSS"), whose rules are:
 * <ul>
 * <li>"Включайте в ленту актуальные материалы за два-три последних дня": items older than 3 days are left out
 * of the first page, the one Dzen fetches;</li>
 * <li>"отправляйте за один раз не более 500 публикаций": at most 500 items on that page;</li>
 * <li>"Вы можете редактировать публикации … указать изначальный guid": karvon's guid is the item id, which a
 * correction keeps, so an update never makes a duplicate;</li>
 * <li>the full text in {@code content:encoded}, with the markup Dzen renders. The page's table of tags was not
 * readable from here; the list below (p, a, b, i, u, s, h1–h4, blockquote, ul/ol/li, img, figure, figcaption, br)
 * is the one Dzen feed generators that follow the page implement;</li>
 * <li>publication URLs without GET parameters and {@code media:rating} on every item (the English help page,
 * yandex.com/support/zen/website/rss-modify.html: "Make sure your publication URLs do not contain GET
 * parameters", "Mark explicit content with media:rating"); the agency publishes news, so {@code nonadult}.</li>
 * </ul>
 * Dzen also asks for an image at least 700 px wide; karvon does not know image sizes, so that is not enforced.
 */
final class DzenRules implements PlatformRules {
    static final Duration MAX_AGE = Duration.ofDays(3);
    static final int MAX_ITEMS = 500;
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "a", "b", "i", "u", "s", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "img",
                    "figure", "figcaption", "br")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "width", "height")
            .addProtocols("a", "href", "http", "https")
            .addProtocols("img", "src", "http", "https");

    @Override
    public Checked check(List<Entry> entries, Instant now, boolean firstPage) {
        List<Entry> kept = new ArrayList<>();
        List<Exclusion> out = new ArrayList<>();
        Instant oldest = now.minus(MAX_AGE);
        Instant changesAt = null;
        for (Entry e : entries) {
            Rule broken = null;
            if (firstPage && e.published().isBefore(oldest)) broken = Rule.RECENT_ONLY;
            else if (e.url().contains("?")) broken = Rule.LINK_WITHOUT_QUERY;
            else if (e.contentHtml() == null || Entries.text(e.contentHtml()).isBlank()) broken = Rule.FULL_TEXT;
            else if (firstPage && kept.size() >= MAX_ITEMS) broken = Rule.ITEMS_PER_FETCH;
            if (broken != null) {
                out.add(new Exclusion(e.id(), e.title(), e.url(), broken));
                continue;
            }
            kept.add(Entries.withContent(e, allowedMarkup(e.contentHtml())));
            Instant ages = e.published().plus(MAX_AGE);
            if (firstPage && (changesAt == null || ages.isBefore(changesAt))) changesAt = ages;
        }
        return new Checked(kept, out, changesAt);
    }

    static String allowedMarkup(String html) {
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    @Override
    public RssExtension rss() {
        return new RssExtension() {
            @Override
            public List<Namespace> namespaces() {
                return List.of(MEDIA);
            }

            @Override
            public List<Element> item(Entry e) {
                return List.of(new Element("rating", MEDIA).setAttribute("scheme", "urn:simple").setText("nonadult"));
            }
        };
    }
}
