package uz.karvon.web.site;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import uz.karvon.article.Article;
import uz.karvon.lang.LangTags;
import uz.karvon.publish.Listing;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.SiteUrls;

/**
 * A language's front page ({@code /en/}) and its section pages ({@code /en/sections/economy}): the newest stories
 * with headline, summary, time and image, paged back through the whole archive ({@code ?before=CURSOR}).
 */
final class ListingPage {
    static final int PAGE_SIZE = 20;

    private ListingPage() {}

    /**
     * @param section null for the front page
     * @param chosen  the page is {@code /} in the language the reader's browser asked for: say so, and link the others
     */
    static SiteFrame.Page build(SiteFrame frame, Listing.Page listing, String lang, String section, PageRequest request,
                                boolean chosen) {
        SiteUrls urls = frame.urls();
        UiText ui = frame.ui();
        String here = section == null ? urls.language(lang) : urls.section(lang, section);
        Map<String, String> others = new LinkedHashMap<>();
        for (String l : frame.languages()) others.put(l, section == null ? urls.language(l) : urls.section(l, section));
        String heading = section == null ? ui.text(lang, "latest") : ui.section(lang, section);
        SiteFrame.Page page = frame.open(lang, heading, others, section);
        Element head = page.head();
        head.appendElement("link").attr("rel", "canonical").attr("href", here + request.query());
        head.appendElement("meta").attr("name", "description").attr("content",
                section == null && lang.equals(frame.config().site().defaultLanguage()) ? frame.config().site().description()
                        : heading + " — " + frame.config().site().agency());
        if (request.isFirst()) {
            for (Map.Entry<String, String> e : others.entrySet()) {
                head.appendElement("link").attr("rel", "alternate").attr("hreflang", e.getKey()).attr("href", e.getValue());
            }
            if (section == null) head.appendElement("link").attr("rel", "alternate").attr("hreflang", "x-default").attr("href", urls.home());
        }
        Element main = page.main();
        if (chosen && frame.languages().size() > 1) {
            Element p = main.appendElement("p").addClass("chosen");
            p.appendText(ui.text(lang, "languageChosen", SiteFrame.name(lang)) + " ");
            for (String l : frame.languages()) {
                if (l.equals(lang)) continue;
                p.appendElement("a").attr("href", urls.language(l)).attr("hreflang", l).attr("lang", l)
                        .attr("dir", LangTags.dir(l)).text(SiteFrame.name(l));
                p.appendText(" ");
            }
        }
        main.appendElement("h1").text(heading);
        if (listing.articles().isEmpty()) {
            main.appendElement("p").addClass("empty").text(ui.text(lang, "noStories"));
        }
        Element list = main.appendElement("div").addClass("stories");
        boolean lead = request.isFirst();
        for (Article a : listing.articles()) {
            story(list, frame, a, lang, lead);
            lead = false;
        }
        if (listing.newer() != null || listing.older() != null) {
            Element nav = main.appendElement("nav").addClass("pager").attr("aria-label", ui.text(lang, "pages"));
            if (listing.newer() != null) {
                nav.appendElement("a").attr("rel", "prev").attr("href", here + listing.newer().query()).text(ui.text(lang, "newer"));
            }
            if (listing.older() != null) {
                nav.appendElement("a").attr("rel", "next").attr("href", here + listing.older().query()).text(ui.text(lang, "older"));
            }
        }
        return page;
    }

    /** One story: image, headline, summary, time and section. The first of the front page is shown large. */
    private static void story(Element list, SiteFrame frame, Article a, String pageLang, boolean lead) {
        SiteUrls urls = frame.urls();
        String href = urls.article(a.lang(), a.slug());
        Element s = list.appendElement("article").addClass(lead ? "story lead" : "story");
        if (!a.lang().equals(pageLang)) s.attr("lang", a.lang()).attr("dir", LangTags.dir(a.lang()));
        String image = a.image() == null ? null : urls.absolute(a.image().url()); // null: it cannot be published
        if (image != null) {
            s.appendElement("a").addClass("thumb").attr("href", href).attr("tabindex", "-1").attr("aria-hidden", "true")
                    .appendElement("img").attr("src", image).attr("alt", "").attr("loading", "lazy");
        }
        Element text = s.appendElement("div").addClass("text");
        text.appendElement("h2").appendElement("a").attr("href", href).text(a.title());
        if (a.summary() != null) text.appendElement("p").addClass("summary").text(a.summary());
        Element meta = text.appendElement("p").addClass("meta");
        Instant shown = a.published();
        SiteDates.time(meta, shown, SiteDates.dateTime(shown, a.lang(), frame.config().site().timezone()));
        if (a.section() != null) {
            meta.appendElement("span").addClass("sep").attr("aria-hidden", "true").text("·");
            meta.appendElement("a").attr("href", urls.section(pageLang, a.section())).text(frame.ui().section(a.lang(), a.section()));
        }
    }
}
