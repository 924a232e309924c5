package uz.karvon.server;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import uz.karvon.article.ArticleJson;
import uz.karvon.lang.LangTags;

/** The article reader with karvon's HTML allowlist and language-tag rules plugged in. */
final class Articles {
    private Articles() {}

    static ArticleJson json() {
        // Relative links (e.g. /media/x.jpg) are kept; they resolve against the site when served.
        Safelist allow = Safelist.relaxed().preserveRelativeLinks(true);
        return new ArticleJson(html -> Jsoup.clean(html, "http://karvon.invalid/", allow), LangTags::normalize);
    }
}
