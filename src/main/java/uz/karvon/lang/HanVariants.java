package uz.karvon.lang;

import java.util.BitSet;

/**
 * Which CJK ideographs are written only in Simplified or only in Traditional Chinese (国/國, 这/這), from
 * {@code lang/han-variants.txt}. That file is generated from ICU's Hans-Hant and Hant-Hans transliterators
 * by HanVariantsResourceTest (ICU at start-up would cost a second); characters both scripts write (中, 人)
 * are in neither list.
 */
final class HanVariants {

    private final BitSet simplified = new BitSet();
    private final BitSet traditional = new BitSet();

    HanVariants(String resource) {
        for (String line : UzExceptionDictionary.readLines(resource)) {
            String[] f = line.split("\t", 2);
            BitSet set = switch (f[0]) {
                case "Hans" -> simplified;
                case "Hant" -> traditional;
                default -> throw new IllegalStateException("lang: " + resource + ": expected Hans or Hant: " + f[0]);
            };
            f[1].codePoints().forEach(set::set);
        }
    }

    /** Per text: how many of its ideographs only Simplified writes, and how many only Traditional. */
    int[] count(String s) {
        int[] counts = new int[2];
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (simplified.get(cp)) {
                counts[0]++;
            } else if (traditional.get(cp)) {
                counts[1]++;
            }
        }
        return counts;
    }
}
