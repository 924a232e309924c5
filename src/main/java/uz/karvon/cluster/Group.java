package uz.karvon.cluster;

import java.util.Locale;

/**
 * The language group a story is compared in. Uzbek in either script is one group (Cyrillic text is
 * transliterated to Latin first), so an uz-Latn and an uz-Cyrl story compare word by word; other
 * languages than the six karvon publishes fall into a group by their script.
 */
enum Group {
    UZ(Script.LATIN), RU(Script.CYRILLIC), EN(Script.LATIN), ZH(Script.HAN), AR(Script.ARABIC),
    OTHER_LATIN(Script.LATIN), OTHER_CYRILLIC(Script.CYRILLIC), OTHER_ARABIC(Script.ARABIC), OTHER(Script.NONE);

    /** The writing system gazetteer forms are matched in: a group matches every form written in its script. */
    enum Script { LATIN, CYRILLIC, ARABIC, HAN, NONE }

    final Script script;

    Group(Script script) {
        this.script = script;
    }

    /** Latin and Cyrillic names can be compared by sound (see {@link NameKeys}); Han and Arabic ones only by the gazetteer. */
    boolean hasNameKeys() {
        return script == Script.LATIN || script == Script.CYRILLIC;
    }

    /**
     * The group of a BCP 47 tag ({@code uz-Latn}, {@code uz-Cyrl}, {@code ru}, {@code zh-Hans}, …); when the
     * tag names another language, the script of the text decides.
     */
    static Group of(String normalizedTag, String text) {
        String lang = normalizedTag == null ? "" : Locale.forLanguageTag(normalizedTag).getLanguage();
        switch (lang) {
            case "uz":
                return UZ;
            case "ru":
                return RU;
            case "en":
                return EN;
            case "zh":
                return ZH;
            case "ar":
                return AR;
            default:
                break;
        }
        return switch (dominantScript(text)) {
            case LATIN -> OTHER_LATIN;
            case CYRILLIC -> OTHER_CYRILLIC;
            case ARABIC -> OTHER_ARABIC;
            case HAN -> ZH;
            case NONE -> OTHER;
        };
    }

    /** The script most letters of the text are written in. */
    static Script dominantScript(String text) {
        int[] counts = new int[Script.values().length];
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                counts[scriptOf(c).ordinal()]++;
            }
        }
        Script best = Script.NONE;
        for (Script s : Script.values()) {
            if (s != Script.NONE && counts[s.ordinal()] > counts[best.ordinal()]) {
                best = s;
            }
        }
        return best;
    }

    static Script scriptOf(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case ARABIC -> Script.ARABIC;
            case HAN -> Script.HAN;
            default -> Script.NONE;
        };
    }
}
