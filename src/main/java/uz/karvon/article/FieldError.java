package uz.karvon.article;

/** One bad field of an article: the JSON field name (with index for list elements) and what was expected. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
