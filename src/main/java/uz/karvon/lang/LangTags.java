package uz.karvon.lang;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Interim copy until the lang branch lands (replaced on merge). */
public final class LangTags {
    private static final Set<String> RTL = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ug");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Map<String, String> NAMES = Map.of("uz-Latn", "Oʻzbekcha", "uz-Cyrl", "Ўзбекча", "ru", "Русский",
            "en", "English", "zh-Hans", "中文", "ar", "العربية");

    private LangTags() {}

    public static String normalize(String tag) {
        if (tag == null || tag.isBlank()) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
            return LANGUAGES.contains(l.getLanguage()) ? l.toLanguageTag() : null;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    public static boolean isValid(String tag) { return normalize(tag) != null; }

    public static boolean isRightToLeft(String tag) {
        String n = normalize(tag);
        return n != null && (RTL.contains(Locale.forLanguageTag(n).getLanguage()) || n.endsWith("-Arab"));
    }

    public static String dir(String tag) { return isRightToLeft(tag) ? "rtl" : "ltr"; }

    public static String displayName(String tag) {
        String n = normalize(tag);
        if (n == null) return tag;
        Locale l = Locale.forLanguageTag(n);
        return NAMES.getOrDefault(n, l.getDisplayName(l));
    }
}
