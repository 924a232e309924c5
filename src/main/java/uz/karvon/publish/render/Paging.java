package uz.karvon.publish.render;

/**
 * RFC 5005 §3 paged-feed links of one page, as absolute URLs of the same format; {@code null} where there is no
 * such page. The first page of a feed links only {@code next}; later pages also {@code previous} and {@code first}.
 */
public record Paging(String first, String previous, String next) {
    public static final Paging NONE = new Paging(null, null, null);
}
