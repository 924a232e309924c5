package uz.karvon.server;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import uz.karvon.article.ArticleJson;
import uz.karvon.lang.LangTags;

/** The article reader with karvon's HTML allowlist and language-tag rules plugged in. */
final class Articles {
    private Articles() {}

    static ArticleJson json() {
        return new ArticleJson(html -> Jsoup.clean(html, Safelist.relaxed()), LangTags::normalize);
    }
}
