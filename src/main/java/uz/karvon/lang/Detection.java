package uz.karvon.lang;

/**
 * What {@link LanguageDetector#identify} makes of a text.
 *
 * @param tag        a BCP 47 tag in karvon's canonical form ("uz-Latn", "kaa-Cyrl", "ru", "zh-Hant", "ug-Arab" …),
 *                   or {@code und} when the language cannot be told: {@code und-Cyrl} when the script is clear
 *                   (too short, too close between two languages, or a language karvon does not detect)
 * @param confidence for a language, its probability; for {@code und}, how strongly the text points to no
 *                   language karvon detects (1 − the probability of the best guess), 0 when there was no
 *                   evidence at all (too few letters, a script without languages here); in [0, 1]
 * @param runnerUp   for a language, the next most probable answer (a language, or {@code und-<script>} for
 *                   "some language karvon does not detect"); for {@code und}, the best language guess;
 *                   {@code null} when there was nothing to compare (no letters, a script with one language)
 * @param margin     the probability of the most probable answer minus that of the next one, in [0, 1]: how
 *                   clearly the text chose
 */
public record Detection(String tag, double confidence, String runnerUp, double margin) {
    public Detection {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("lang: detection tag must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("lang: confidence out of [0,1]: " + confidence);
        }
        if (!(margin >= 0.0 && margin <= 1.0)) {
            throw new IllegalArgumentException("lang: margin out of [0,1]: " + margin);
        }
    }

    /** An answer without a runner-up: a language its script alone decides (Hangul → ko), or und without evidence. */
    public Detection(String tag, double confidence) {
        this(tag, confidence, null, confidence);
    }

    /** False for {@code und} and {@code und-<script>}. */
    public boolean known() {
        return !tag.equals(UND) && !tag.startsWith(UND + "-");
    }

    /** The undetermined language, BCP 47. */
    public static final String UND = "und";
}
