package uz.karvon.ingest;

import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.karvon.ingest.parse.ParsedItem;
import uz.karvon.lang.Detection;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.lang.LetterScripts;

/**
 * Decides an item's language: the declared one (item, feed or source) unless it is plainly wrong for the
 * text's script (a feed says {@code en}, the text is Cyrillic), else detection from the text.
 */
final class LanguageResolver {
    private final LanguageDetector detector;

    LanguageResolver(LanguageDetector detector) {
        this.detector = detector;
    }

    record Resolution(String tag, String correctedFrom) {}

    /** Headline plus the opening of the text: what detection is built for, and cheap on long articles. */
    static String sample(ParsedItem p) {
        String body = p.contentText() != null && !p.contentText().isBlank() ? p.contentText()
                : p.summary() == null ? "" : p.summary();
        if (body.length() > SAMPLE_CHARS) body = body.substring(0, SAMPLE_CHARS);
        return (p.title() == null ? "" : p.title()) + " " + body;
    }

    static final int SAMPLE_CHARS = 400;

    Resolution resolve(String declared, String text) {
        String script = dominantScript(text);
        if (declared != null) {
            String expected = likelyScript(declared);
            if (script == null || expected == null || expected.equals(script)) return new Resolution(declared, null);
            if (declared.toLowerCase(Locale.ROOT).startsWith("uz") && (script.equals("Cyrl") || script.equals("Latn"))) {
                return new Resolution("uz-" + script, null); // same language, the other official script
            }
        }
        Optional<Detection> d = text == null || text.isBlank() ? Optional.empty() : detector.detect(text);
        if (d.isEmpty()) return new Resolution(declared, null);
        return new Resolution(d.get().tag(), declared);
    }

    /** The script a language tag implies (ICU likely subtags), or null; remembered per tag. */
    static String likelyScript(String tag) {
        Optional<String> script = LIKELY_SCRIPTS.get(tag);
        if (script == null) {
            if (LIKELY_SCRIPTS.size() >= MAX_LIKELY_SCRIPTS) LIKELY_SCRIPTS.clear(); // tags come from remote feeds
            script = Optional.ofNullable(computeLikelyScript(tag));
            LIKELY_SCRIPTS.put(tag, script);
        }
        return script.orElse(null);
    }

    private static final int MAX_LIKELY_SCRIPTS = 1_000;
    private static final Map<String, Optional<String>> LIKELY_SCRIPTS = new ConcurrentHashMap<>();

    private static String computeLikelyScript(String tag) {
        String s = ULocale.addLikelySubtags(ULocale.forLanguageTag(tag)).getScript();
        return s.isEmpty() ? null : s.equals("Hans") || s.equals("Hant") ? "Hani" : s;
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    /** The script most letters of the text are written in (Cyrl, Latn, Arab, Hani, …), or null for no letters. */
    static String dominantScript(String text) {
        if (text == null) return null;
        int[] counts = new int[SCRIPTS.length];
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = LetterScripts.of(cp);
            if (script == null) continue;
            counts[script.ordinal()]++;
            letters++;
        }
        if (letters == 0) return null;
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return switch (SCRIPTS[best]) {
            case CYRILLIC -> "Cyrl";
            case LATIN -> "Latn";
            case ARABIC -> "Arab";
            case HAN -> "Hani";
            case GREEK -> "Grek";
            case HEBREW -> "Hebr";
            case ARMENIAN -> "Armn";
            case GEORGIAN -> "Geor";
            default -> null;
        };
    }
}
