package uz.karvon.ingest.normalize;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.karvon.lang.LangTags;


/** Normalises language codes from feeds ("en-us", "ru_RU", "uz-latn") to BCP 47 ("en-US", "ru-RU", "uz-Latn"). */
public final class LanguageTags {
    private LanguageTags() {
    }

    private static final int CACHE_LIMIT = 1024;
    private static final ConcurrentHashMap<String, Optional<String>> CACHE =
            new ConcurrentHashMap<>();

    /** BCP 47 tag, or null when the input is blank or not a language ("und", garbage). */
    public static String normalize(String raw) {
        if (raw == null) return null;
        Optional<String> hit = CACHE.get(raw);
        if (hit != null) return hit.orElse(null);
        String tag = compute(raw);
        if (CACHE.size() < CACHE_LIMIT) CACHE.put(raw, Optional.ofNullable(tag));   // bounded: feeds use few tags
        return tag;
    }

    private static String compute(String raw) {
        String s = raw.trim();
        int cut = s.indexOf(',');                 // "ru, en" — take the first
        if (cut > 0) s = s.substring(0, cut).trim();
        if (s.isEmpty() || s.length() > 35) return null;
        return LangTags.normalize(s);
    }

    /** First non-null normalised tag among the candidates, in order. */
    public static String first(String... candidates) {
        for (String c : candidates) {
            String n = normalize(c);
            if (n != null) return n;
        }
        return null;
    }
}
