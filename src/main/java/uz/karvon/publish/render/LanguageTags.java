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

    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
