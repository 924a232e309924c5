package uz.karvon.lang;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BCP 47 language tags: validation, canonical case, writing direction and self-names.
 * All methods are static, thread-safe and accept {@code null} (invalid).
 */
public final class LangTags {

    /** Self-names ("endonyms") for the languages karvon publishes; others fall back to ICU/CLDR. */
    private static final Map<String, String> SELF_NAMES = Map.ofEntries(
            Map.entry("uz", "Oʻzbekcha"),
            Map.entry("uz-Latn", "Oʻzbekcha"),
            Map.entry("uz-Cyrl", "Ўзбекча"),
            Map.entry("uz-Arab", "اوزبیکچه"),
            Map.entry("ru", "Русский"),
            Map.entry("en", "English"),
            Map.entry("zh", "中文"),
            Map.entry("zh-Hans", "简体中文"),
            Map.entry("zh-Hant", "繁體中文"),
            Map.entry("ar", "العربية"),
            Map.entry("tr", "Türkçe"),
            Map.entry("az", "Azərbaycanca"),
            Map.entry("kk", "Қазақша"),
            Map.entry("tg", "Тоҷикӣ"),
            Map.entry("ky", "Кыргызча"),
            Map.entry("fa", "فارسی"),
            Map.entry("kaa", "Qaraqalpaqsha"), // ICU 78 names Karakalpak only in English (Kara-Kalpak)
            Map.entry("kaa-Latn", "Qaraqalpaqsha"),
            Map.entry("kaa-Cyrl", "Қарақалпақша"));

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LangTags() {
    }

    /**
     * Canonical form: "uz-latn" → "uz-Latn", "ru_RU" → "ru-RU", "zh-hans" → "zh-Hans",
     * "iw" → "he"; {@code null} when the tag is not well-formed or its language is unknown.
     */
    public static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            String lang = l.getLanguage();
            if (!knownLanguage(lang)) {
                return null;
            }
            return l.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** True when {@link #normalize} accepts the tag. */
    public static boolean isValid(String tag) {
        return normalize(tag) != null;
    }

    /**
     * True for right-to-left scripts: an explicit script subtag decides (uz-Arab, az-Arab →
     * true; ar-Latn → false), otherwise the language's likely script from CLDR
     * (ar, fa, ur, he, ps, ug, sd, dv, yi, ckb → true). Invalid tags → false.
     */
    public static boolean isRightToLeft(String bcp47) {
        String tag = normalize(bcp47);
        if (tag == null) {
            return false;
        }
        String script = ULocale.addLikelySubtags(ULocale.forLanguageTag(tag)).getScript();
        if (script.isEmpty()) {
            return false;
        }
        int[] codes = UScript.getCode(script);
        return codes != null && codes.length > 0 && UScript.isRightToLeft(codes[0]);
    }

    /** "rtl" or "ltr", for HTML {@code dir} attributes. */
    public static String dir(String bcp47) {
        return isRightToLeft(bcp47) ? "rtl" : "ltr";
    }

    /**
     * The language's name in itself: "Oʻzbekcha", "Ўзбекча", "Русский", "English", "中文",
     * "العربية"; region subtags are ignored unless ICU knows a better name; {@code null} for an
     * invalid tag.
     */
    public static String displayName(String tag) {
        String norm = normalize(tag);
        if (norm == null) {
            return null;
        }
        Locale l = Locale.forLanguageTag(norm);
        String withScript = l.getScript().isEmpty() ? l.getLanguage() : l.getLanguage() + "-" + l.getScript();
        String name = SELF_NAMES.get(withScript);
        if (name == null) {
            name = SELF_NAMES.get(l.getLanguage());
        }
        if (name != null) {
            return name;
        }
        ULocale u = new ULocale(l.getLanguage());
        String icu = u.getDisplayLanguage(u);
        if (icu.isEmpty() || icu.equals(l.getLanguage())) {
            return norm;
        }
        return icu.substring(0, 1).toUpperCase(l) + icu.substring(1);
    }

    private static boolean knownLanguage(String lang) {
        if (lang.isEmpty()) {
            return false;
        }
        if (ISO_LANGUAGES.contains(lang)) {
            return true;
        }
        // three-letter codes (ckb, fil …): known if CLDR has a name for them
        return lang.length() == 3 && !new ULocale(lang).getDisplayLanguage(ULocale.ENGLISH).equals(lang);
    }
}
