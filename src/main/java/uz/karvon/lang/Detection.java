package uz.karvon.lang;

/**
 * A language guess: a BCP 47 tag ("uz-Latn", "uz-Cyrl", "ru", "en", "zh", "ar", "tr", "az",
 * "kk", "tg", "ky") and a confidence in [0, 1].
 */
public record Detection(String tag, double confidence) {
    public Detection {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("lang: detection tag must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("lang: confidence out of [0,1]: " + confidence);
        }
    }
}
