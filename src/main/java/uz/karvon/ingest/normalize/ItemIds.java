package uz.karvon.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable item identity: the feed's own guid/id, else the link, else a hash of title and content. */
public final class ItemIds {
    /** Hex chars kept from the SHA-256 (128 bits). */
    static final int HASH_HEX_CHARS = 32;

    private ItemIds() {
    }

    public static String choose(String guid, String link, String title, String content) {
        String g = blankToNull(guid);
        if (g != null) return g;
        String l = blankToNull(link);
        if (l != null) return l;
        return contentHash(title, content);
    }

    /** "sha256:" + first 32 hex chars of SHA-256 over normalised title + NUL + content. */
    public static String contentHash(String title, String content) {
        String basis = TextCleaner.fold(title == null ? "" : title) + '\u0000' + TextCleaner.fold(content == null ? "" : content);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    private static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
