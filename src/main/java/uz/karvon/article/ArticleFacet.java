package uz.karvon.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What decides which feeds and sitemap files show an article version: its language, categories, tags and text
 * (for keep/block patterns), and its place {@code seq} in the store. Every stored change records the facets of
 * the versions it touched, before and after, so a server invalidates only what shows them.
 *
 * <p>A facet merged from many articles (a bulk import) has no text ({@code title == null}: any keep/block pattern
 * may match) and covers the seq range {@code seqFrom..seqTo}.
 */
public record ArticleFacet(String lang, List<String> categories, List<String> tags, String title, String summary,
                           long seqFrom, long seqTo) {
    public ArticleFacet {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    public static ArticleFacet of(Article a, long seq) {
        return new ArticleFacet(a.lang(), a.categories(), a.tags(), a.title(), a.summary(), seq, seq);
    }

    /** Facets of many articles folded into one per language: what they may touch, in a few rows. */
    public static List<ArticleFacet> merge(List<ArticleFacet> facets) {
        record Acc(Set<String> categories, Set<String> tags, long[] seq) {}
        Map<String, Acc> byLang = new LinkedHashMap<>();
        for (ArticleFacet f : facets) {
            Acc acc = byLang.computeIfAbsent(f.lang(),
                    k -> new Acc(new LinkedHashSet<>(), new LinkedHashSet<>(), new long[] {Long.MAX_VALUE, Long.MIN_VALUE}));
            acc.categories().addAll(f.categories());
            acc.tags().addAll(f.tags());
            acc.seq()[0] = Math.min(acc.seq()[0], f.seqFrom());
            acc.seq()[1] = Math.max(acc.seq()[1], f.seqTo());
        }
        List<ArticleFacet> out = new ArrayList<>();
        byLang.forEach((lang, acc) -> out.add(new ArticleFacet(lang, new ArrayList<>(acc.categories()),
                new ArrayList<>(acc.tags()), null, null, acc.seq()[0], acc.seq()[1])));
        return out;
    }
}
