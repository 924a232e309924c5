package uz.karvon.lang;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;

/**
 * The script of a letter, as {@link Character#isLetter} and {@link Character.UnicodeScript#of}
 * answer, fast for the blocks of news text: the JDK binary-searches some two thousand script
 * ranges per call, which shows when it runs for every char of every item. The first code
 * points (Latin, Greek, Cyrillic, Arabic …) come from a table, a few common blocks are decided
 * by range. LetterScriptsTest checks every code point against the JDK.
 */
public final class LetterScripts {

    private static final int TABLE_END = 0x0800;
    private static final Character.UnicodeScript[] TABLE = new Character.UnicodeScript[TABLE_END];
    private static final String[] ISO_15924 = new String[Character.UnicodeScript.values().length];

    static {
        for (int cp = 0; cp < TABLE_END; cp++) {
            TABLE[cp] = lookUp(cp);
        }
    }

    private LetterScripts() {
    }

    /** The script of a letter; null for a code point that is not a letter. */
    public static Character.UnicodeScript of(int codePoint) {
        return codePoint >= 0 && codePoint < TABLE_END ? TABLE[codePoint] : lookUp(codePoint);
    }

    /** The ISO 15924 code of a script: LATIN → "Latn", CYRILLIC → "Cyrl", HAN → "Hani". */
    public static String iso15924(Character.UnicodeScript script) {
        String code = ISO_15924[script.ordinal()];
        if (code == null) { // looked up on first use (ICU's tables cost a tenth of a second); a race only repeats it
            code = UScript.getShortName(UCharacter.getPropertyValueEnum(UProperty.SCRIPT, script.name()));
            ISO_15924[script.ordinal()] = code;
        }
        return code;
    }

    /** The script with this ISO 15924 code ("Cyrl"), or null. */
    static Character.UnicodeScript fromIso15924(String code) {
        try {
            return Character.UnicodeScript.forName(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Character.UnicodeScript lookUp(int codePoint) {
        if (codePoint >= 0x2000 && codePoint <= 0x206F || !Character.isLetter(codePoint)) {
            return null; // General Punctuation (dashes, quotes, …) has no letters
        }
        if (codePoint < 0x0080 || codePoint >= 0x00C0 && codePoint <= 0x024F) {
            return Character.UnicodeScript.LATIN; // ASCII, Latin-1 Supplement, Latin Extended-A and -B
        }
        if (codePoint >= 0x0400 && codePoint <= 0x052F) {
            return Character.UnicodeScript.CYRILLIC; // Cyrillic and Cyrillic Supplement
        }
        if (codePoint >= 0x0600 && codePoint <= 0x06FF && codePoint != 0x0640) {
            return Character.UnicodeScript.ARABIC; // the tatweel U+0640 is Common
        }
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
            return Character.UnicodeScript.HAN; // CJK Unified Ideographs
        }
        return Character.UnicodeScript.of(codePoint);
    }
}
