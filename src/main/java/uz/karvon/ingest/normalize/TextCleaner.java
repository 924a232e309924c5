package uz.karvon.ingest.normalize;

import java.text.Normalizer;
import org.jsoup.Jsoup;

/**
 * Plain-text normalisation for titles and names: markup removed, entities decoded, invisible and control
 * characters dropped, whitespace folded, Unicode NFC, capped length.
 */
public final class TextCleaner {
    /** Input beyond this is cut before any HTML parsing, so a 10 MB title costs nothing. */
    private static final int RAW_FACTOR = 4;

    private TextCleaner() {
    }

    /** Result of {@link #plain}: the text and whether it was cut. */
    public record Clean(String text, boolean truncated) {
    }

    /** Plain text of a possibly-HTML string, at most {@code maxChars} characters; null for null/blank. */
    public static Clean plain(String raw, int maxChars) {
        if (raw == null) return new Clean(null, false);
        boolean truncated = false;
        String s = raw;
        int rawCap = maxChars * RAW_FACTOR;
        if (s.length() > rawCap) {
            s = s.substring(0, rawCap);
            truncated = true;
        }
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
            String text = Jsoup.parseBodyFragment(s).body().text();
            // "</example>" or "<3" is no markup with text in it: when HTML parsing leaves nothing, the characters
            // were the text
            s = text.isBlank() && !s.isBlank() ? s : text;
        }
        s = fold(s);
        if (s.codePointCount(0, s.length()) > maxChars) {
            s = s.substring(0, s.offsetByCodePoints(0, maxChars)).trim();
            truncated = true;
        }
        return new Clean(s.isEmpty() ? null : s, truncated);
    }

    /** Like {@link #plain} for text that is known to be plain (Atom type="text"): no markup removal. */
    public static Clean literal(String raw, int maxChars) {
        if (raw == null) return new Clean(null, false);
        boolean truncated = raw.length() > maxChars * RAW_FACTOR;
        String s = fold(truncated ? raw.substring(0, maxChars * RAW_FACTOR) : raw);
        if (s.codePointCount(0, s.length()) > maxChars) {
            s = s.substring(0, s.offsetByCodePoints(0, maxChars)).trim();
            truncated = true;
        }
        return new Clean(s.isEmpty() ? null : s, truncated);
    }

    /** Drops control/zero-width/bidi-control chars, folds whitespace runs to one space, trims, NFC. */
    public static String fold(String s) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
                continue;
            }
            if (invisible(c)) continue;
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(c);
        }
        String out = b.toString();
        return Normalizer.isNormalized(out, Normalizer.Form.NFC) ? out : Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Controls, zero-width chars, bidi embedding controls, BOM, noncharacters, lone surrogates. */
    static boolean invisible(int c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        // ZWSP, ZWNJ, ZWJ; the marks LRM, RLM (U+200E, U+200F) and ALM (U+061C) stay: Arabic and mixed-direction
        // text needs them to display in the right order
        if (c >= 0x200B && c <= 0x200D) return true;
        if (c >= 0x202A && c <= 0x202E) return true;   // bidi embeddings/overrides
        if (c >= 0x2060 && c <= 0x206F) return true;   // word joiner, invisible operators, bidi isolates
        if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || c == 0xAD) return true;
        return Character.isSurrogate((char) c) && c <= 0xFFFF;
    }
}
