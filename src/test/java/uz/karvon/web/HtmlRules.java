package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import uz.karvon.lang.LangTags;

/**
 * The W3C HTML checker's rules that can be checked offline, plus karvon's own page rules: the document parses
 * without errors, ids are unique, the root has {@code lang} and {@code dir} and every {@code lang} is a valid
 * tag, no inline style or script (CSP), the only script is JSON-LD data, every image has alt text, every link
 * has a target, every form posting carries a CSRF token.
 */
final class HtmlRules {
    private HtmlRules() {}

    static Document check(String where, String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        ParseErrorList errors = parser.getErrors();
        assertThat(errors).as(where + ": HTML parse errors").isEmpty();
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).as(where + ": doctype").startsWith("<!doctype html");
        Element root = doc.selectFirst("html");
        assertThat(root.attr("lang")).as(where + ": html lang").isNotEmpty();
        assertThat(root.attr("dir")).as(where + ": html dir").isIn("ltr", "rtl");
        assertThat(doc.select("head > meta[charset], head > meta[http-equiv~=(?i)content-type]")).as(where + ": one charset").hasSize(1);
        assertThat(doc.select("head > title").text()).as(where + ": title").isNotBlank();
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) assertThat(ids.add(e.id())).as(where + ": duplicate id " + e.id()).isTrue();
        for (Element e : doc.select("[lang]")) {
            assertThat(LangTags.isValid(e.attr("lang")) || e.attr("lang").equals("mul")).as(where + ": lang=" + e.attr("lang")).isTrue();
        }
        for (Element e : doc.select("[dir]")) assertThat(e.attr("dir")).as(where + ": dir").isIn("ltr", "rtl", "auto");
        assertThat(doc.select("[style]")).as(where + ": inline style attributes").isEmpty();
        assertThat(doc.select("style")).as(where + ": style elements").isEmpty();
        for (Element s : doc.select("script")) {
            assertThat(s.attr("type")).as(where + ": only JSON-LD data blocks").isEqualTo("application/ld+json");
            assertThat(s.hasAttr("src")).isFalse();
        }
        for (Element e : doc.getAllElements()) {
            for (var a : e.attributes()) assertThat(a.getKey()).as(where + ": event handler").doesNotStartWith("on");
        }
        for (Element img : doc.select("img")) assertThat(img.hasAttr("alt")).as(where + ": img alt " + img.attr("src")).isTrue();
        for (Element a : doc.select("a")) assertThat(a.attr("href")).as(where + ": a href " + a.text()).isNotBlank();
        for (Element f : doc.select("form[method=post]")) {
            assertThat(f.select("input[type=hidden][name=csrf]").attr("value")).as(where + ": form token").isNotBlank();
        }
        assertThat(doc.select("main")).as(where + ": one main").hasSize(1);
        assertThat(doc.select("h1")).as(where + ": one h1").hasSize(1);
        return doc;
    }
}
