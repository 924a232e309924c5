package uz.karvon.publish.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.Genre;
import uz.karvon.publish.render.RssExtension;

/**
 * {@code profile: yandex}: Yandex's RSS for news (Yandex News, "fresh content" in search).
 * Sources: https://yandex.ru/support/webmaster/en/search-appearance/fresh-content (RSS 2.0 whose items have
 * {@code title}, {@code link}, {@code pubDate} and {@code yandex:full-text} with the full text, no ads);
 * the namespace {@code xmlns:yandex="http://news.yandex.ru"} and the element set from Yandex's RSS markup page
 * (https://yandex.com/dev/turbo/doc/rss/markup.html). {@code yandex:genre} values (message, article, interview)
 * are from Yandex News' RSS format as publishers and CMS plugins use it; the news pages themselves were not
 * readable from here. The image goes out as {@code <enclosure>} (done for every feed when the image's type and
 * length are known; RSS 2.0 requires the length). Yandex publishes no size or count limit for the feed.
 */
final class YandexRules implements PlatformRules {
    static final Namespace YANDEX = Namespace.getNamespace("yandex", "http://news.yandex.ru");

    @Override
    public Checked check(List<Entry> entries, Instant now, boolean firstPage) {
        List<Entry> kept = new ArrayList<>();
        List<Exclusion> out = new ArrayList<>();
        for (Entry e : entries) {
            // title, link and pubDate every entry has; yandex:full-text needs the body
            if (e.contentHtml() == null || Entries.text(e.contentHtml()).isBlank()) {
                out.add(new Exclusion(e.id(), e.title(), e.url(), Rule.FULL_TEXT));
            } else {
                kept.add(e);
            }
        }
        return new Checked(kept, out, null);
    }

    @Override
    public RssExtension rss() {
        return new RssExtension() {
            @Override
            public List<Namespace> namespaces() {
                return List.of(YANDEX);
            }

            @Override
            public List<Element> item(Entry e) {
                List<Element> out = new ArrayList<>();
                out.add(new Element("genre", YANDEX).setText(Genre.of(e.categories()).map(Genre::yandex).orElse("message")));
                // plain text: "full text of the publication", without markup
                out.add(new Element("full-text", YANDEX).setText(Entries.text(e.contentHtml())));
                return out;
            }
        };
    }
}
