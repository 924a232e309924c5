package uz.karvon.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The languages the detector scores, from {@code lang/languages.tsv}: tag, script, whether it is an answer
 * ("detect") or only there to recognise text in none of them ("other"), and its alphabet.
 */
final class LanguageTable {

    /** One line of the table; {@code alphabet} empty means any letter of the script. */
    record Language(String tag, Character.UnicodeScript script, boolean detected, String alphabet) {
    }

    private LanguageTable() {
    }

    static List<Language> read(String resource) {
        List<Language> out = new ArrayList<>();
        for (String line : UzExceptionDictionary.readLines(resource)) {
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !(f[2].equals("detect") || f[2].equals("other"))) {
                throw new IllegalStateException("lang: " + resource + ": expected tag, script, detect|other, alphabet: " + line);
            }
            Character.UnicodeScript script = LetterScripts.fromIso15924(f[1]);
            if (script == null) {
                throw new IllegalStateException("lang: " + resource + ": unknown script " + f[1]);
            }
            out.add(new Language(f[0], script, f[2].equals("detect"), f[3].strip()));
        }
        return List.copyOf(out);
    }
}
