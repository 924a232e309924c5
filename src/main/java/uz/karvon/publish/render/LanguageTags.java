package uz.karvon.publish.render;

import uz.karvon.lang.LangTags;


/**
 * Language tags are written in canonical BCP 47 form ({@code uz-Latn}, {@code zh-Hans}, {@code ru}) in
 * all three formats. Tags are case-insensitive (RFC 5646 §2.1.1); the W3C Feed Validator checks only the
 * primary subtag of RSS {@code <language>} against ISO 639 and accepts any subtags after the first "-",
 * and {@code xml:lang} takes BCP 47 directly, so one spelling serves RSS, Atom and JSON Feed.
 */
final class LanguageTags {
    private LanguageTags() {
    }

    /** Canonical form, or {@code null} for blank or unparseable input. */
    static String canonical(String tag) {
        return LangTags.normalize(tag);
    }

    /**
     * The tag with a region, for RSS {@code <language>}: Apple News asks for the channel language "with locale"
     * (RSS guidelines for Apple News: "Channel elements must include title, language (with locale), and link").
     * A tag without a region gets the likeliest one from CLDR (ru → ru-RU, uz-Latn → uz-Latn-UZ, zh-Hans →
     * zh-Hans-CN); one that has a region, or for which CLDR knows none, is returned as it is.
     */
    static String withRegion(String tag) {
        if (tag == null) return null;
        com.ibm.icu.util.ULocale l = com.ibm.icu.util.ULocale.forLanguageTag(tag);
        if (!l.getCountry().isEmpty()) return tag;
        String region = com.ibm.icu.util.ULocale.addLikelySubtags(l).getCountry();
        return region.isEmpty() || region.length() != 2 ? tag : tag + "-" + region;
    }

    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
