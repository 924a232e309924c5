package uz.karvon.publish;

import com.ibm.icu.util.ULocale;

/** Whether an item's language tag belongs in a feed's language: same language and same (likely) script. */
final class LanguageMatch {
    private LanguageMatch() {}

    static boolean matches(String feedTag, String itemTag) {
        if (feedTag == null || itemTag == null) return false;
        if (feedTag.equalsIgnoreCase(itemTag)) return true;
        ULocale f = ULocale.addLikelySubtags(ULocale.forLanguageTag(feedTag));
        ULocale i = ULocale.addLikelySubtags(ULocale.forLanguageTag(itemTag));
        return f.getLanguage().equals(i.getLanguage()) && f.getScript().equals(i.getScript());
    }
}
