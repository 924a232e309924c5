package uz.karvon.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.LangTags;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.SiteUrls;
import uz.karvon.web.html.Html;

/**
 * An article's page inside the site's frame: section, headline, standfirst, dateline, time, byline, reading time,
 * image with caption, body, the other language versions, "read also" from the same section and the feed to follow
 * it; for search engines and link previews the canonical URL, hreflang alternates, a description, Open Graph and
 * schema.org NewsArticle JSON-LD.
 */
final class ArticlePage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticlePage() {}

    /**
     * @param versions the story's other public versions (its translations)
     * @param related  stories to read next, same language and section
     */
    static SiteFrame.Page build(SiteFrame frame, Article a, List<Article> versions, List<Article> related) {
        SiteUrls urls = frame.urls();
        UiText ui = frame.ui();
        String lang = a.lang();
        ZoneId zone = frame.config().site().timezone();
        String url = urls.article(lang, a.slug());
        Map<String, String> others = new LinkedHashMap<>();
        for (Article v : versions) others.put(v.lang(), urls.article(v.lang(), v.slug()));
        SiteFrame.Page page = frame.open(lang, a.title(), others, a.section());
        Element head = page.head();
        head.appendElement("link").attr("rel", "canonical").attr("href", url);
        head.appendElement("link").attr("rel", "alternate").attr("hreflang", lang).attr("href", url);
        for (Map.Entry<String, String> o : others.entrySet()) {
            head.appendElement("link").attr("rel", "alternate").attr("hreflang", o.getKey()).attr("href", o.getValue());
        }
        String description = a.summary() != null ? a.summary() : a.title();
        head.appendElement("meta").attr("name", "description").attr("content", description);
        String image = a.image() == null ? null : urls.absolute(a.image().url());
        openGraph(head, frame, a, url, description, image, others.keySet());
        Html.jsonLd(head, newsArticle(frame, a, url, description, image));

        Element art = page.main().appendElement("article").addClass("article");
        if (a.section() != null) {
            art.appendElement("p").addClass("kicker").appendElement("a").attr("href", urls.section(lang, a.section()))
                    .text(ui.section(lang, a.section()));
        }
        art.appendElement("h1").text(a.title());
        if (a.summary() != null) art.appendElement("p").addClass("standfirst").text(a.summary());
        Element meta = art.appendElement("p").addClass("meta");
        if (a.dateline() != null) {
            Html.bdi(meta, a.dateline()).addClass("dateline");
            separator(meta);
        }
        SiteDates.time(meta, a.published(), SiteDates.dateTime(a.published(), lang, zone));
        if (a.author() != null) {
            separator(meta);
            Html.bdi(meta, a.author()).addClass("byline");
        }
        separator(meta);
        meta.appendElement("span").addClass("reading").text(ui.text(lang, "readingTime", readingMinutes(a)));
        if (Duration.between(a.published(), a.updated()).toMinutes() >= 1) {
            Element up = art.appendElement("p").addClass("updated");
            up.appendText(ui.text(lang, "updated") + ": ");
            SiteDates.time(up, a.updated(), SiteDates.dateTime(a.updated(), lang, zone));
        }
        if (a.correctionNote() != null) {
            Element note = art.appendElement("p").addClass("note");
            note.appendElement("strong").text(ui.text(lang, "correction") + ": ");
            note.appendElement("span").text(a.correctionNote());
        }
        if (a.generated()) art.appendElement("p").addClass("note").text(ui.text(lang, "transliterated"));
        if (image != null) {
            Element fig = art.appendElement("figure");
            fig.appendElement("img").attr("src", image).attr("alt", a.image().caption() == null ? "" : a.image().caption());
            if (a.image().caption() != null) fig.appendElement("figcaption").text(a.image().caption());
        }
        if (a.bodyHtml() != null) {
            // sanitised by an allowlist when it was stored; ids dropped so none can clash with the page's own
            Element body = art.appendElement("div").addClass("body").append(a.bodyHtml());
            body.select("[id]").removeAttr("id");
        }
        if (!versions.isEmpty()) {
            Element aside = art.appendElement("aside").addClass("versions");
            aside.appendElement("h2").text(ui.text(lang, "otherLanguages"));
            Element ul = aside.appendElement("ul");
            for (Article v : versions) {
                Element li = ul.appendElement("li");
                li.appendElement("span").addClass("language").attr("lang", v.lang()).attr("dir", LangTags.dir(v.lang()))
                        .text(SiteFrame.name(v.lang()));
                li.appendElement("a").attr("href", urls.article(v.lang(), v.slug())).attr("hreflang", v.lang())
                        .attr("lang", v.lang()).attr("dir", LangTags.dir(v.lang())).text(v.title());
            }
        }
        FeedSpec feed = frame.feedFor(lang, a.section());
        if (feed != null) {
            Element sub = art.appendElement("p").addClass("subscribe");
            sub.appendElement("span").text(ui.text(lang, feed.sections().isEmpty() ? "feedOfLanguage" : "feedOfSection") + ": ");
            for (FeedFormat fmt : FeedFormat.FOR_READERS) {
                sub.appendElement("a").attr("href", urls.feed(feed.id(), fmt.extension())).attr("type", SiteFrame.mediaType(fmt))
                        .text(SiteFrame.formatName(fmt));
                sub.appendText(" ");
            }
        }
        if (!related.isEmpty()) {
            Element aside = page.main().appendElement("aside").addClass("read-also");
            aside.appendElement("h2").text(ui.text(lang, "readAlso"));
            Element ul = aside.appendElement("ul");
            for (Article r : related) {
                Element li = ul.appendElement("li");
                if (!r.lang().equals(lang)) li.attr("lang", r.lang()).attr("dir", LangTags.dir(r.lang()));
                li.appendElement("a").attr("href", urls.article(r.lang(), r.slug())).text(r.title());
                li.appendText(" ");
                SiteDates.time(li, r.published(), SiteDates.date(r.published(), r.lang(), zone));
            }
        }
        return page;
    }

    private static void separator(Element meta) {
        meta.appendElement("span").addClass("sep").attr("aria-hidden", "true").text("·");
    }

    /** About 200 words a minute; Chinese and Japanese about 400 characters (their text has no spaces). */
    static int readingMinutes(Article a) {
        String text = (a.title() + " " + (a.summary() == null ? "" : a.summary()) + " "
                + (a.bodyHtml() == null ? "" : Jsoup.parse(a.bodyHtml()).text())).strip();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long words = text.isEmpty() ? 0 : text.split("\\s+").length;
        double minutes = han > words ? han / 400.0 : words / 200.0;
        return (int) Math.max(1, Math.round(minutes));
    }

    private static void openGraph(Element head, SiteFrame frame, Article a, String url, String description, String image,
                                  Iterable<String> otherLangs) {
        meta(head, "og:type", "article");
        meta(head, "og:site_name", frame.config().site().agency());
        meta(head, "og:title", a.title());
        meta(head, "og:description", description);
        meta(head, "og:url", url);
        meta(head, "og:locale", ogLocale(a.lang()));
        for (String l : otherLangs) meta(head, "og:locale:alternate", ogLocale(l));
        if (image != null) {
            meta(head, "og:image", image);
            if (a.image().caption() != null) meta(head, "og:image:alt", a.image().caption());
        }
        meta(head, "article:published_time", a.published().toString());
        meta(head, "article:modified_time", a.updated().toString());
        if (a.section() != null) meta(head, "article:section", frame.ui().section(a.lang(), a.section()));
        for (String t : a.tags()) meta(head, "article:tag", t);
        head.appendElement("meta").attr("name", "twitter:card").attr("content", image != null ? "summary_large_image" : "summary");
    }

    private static void meta(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    /** Open Graph wants language_TERRITORY: uz-Latn → uz_UZ, zh-Hans → zh_CN, ar → ar_AR (Facebook's own), en → en_US. */
    static String ogLocale(String lang) {
        Locale l = Locale.forLanguageTag(lang);
        String region = l.getCountry();
        if (region.isEmpty()) {
            region = switch (l.getLanguage()) {
                case "uz" -> "UZ";
                case "ru" -> "RU";
                case "zh" -> "Hant".equals(l.getScript()) ? "TW" : "CN";
                case "ar" -> "AR";
                case "en" -> "US";
                default -> l.getLanguage().toUpperCase(Locale.ROOT);
            };
        }
        return l.getLanguage() + "_" + region;
    }

    private static String newsArticle(SiteFrame frame, Article a, String url, String description, String image) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@context", "https://schema.org");
        o.put("@type", "NewsArticle");
        o.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        o.put("url", url);
        o.put("headline", a.title());
        o.put("description", description);
        o.put("inLanguage", a.lang());
        o.put("datePublished", iso(a.published(), frame));
        o.put("dateModified", iso(a.updated(), frame));
        if (a.section() != null) o.put("articleSection", frame.ui().section(a.lang(), a.section()));
        if (!a.tags().isEmpty()) o.put("keywords", String.join(", ", a.tags()));
        if (a.dateline() != null) o.put("dateline", a.dateline());
        if (image != null) o.putArray("image").add(image);
        if (a.author() != null) o.putArray("author").addObject().put("@type", "Person").put("name", a.author());
        ObjectNode publisher = o.putObject("publisher").put("@type", "NewsMediaOrganization")
                .put("name", frame.config().site().agency()).put("url", frame.urls().home());
        String logo = frame.urls().absolute(frame.config().site().logo());
        if (logo != null) publisher.putObject("logo").put("@type", "ImageObject").put("url", logo);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO 8601 with the site's offset, as schema.org examples write it. */
    private static String iso(Instant t, SiteFrame frame) {
        return t.atZone(frame.config().site().timezone()).toOffsetDateTime().toString();
    }
}
