package uz.karvon.ingest;

import com.ibm.icu.util.ULocale;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import uz.karvon.ingest.parse.ParsedItem;
import uz.karvon.lang.Detection;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.lang.LetterScripts;

/**
 * Decides an item's language from the declared one (item, feed or source) and what detection makes of the text:
 * <ul>
 *   <li>a declared language is kept, also when detection cannot tell ({@code und}): detection never erases what
 *       a feed says;</li>
 *   <li>it is corrected when it is plainly wrong: written in another script than the text (a feed says
 *       {@code en}, the text is Cyrillic) and detection names the language, or, in the same script, detection
 *       is sure of another language it knows (a "ru" feed item that is unmistakably Uzbek Cyrillic);</li>
 *   <li>without a declared language, the detected one, if any.</li>
 * </ul>
 * {@link Report} sums up one refresh for the source's status on /api/sources.
 */
final class LanguageResolver {
    /** Within a script, detection overrides a declared language only when it is this sure, and this far ahead. */
    static final double OVERRIDE_CONFIDENCE = 0.9;
    static final double OVERRIDE_MARGIN = 0.8;

    private final LanguageDetector detector;
    private final Set<String> detectable;

    LanguageResolver(LanguageDetector detector) {
        this.detector = detector;
        this.detectable = detector.languages().stream().map(LanguageResolver::language).collect(Collectors.toSet());
    }

    /**
     * @param tag           the item's language, or null when none was declared and detection could not tell
     * @param correctedFrom the declared language that was replaced, or null
     * @param detected      what detection said ("ru", "und-Cyrl"), or null for an item without text
     */
    record Resolution(String tag, String correctedFrom, String detected) {
        boolean undetermined() {
            return detected != null && (detected.equals(Detection.UND) || detected.startsWith(Detection.UND + "-"));
        }
    }

    /** Headline plus the opening of the text: what detection is built for, and cheap on long articles. */
    static String sample(ParsedItem p) {
        String body = p.contentText() != null && !p.contentText().isBlank() ? p.contentText()
                : p.summary() == null ? "" : p.summary();
        if (body.length() > SAMPLE_CHARS) body = body.substring(0, SAMPLE_CHARS);
        return (p.title() == null ? "" : p.title()) + " " + body;
    }

    static final int SAMPLE_CHARS = 400;

    Resolution resolve(String declared, String text) {
        Detection d = text == null || text.isBlank() ? null : detector.identify(text);
        String detected = d == null ? null : d.tag();
        if (declared == null) {
            return new Resolution(d != null && d.known() ? d.tag() : null, null, detected);
        }
        String script = dominantScript(text);
        String expected = likelyScript(declared);
        if (script != null && expected != null && !expected.equals(script)) {
            if (declared.toLowerCase(Locale.ROOT).startsWith("uz") && (script.equals("Cyrl") || script.equals("Latn"))) {
                return new Resolution("uz-" + script, null, detected); // same language, the other official script
            }
            return d != null && d.known() ? new Resolution(d.tag(), declared, detected) : new Resolution(declared, null, detected);
        }
        if (d != null && d.known() && d.confidence() >= OVERRIDE_CONFIDENCE && d.margin() >= OVERRIDE_MARGIN
                && detectable.contains(language(declared)) && !language(declared).equals(language(d.tag()))) {
            return new Resolution(d.tag(), declared, detected);
        }
        return new Resolution(declared, null, detected);
    }

    private static String language(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /**
     * What the resolutions of one refresh come to, in a line for the source's status ({@code language_note} on
     * /api/sources): declared languages corrected, declared languages kept because detection could not tell,
     * and items left without a language. Null when there is nothing to say. Not thread-safe: one per refresh.
     */
    static final class Report {
        private final Map<String, Integer> corrected = new LinkedHashMap<>();
        private final Map<String, Integer> keptUndetermined = new LinkedHashMap<>();
        private final Map<String, Integer> noLanguage = new LinkedHashMap<>();
        private int items;

        void add(Resolution r) {
            items++;
            if (r.correctedFrom() != null) {
                corrected.merge("declared language " + r.correctedFrom() + " does not match the text; detected " + r.tag(), 1, Integer::sum);
            } else if (r.undetermined() && r.tag() != null) {
                keptUndetermined.merge(r.tag() + " (detection: " + r.detected() + ")", 1, Integer::sum);
            } else if (r.tag() == null && r.detected() != null) {
                noLanguage.merge(r.detected(), 1, Integer::sum);
            }
        }

        String note() {
            StringBuilder sb = new StringBuilder();
            corrected.forEach((what, n) -> append(sb, what + " (" + n + " of " + items + " items)"));
            keptUndetermined.forEach((what, n) -> append(sb, "language not recognised from the text of " + n + " of "
                    + items + " items; kept the declared " + what));
            noLanguage.forEach((what, n) -> append(sb, n + " of " + items
                    + " items have no language: none declared and not recognised from the text (" + what + ")"));
            return sb.isEmpty() ? null : sb.toString();
        }

        private static void append(StringBuilder sb, String part) {
            sb.append(sb.isEmpty() ? "" : "; ").append(part);
        }
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
