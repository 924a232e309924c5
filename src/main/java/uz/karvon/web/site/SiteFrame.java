package uz.karvon.web.site;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.LangTags;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.SiteUrls;
import uz.karvon.web.html.Html;

/**
 * What every public page shares: the masthead (logo and agency name leading home, the language switcher), the
 * section menu, and a footer with the language's feeds. Every element that holds text carries the language it
 * is in; the root carries the page's language and direction, so Arabic pages read right to left.
 */
final class SiteFrame {
    private final KarvonConfig cfg;
    private final SiteUrls urls;
    private final List<String> languages;
    private final UiText ui = UiText.get();

    SiteFrame(KarvonConfig cfg) {
        this.cfg = cfg;
        this.urls = new SiteUrls(cfg.site().baseUrl());
        this.languages = SiteLanguages.of(cfg);
    }

    SiteUrls urls() {
        return urls;
    }

    List<String> languages() {
        return languages;
    }

    UiText ui() {
        return ui;
    }

    KarvonConfig config() {
        return cfg;
    }

    /** A page being built: the document, and its {@code <main>} to fill. */
    record Page(Document doc, Element main, String lang) {
        Element head() {
            return doc.head();
        }
    }

    /**
     * @param others  the same page in other languages (language → URL); the switcher links every other published
     *                language, to its front page where this map has nothing
     * @param section the section the page belongs to (marked in the menu), or null
     */
    Page open(String lang, String title, Map<String, String> others, String section) {
        Document doc = Html.page(lang, LangTags.dir(lang), title + " — " + cfg.site().agency());
        Element head = doc.head();
        String favicon = urls.absolute(cfg.site().favicon());
        if (favicon != null) head.appendElement("link").attr("rel", "icon").attr("href", favicon);
        for (FeedSpec f : feeds(lang)) {
            for (FeedFormat fmt : FeedFormat.FOR_READERS) {
                head.appendElement("link").attr("rel", "alternate").attr("type", mediaType(fmt))
                        .attr("title", f.title() + " (" + formatName(fmt) + ")").attr("href", urls.feed(f.id(), fmt.extension()));
            }
        }
        Element body = doc.body();
        body.appendElement("a").addClass("skip").attr("href", "#main").text(ui.text(lang, "skip"));
        Element masthead = body.appendElement("header").addClass("masthead");
        Element bar = masthead.appendElement("div").addClass("bar");
        Element brand = bar.appendElement("a").addClass("brand").attr("href", urls.language(lang)).attr("rel", "home");
        String logo = urls.absolute(cfg.site().logo());
        if (logo != null) brand.appendElement("img").addClass("logo").attr("src", logo).attr("alt", "");
        brand.appendElement("span").addClass("agency").attr("dir", "auto").text(cfg.site().agency());
        switcher(bar, lang, others);
        if (!cfg.site().sections().isEmpty()) {
            Element nav = masthead.appendElement("nav").addClass("sections").attr("aria-label", ui.text(lang, "sections"));
            Element ul = nav.appendElement("ul");
            for (String s : cfg.site().sections()) {
                Element a = ul.appendElement("li").appendElement("a").attr("href", urls.section(lang, s)).text(ui.section(lang, s));
                if (s.equals(section)) a.attr("aria-current", "page");
            }
        }
        Element main = body.appendElement("main").attr("id", "main");
        footer(body, lang);
        return new Page(doc, main, lang);
    }

    private void switcher(Element bar, String lang, Map<String, String> others) {
        if (languages.equals(List.of(lang))) return;
        Element nav = bar.appendElement("nav").addClass("languages").attr("aria-label", ui.text(lang, "languages"));
        Element ul = nav.appendElement("ul");
        for (String l : languages) {
            String href = l.equals(lang) ? null : others.getOrDefault(l, urls.language(l));
            Element a = ul.appendElement("li").appendElement("a").attr("lang", l).attr("dir", LangTags.dir(l))
                    .text(name(l));
            if (href == null) {
                a.attr("href", others.getOrDefault(lang, urls.language(lang))).attr("aria-current", "true");
            } else {
                a.attr("href", href).attr("hreflang", l);
            }
        }
    }

    private void footer(Element body, String lang) {
        Element footer = body.appendElement("footer").addClass("site-footer");
        Element feeds = footer.appendElement("section").addClass("feeds");
        feeds.appendElement("h2").text(ui.text(lang, "feeds"));
        feeds.appendElement("p").text(ui.text(lang, "feedsIntro"));
        Element ul = feeds.appendElement("ul").addClass("feed-list");
        for (FeedSpec f : feeds(lang)) feedItem(ul.appendElement("li"), f);
        Element more = feeds.appendElement("p");
        more.appendElement("a").attr("href", urls.feeds()).text(ui.text(lang, "allFeeds"));
        more.appendText(" · ");
        more.appendElement("a").attr("href", urls.base() + "/opml").attr("type", "text/x-opml").text("OPML");
        if (cfg.site().rights() != null) footer.appendElement("p").addClass("rights").attr("dir", "auto").text(cfg.site().rights());
    }

    /** A feed's title and its three formats. */
    void feedItem(Element li, FeedSpec f) {
        Element title = li.appendElement("strong").attr("dir", "auto").text(f.title());
        if (f.language() != null) title.attr("lang", f.language());
        Element formats = li.appendElement("span").addClass("formats");
        for (FeedFormat fmt : FeedFormat.FOR_READERS) {
            formats.appendElement("a").attr("href", urls.feed(f.id(), fmt.extension())).attr("type", mediaType(fmt))
                    .text(formatName(fmt));
        }
    }

    /** The public feeds of one language, as feeds.yml lists them. */
    List<FeedSpec> feeds(String lang) {
        return cfg.feeds().stream().filter(f -> f.isPublic() && lang.equals(f.language())).toList();
    }

    /** The public feed that carries a section in a language (a one-section feed), else the language's main feed. */
    FeedSpec feedFor(String lang, String section) {
        FeedSpec main = null;
        for (FeedSpec f : feeds(lang)) {
            if (section != null && f.sections().equals(List.of(section))) return f;
            if (main == null && f.sections().isEmpty() && f.tags().isEmpty() && !f.everyStory() && f.includeArticles()) main = f;
        }
        return main;
    }

    /** A language's name in itself. */
    static String name(String lang) {
        String n = LangTags.displayName(lang);
        return n == null ? lang : n;
    }

    static String mediaType(FeedFormat f) {
        String ct = f.contentType();
        return ct.substring(0, ct.indexOf(';'));
    }

    static String formatName(FeedFormat f) {
        return switch (f) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
            case JSON -> "JSON Feed";
            case NINJS, NINJS_NDJSON -> "ninjs";
        };
    }
}
