package uz.karvon.web.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.lang.LangTags;
import uz.karvon.publish.FeedFormat;

/** {@code /feeds}: every public feed grouped by language, each in RSS, Atom and JSON Feed, all autodiscoverable. */
final class FeedsPage {
    private FeedsPage() {}

    static SiteFrame.Page build(SiteFrame frame, String lang) {
        UiText ui = frame.ui();
        Map<String, String> others = new LinkedHashMap<>();
        for (String l : frame.languages()) others.put(l, frame.urls().feeds());
        SiteFrame.Page page = frame.open(lang, ui.text(lang, "allFeeds"), others, null);
        Element head = page.head();
        head.select("link[rel=alternate][type]").remove(); // replaced by every public feed below
        head.appendElement("link").attr("rel", "canonical").attr("href", frame.urls().feeds());
        Map<String, List<FeedSpec>> byLanguage = new LinkedHashMap<>();
        for (FeedSpec f : SiteRoutes.publicFeeds(frame.config())) {
            byLanguage.computeIfAbsent(f.language() == null ? "mul" : f.language(), k -> new ArrayList<>()).add(f);
            for (FeedFormat fmt : FeedFormat.FOR_READERS) {
                head.appendElement("link").attr("rel", "alternate").attr("type", SiteFrame.mediaType(fmt))
                        .attr("title", f.title() + " (" + SiteFrame.formatName(fmt) + ")")
                        .attr("href", frame.urls().feed(f.id(), fmt.extension()));
            }
        }
        Element main = page.main();
        main.appendElement("h1").text(ui.text(lang, "allFeeds"));
        main.appendElement("p").text(ui.text(lang, "feedsIntro"));
        for (Map.Entry<String, List<FeedSpec>> group : byLanguage.entrySet()) {
            String l = group.getKey();
            Element section = main.appendElement("section").addClass("feed-group");
            Element h2 = section.appendElement("h2");
            if (l.equals("mul")) {
                h2.text("All languages · Barcha tillar · Все языки");
            } else {
                section.attr("lang", l).attr("dir", LangTags.dir(l));
                h2.text(SiteFrame.name(l));
            }
            Element ul = section.appendElement("ul").addClass("feed-list");
            for (FeedSpec f : group.getValue()) frame.feedItem(ul.appendElement("li"), f);
        }
        main.appendElement("p").appendElement("a").attr("href", frame.urls().base() + "/opml").attr("type", "text/x-opml")
                .text("OPML");
        return page;
    }
}
