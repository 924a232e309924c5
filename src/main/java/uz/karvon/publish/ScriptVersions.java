package uz.karvon.publish;

import java.util.function.UnaryOperator;
import uz.karvon.article.Article;
import uz.karvon.lang.UzbekTransliterator;

/**
 * Uzbek is written in two official scripts. Where a story exists in one and not the other, this makes the
 * missing version by transliteration, marked as generated, with an id ({@code <id>~uz-Cyrl}) that no CMS id can
 * take ('~' is not allowed there) and the same slug under the other language path.
 */
final class ScriptVersions {
    static final String LATN = "uz-Latn";
    static final String CYRL = "uz-Cyrl";

    private ScriptVersions() {}

    /** The other Uzbek script of {@code lang}, or {@code null} when it has none. */
    static String other(String lang) {
        return LATN.equals(lang) ? CYRL : CYRL.equals(lang) ? LATN : null;
    }

    /**
     * The version of {@code a} in the other script, {@code target} (= {@code other(a.lang())}); without its body
     * when {@code withBody} is false: enough for a translation link or for choosing a story's version, at a
     * fraction of the cost.
     */
    static Article generate(Article a, String target, UzbekTransliterator translit, boolean withBody) {
        boolean toCyrl = target.equals(CYRL);
        UnaryOperator<String> text = s -> s == null ? null : toCyrl ? translit.toCyrillic(s) : translit.toLatin(s);
        UnaryOperator<String> html = s -> s == null ? null : toCyrl ? translit.htmlToCyrillic(s) : translit.htmlToLatin(s);
        Article.Image img = a.image() == null ? null
                : new Article.Image(a.image().url(), a.image().type(), a.image().length(), text.apply(a.image().caption()));
        return new Article(a.id() + "~" + target, target, a.translationKey(), a.slug(), text.apply(a.title()),
                text.apply(a.summary()), withBody ? html.apply(a.bodyHtml()) : null, a.section(), a.categories(),
                a.tags().stream().map(text).toList(), text.apply(a.author()), text.apply(a.dateline()), img,
                a.published(), a.updated(), a.status(), a.embargoUntil(), text.apply(a.correctionNote()),
                a.withdrawReason(), true);
    }
}
