package uz.karvon.config;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Well-formed BCP 47 tags whose language subtag is a real ISO 639 code, in canonical case ({@code uz-latn} → {@code uz-Latn}). */
final class LanguageTagCheck {
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTagCheck() {}

    static String normalize(String tag) {
        if (tag == null || tag.isBlank()) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
            if (!LANGUAGES.contains(l.getLanguage())) return null;
            return l.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
