package uz.karvon.ingest.parse;

/** Why an item's dates are not what they seem; written as {@link #code()} in {@link ParsedItem#flags()}. */
public enum ItemFlag {
    /** The feed gives no date for the item. */
    DATE_MISSING("date-missing"),
    /** The feed gives a date text that cannot be read (or an impossible date: Feb 30, before 1971). */
    DATE_INVALID("date-invalid"),
    /** The feed dates the item more than a day ahead; kept as given, but not believed for ordering. */
    DATE_FUTURE("date-future"),
    TITLE_TRUNCATED("title-truncated"),
    CONTENT_TRUNCATED("content-truncated");

    private final String code;

    ItemFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True when the item has no date a server should order it by (it uses the first-seen time instead). */
    public static boolean undated(java.util.List<String> flags) {
        return flags.contains(DATE_MISSING.code) || flags.contains(DATE_INVALID.code) || flags.contains(DATE_FUTURE.code);
    }
}
