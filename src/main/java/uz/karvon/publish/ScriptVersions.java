package uz.karvon.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    static List<Article> generate(List<Article> articles, Set<String> targets, UzbekTransliterator translit) {
        if (targets.isEmpty()) return List.of();
        Set<String> have = new HashSet<>();
        for (Article a : articles) have.add(a.translationKey() + "|" + a.lang());
        List<Article> out = new ArrayList<>();
        for (Article a : articles) {
            String target = a.lang().equals(LATN) ? CYRL : a.lang().equals(CYRL) ? LATN : null;
            if (target == null || !targets.contains(target) || have.contains(a.translationKey() + "|" + target)) continue;
            boolean toCyrl = target.equals(CYRL);
            UnaryOperator<String> text = s -> s == null ? null : toCyrl ? translit.toCyrillic(s) : translit.toLatin(s);
            UnaryOperator<String> html = s -> s == null ? null : toCyrl ? translit.htmlToCyrillic(s) : translit.htmlToLatin(s);
            Article.Image img = a.image() == null ? null
                    : new Article.Image(a.image().url(), a.image().type(), a.image().length(), text.apply(a.image().caption()));
            out.add(new Article(a.id() + "~" + target, target, a.translationKey(), a.slug(), text.apply(a.title()),
                    text.apply(a.summary()), html.apply(a.bodyHtml()), a.section(), a.categories(),
                    a.tags().stream().map(text).toList(), text.apply(a.author()), text.apply(a.dateline()), img,
                    a.published(), a.updated(), a.status(), a.embargoUntil(), text.apply(a.correctionNote()),
                    a.withdrawReason(), true));
        }
        return out;
    }
}
