package uz.karvon.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import uz.karvon.lang.UzbekTransliterator;

/**
 * Uzbek Cyrillic to Latin with karvon's transliterator, one word at a time through a bounded cache. The
 * transliterator maps word by word anyway, but each call costs tens of microseconds; news repeats its
 * words, so after the first thousand stories nearly every word is a cache hit and an uz-Cyrl story costs
 * about what a Latin one does.
 */
final class UzLatin {

    /** Distinct Cyrillic words kept; a word costs about 100 bytes. */
    private static final int WORDS = 100_000;

    private static final Cache<String, String> CACHE = Caffeine.newBuilder().maximumSize(WORDS).build();

    private UzLatin() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isCyrillic(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int j = i;
            while (j < n && (isCyrillic(text.charAt(j)) || text.charAt(j) == 'ʼ')) {
                j++;
            }
            out.append(CACHE.get(text.substring(i, j), w -> UzbekTransliterator.standard().toLatin(w)));
            i = j;
        }
        return out.toString();
    }

    private static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF';
    }
}
