package uz.karvon.lang;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Uzbek Latin (1995 alphabet) ↔ Uzbek Cyrillic.
 *
 * <p>The rules a linguist may correct live in {@code src/main/resources/lang/}:
 * {@code uz-latn-cyrl.rules} and {@code uz-cyrl-latn.rules} (ICU transliterator rules, the
 * latter wrapping ICU's {@code uz_Cyrl-uz_Latn}), {@code uz-exceptions.tsv} (loanwords:
 * цирк/sirk, сентябрь/sentabr, объект/obyekt …), {@code uz-suffixes.txt} and
 * {@code uz-keep-latin.txt} (Latin names kept in Cyrillic text).
 *
 * <p>Left untouched in both directions: URLs, e-mail addresses, {@code #hashtags} and
 * {@code @mentions} (they are identifiers shared across scripts). Latin → Cyrillic also
 * keeps words that cannot be Uzbek Latin (a {@code c} outside {@code ch}, a {@code w}, letters
 * such as ö ş ə é), Roman numerals (XXI asr → XXI аср) and the keep list; acronyms are
 * converted (BMT → БМТ, AQSh → АҚШ). Apostrophe variants are accepted on input (‘ ’ ' ` ʼ ʻ).
 *
 * <p>Thread-safe; all methods return {@code null} for {@code null}.
 */
public final class UzbekTransliterator {

    private static final String RES = "/lang/";
    private static final UzbekTransliterator STANDARD = new UzbekTransliterator();

    /** URL, www-host, e-mail, #hashtag, @mention; trailing sentence punctuation is not part of a URL. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?i)(?:https?|ftp)://[^\\s<>\"«»]+?(?=[.,;:!?)\\]»”'\"]*(?:\\s|$))"
                    + "|\\bwww\\.[^\\s<>\"«»]+?(?=[.,;:!?)\\]»”'\"]*(?:\\s|$))"
                    + "|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"
                    + "|(?<![\\p{L}\\p{N}])[#@][\\p{L}\\p{N}_]+");
    private static final Pattern ROMAN =
            Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
    private static final Set<String> SKIP_TAGS =
            Set.of("code", "pre", "script", "style", "kbd", "samp", "var", "textarea", "svg", "math");

    private final ThreadLocal<Transliterator> latToCyr;
    private final ThreadLocal<Transliterator> cyrToLat;
    private final UzExceptionDictionary dict;
    private final Set<String> keepLatin;

    private UzbekTransliterator() {
        String latRules = UzExceptionDictionary.readAll(RES + "uz-latn-cyrl.rules");
        String cyrRules = UzExceptionDictionary.readAll(RES + "uz-cyrl-latn.rules");
        // compile once now so a broken rule file fails at start-up, not on first use
        Transliterator.createFromRules("karvon-uz-latn-cyrl", latRules, Transliterator.FORWARD);
        Transliterator.createFromRules("karvon-uz-cyrl-latn", cyrRules, Transliterator.FORWARD);
        latToCyr = ThreadLocal.withInitial(
                () -> Transliterator.createFromRules("karvon-uz-latn-cyrl", latRules, Transliterator.FORWARD));
        cyrToLat = ThreadLocal.withInitial(
                () -> Transliterator.createFromRules("karvon-uz-cyrl-latn", cyrRules, Transliterator.FORWARD));
        dict = new UzExceptionDictionary(RES + "uz-exceptions.tsv", RES + "uz-suffixes.txt");
        Set<String> keep = new HashSet<>();
        for (String line : UzExceptionDictionary.readLines(RES + "uz-keep-latin.txt")) {
            keep.add(line.strip().toLowerCase(Locale.ROOT));
        }
        keepLatin = Set.copyOf(keep);
    }

    /** The shared instance with the rules and dictionaries from the classpath. */
    public static UzbekTransliterator standard() {
        return STANDARD;
    }

    /** Uzbek Latin → Uzbek Cyrillic for plain text. */
    public String toCyrillic(String latinText) {
        if (latinText == null) {
            return null;
        }
        String nfc = Normalizer.normalize(latinText, Normalizer.Form.NFC);
        return mapOutsideProtected(nfc, seg -> mapWords(TextHygiene.normalizeUzbekApostrophes(seg), this::wordToCyrillic));
    }

    /** Uzbek Cyrillic → Uzbek Latin for plain text. */
    public String toLatin(String cyrillicText) {
        if (cyrillicText == null) {
            return null;
        }
        String nfc = Normalizer.normalize(cyrillicText, Normalizer.Form.NFC);
        return mapOutsideProtected(nfc, seg -> mapWords(seg, this::wordToLatin));
    }

    /** {@link #toCyrillic} on the text nodes of an HTML fragment or document. */
    public String htmlToCyrillic(String html) {
        return html == null ? null : mapHtml(html, this::toCyrillic);
    }

    /** {@link #toLatin} on the text nodes of an HTML fragment or document. */
    public String htmlToLatin(String html) {
        return html == null ? null : mapHtml(html, this::toLatin);
    }

    // ---------------------------------------------------------------- words

    private String wordToCyrillic(String w) {
        if (!hasAsciiLetter(w) || keepLatin.contains(w.toLowerCase(Locale.ROOT)) || looksForeign(w)
                || (w.length() >= 2 && ROMAN.matcher(w).matches())) {
            return w;
        }
        UzExceptionDictionary.Hit hit = dict.lookupLatin(w.toLowerCase(Locale.ROOT));
        if (hit == null) {
            return latToCyr.get().transliterate(w);
        }
        String out = latToCyr.get().transliterate(hit.replacement() + hit.rest());
        return applyCase(w, out);
    }

    private String wordToLatin(String w) {
        if (!hasCyrillic(w)) {
            return w;
        }
        Transliterator t = cyrToLat.get();
        UzExceptionDictionary.Hit hit = dict.lookupCyrillic(w.toLowerCase(Locale.ROOT), t::transliterate);
        String out = hit == null ? t.transliterate(w) : applyCase(w, hit.replacement() + t.transliterate(hit.rest()));
        if (w.length() == 1 && out.length() > 1 && Character.isUpperCase(w.charAt(0))) {
            // an initial: Ш. Мирзиёев -> Sh. Mirziyoyev, not SH.
            out = out.charAt(0) + out.substring(1).toLowerCase(Locale.ROOT);
        }
        return out;
    }

    /** Case of the source word applied to a lower-case dictionary form: lower, Title or UPPER. */
    private static String applyCase(String source, String lowerTarget) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isLetter(c) && Character.toLowerCase(c) != Character.toUpperCase(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (letters > 1 && upper == letters) {
            return lowerTarget.toUpperCase(Locale.ROOT);
        }
        if (!source.isEmpty() && Character.isUpperCase(source.charAt(0))) {
            return Character.toUpperCase(lowerTarget.charAt(0)) + lowerTarget.substring(1);
        }
        return lowerTarget;
    }

    /** Letters Uzbek Latin never uses: c outside ch, w, anything beyond a-z and the two apostrophes. */
    private static boolean looksForeign(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == 'w' || (c == 'c' && (i + 1 >= l.length() || l.charAt(i + 1) != 'h'))) {
                return true;
            }
            boolean uzbek = (c >= 'a' && c <= 'z') || c == TextHygiene.OKINA || c == TextHygiene.TUTUQ;
            if (!uzbek && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAsciiLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCyrillic(String w) {
        return w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    // ---------------------------------------------------------------- segmentation

    private static String mapOutsideProtected(String text, UnaryOperator<String> f) {
        Matcher m = PROTECTED.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (m.find()) {
            out.append(f.apply(text.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(f.apply(text.substring(last))).toString();
    }

    /** Applies f to each word (letters, combining marks, ʻ and ʼ); everything else is copied. */
    private static String mapWords(String text, UnaryOperator<String> f) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && isWordChar(text.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.append(f.apply(text.substring(i, j)));
                i = j;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || c == TextHygiene.OKINA || c == TextHygiene.TUTUQ;
    }

    // ---------------------------------------------------------------- HTML

    private static String mapHtml(String html, UnaryOperator<String> f) {
        String head = html.stripLeading().toLowerCase(Locale.ROOT);
        boolean full = head.startsWith("<!doctype") || head.startsWith("<html");
        Document doc = full ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof TextNode t && !t.isBlank() && !insideSkipped(t)) {
                t.text(f.apply(t.getWholeText()));
            }
        }, doc);
        return full ? doc.outerHtml() : doc.body().html();
    }

    /** Code, preformatted text, scripts, and anything marked translate="no" stay as written. */
    private static boolean insideSkipped(TextNode t) {
        for (Element e = t.parent(); e != null; e = e.parent()) {
            if (SKIP_TAGS.contains(e.normalName()) || "no".equalsIgnoreCase(e.attr("translate"))) {
                return true;
            }
        }
        return false;
    }
}
