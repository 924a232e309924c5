package uz.karvon.web.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;

/**
 * The languages the site publishes: those of its public feeds, the site's default language first, in the order
 * feeds.yml lists them; just the default language when no public feed names one.
 */
final class SiteLanguages {
    private SiteLanguages() {}

    static List<String> of(KarvonConfig cfg) {
        List<String> out = new ArrayList<>();
        String def = cfg.site().defaultLanguage();
        for (FeedSpec f : cfg.feeds()) {
            if (f.isPublic() && f.language() != null && !out.contains(f.language())) out.add(f.language());
        }
        if (out.remove(def) || out.isEmpty()) out.add(0, def);
        return List.copyOf(out);
    }

    /** The published tag {@code candidate} names, whatever its case ({@code uz-latn} → {@code uz-Latn}). */
    static Optional<String> find(List<String> published, String candidate) {
        return published.stream().filter(l -> l.equalsIgnoreCase(candidate)).findFirst();
    }

    /**
     * The published tag a bare primary language in a path stands for ({@code /zh/} → {@code zh-Hans}, {@code /uz/} →
     * the first Uzbek one published, the site's default when it is Uzbek): a reader who types the short form lands on
     * the page. Only a 2–3 letter subtag, never a longer tag that is not published.
     */
    static Optional<String> shortFor(List<String> published, String candidate) {
        if (!candidate.matches("[A-Za-z]{2,3}")) return Optional.empty();
        String prefix = candidate.toLowerCase(Locale.ROOT) + "-";
        return published.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix)).findFirst();
    }

    /**
     * The published language a reader's {@code Accept-Language} prefers (RFC 9110 §12.5.4 weights): for each range
     * by weight, the same tag, else a published tag it is a prefix of ({@code uz} → {@code uz-Latn}), else one of
     * the same primary language ({@code zh-CN} → {@code zh-Hans}, {@code ru-RU} → {@code ru}). Empty when none matches.
     */
    static Optional<String> preferred(List<String> published, String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Optional.empty();
        List<Locale.LanguageRange> ranges;
        try {
            ranges = new ArrayList<>(Locale.LanguageRange.parse(acceptLanguage));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) continue;
            String range = r.getRange();
            if (range.equals("*")) return Optional.of(published.get(0));
            Optional<String> exact = find(published, range);
            if (exact.isPresent()) return exact;
            String prefix = range.toLowerCase(Locale.ROOT) + "-";
            for (String l : published) if (l.toLowerCase(Locale.ROOT).startsWith(prefix)) return Optional.of(l);
            String primary = range.split("-")[0];
            for (String l : published) if (l.split("-")[0].equalsIgnoreCase(primary)) return Optional.of(l);
        }
        return Optional.empty();
    }
}
