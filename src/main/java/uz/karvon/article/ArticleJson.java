package uz.karvon.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import uz.karvon.lang.TextHygiene;

/**
 * Reads an article from the CMS JSON shape, checking every field and reporting each bad one.
 * The same reader serves {@code POST /api/articles}, {@code karvon import} and the bundled sample.
 */
public final class ArticleJson {
    static final Set<String> FIELDS = Set.of("id", "lang", "translation_key", "slug", "title", "summary", "body_html",
            "section", "categories", "tags", "author", "dateline", "image", "published", "updated", "status",
            "embargo_until", "correction_note");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Pattern SLUG = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}]+(?:-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Nd}]+)*");
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** CMS clocks drift; anything further ahead is a scheduling mistake (use embargo_until). */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final UnaryOperator<String> htmlSanitizer;
    private final UnaryOperator<String> languageTags;

    /**
     * @param htmlSanitizer allowlist cleaner applied to body_html before it is stored
     * @param languageTags  returns the canonical BCP 47 form of a tag, or null when it is not one
     */
    public ArticleJson(UnaryOperator<String> htmlSanitizer, UnaryOperator<String> languageTags) {
        this.htmlSanitizer = htmlSanitizer;
        this.languageTags = languageTags;
    }

    /** The article, or the list of every bad field. */
    public sealed interface Result permits Ok, Invalid {}

    public record Ok(Article article) implements Result {}

    public record Invalid(List<FieldError> errors) implements Result {}

    public Result read(JsonNode node, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Invalid(List.of(new FieldError("(body)", "expected a JSON object")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) errors.add(new FieldError(f, "unknown field; expected one of " + String.join(", ", new TreeSet<>(FIELDS))));
        }
        String id = text(node, "id", true, 200, errors);
        if (id != null && !ID.matcher(id).matches()) errors.add(new FieldError("id", "expected letters, digits, '.', '_', ':' or '-' (at most 200)"));
        String rawLang = text(node, "lang", true, 35, errors);
        String lang = rawLang == null ? null : languageTags.apply(rawLang);
        if (rawLang != null && lang == null) errors.add(new FieldError("lang", "\"" + rawLang + "\" is not a BCP 47 language tag (e.g. uz-Latn, ru, en, zh-Hans, ar)"));
        String key = text(node, "translation_key", true, 200, errors);
        String slug = text(node, "slug", true, 200, errors);
        if (slug != null && !SLUG.matcher(slug).matches()) errors.add(new FieldError("slug", "expected lower-case letters and digits separated by single '-'"));
        String title = text(node, "title", true, 500, errors);
        String summary = text(node, "summary", false, 4000, errors);
        String body = text(node, "body_html", false, 1_000_000, errors);
        String section = text(node, "section", false, 64, errors);
        if (section != null && !WORD.matcher(section).matches()) errors.add(new FieldError("section", "expected a lower-case id such as economy"));
        List<String> categories = words(node, "categories", errors, true);
        List<String> tags = words(node, "tags", errors, false);
        String author = text(node, "author", false, 200, errors);
        String dateline = text(node, "dateline", false, 200, errors);
        Article.Image image = image(node.get("image"), errors);
        Instant published = instant(node, "published", false, errors);
        if (published == null && !node.hasNonNull("published")) published = now.truncatedTo(ChronoUnit.SECONDS);
        Instant updated = instant(node, "updated", false, errors);
        Instant embargo = instant(node, "embargo_until", false, errors);
        String correction = text(node, "correction_note", false, 2000, errors);
        Article.Status status = Article.Status.PUBLISHED;
        String st = text(node, "status", false, 16, errors);
        if (st != null) {
            switch (st) {
                case "published" -> status = Article.Status.PUBLISHED;
                case "withdrawn" -> status = Article.Status.WITHDRAWN;
                default -> errors.add(new FieldError("status", "expected \"published\" or \"withdrawn\", got \"" + st + "\""));
            }
        }
        if (published != null && published.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("published", "is in the future; to schedule a story set embargo_until"));
        }
        boolean updatedSent = updated != null;
        if (updated == null) updated = published;
        if (updatedSent && published != null && updated.isBefore(published)) errors.add(new FieldError("updated", "is before published"));
        if (updatedSent && updated.isAfter(now.plus(FUTURE_TOLERANCE))) errors.add(new FieldError("updated", "is in the future"));
        if (!errors.isEmpty()) return new Invalid(errors);
        if (section != null && !categories.contains(section)) {
            List<String> c = new ArrayList<>(categories);
            c.add(0, section);
            categories = c;
        }
        String cleanBody = body == null ? null : htmlSanitizer.apply(body);
        if (TextHygiene.isUzbekLatin(lang)) {
            // oʻ/gʻ and the tutuq arrive from editors' keyboards as ' ‘ ’ `: the same one rule as aggregated items
            title = TextHygiene.normalizeUzbekApostrophes(title);
            summary = TextHygiene.normalizeUzbekApostrophes(summary);
            cleanBody = TextHygiene.normalizeUzbekApostrophesInHtml(cleanBody);
            tags = tags.stream().map(TextHygiene::normalizeUzbekApostrophes).distinct().toList();
            author = TextHygiene.normalizeUzbekApostrophes(author);
            dateline = TextHygiene.normalizeUzbekApostrophes(dateline);
            correction = TextHygiene.normalizeUzbekApostrophes(correction);
            if (image != null && image.caption() != null) {
                image = new Article.Image(image.url(), image.type(), image.length(), TextHygiene.normalizeUzbekApostrophes(image.caption()));
            }
        }
        return new Ok(new Article(id, lang, key, slug, title, summary, cleanBody, section, categories, tags, author,
                dateline, image, published, updated, status, embargo, correction, null, false));
    }

    private static String text(JsonNode node, String field, boolean required, int max, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "expected a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
            return null;
        }
        String s = v.asText().strip();
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
            return null;
        }
        if (hasControlCharacters(s)) {
            errors.add(new FieldError(field, "contains control characters"));
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || (ch >= 0x7f && ch < 0xa0) || ch == 0xfffe || ch == 0xffff) {
                return true;
            }
            if (Character.isSurrogate(ch)) {
                boolean paired = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) return true;
                i++;
            }
        }
        return false;
    }

    private static List<String> words(JsonNode node, String field, List<FieldError> errors, boolean ids) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            errors.add(new FieldError(field, "expected an array of strings"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String s = e.isTextual() ? e.asText().strip() : null;
            if (s == null || s.isEmpty() || s.length() > 100 || hasControlCharacters(s)) {
                errors.add(new FieldError(field + "[" + i + "]", "expected a non-empty string of at most 100 characters"));
            } else if (ids && !WORD.matcher(s).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "expected a lower-case id such as economy"));
            } else if (!out.contains(s)) {
                out.add(Normalizer.normalize(s, Normalizer.Form.NFC));
            }
        }
        return out;
    }

    private static Article.Image image(JsonNode v, List<FieldError> errors) {
        if (v == null || v.isNull()) return null;
        if (!(v instanceof ObjectNode)) {
            errors.add(new FieldError("image", "expected an object with url, type, length, caption"));
            return null;
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("url", "type", "length", "caption").contains(f)) errors.add(new FieldError("image." + f, "unknown field"));
        }
        for (String f : List.of("url", "type", "caption")) {
            JsonNode n = v.get(f);
            if (n != null && !n.isNull() && !n.isTextual()) errors.add(new FieldError("image." + f, "expected a string"));
        }
        String url = v.path("url").isTextual() ? v.get("url").asText().strip() : null;
        if (url == null || url.isEmpty()) {
            JsonNode given = v.get("url");
            if (given == null || given.isNull() || given.isTextual()) errors.add(new FieldError("image.url", "is required"));
        } else if (!isImageUrl(url)) {
            errors.add(new FieldError("image.url", "expected an absolute http(s) URL or a path starting with /"));
        }
        String type = v.path("type").isTextual() ? v.get("type").asText().strip() : null;
        if (type != null && !type.matches("image/[a-z0-9.+-]+")) errors.add(new FieldError("image.type", "expected a MIME type such as image/jpeg"));
        Long length = null;
        if (v.has("length") && !v.get("length").isNull()) {
            JsonNode n = v.get("length");
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) errors.add(new FieldError("image.length", "expected a byte count (whole number >= 0)"));
            else length = v.get("length").asLong();
        }
        String caption = v.path("caption").isTextual() ? v.get("caption").asText().strip() : null;
        if (caption != null && (caption.length() > 1000 || hasControlCharacters(caption))) {
            errors.add(new FieldError("image.caption", "expected plain text of at most 1000 characters"));
        }
        return new Article.Image(url, type == null ? guessType(url) : type, length, caption);
    }

    private static boolean isImageUrl(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            try {
                return !url.contains("..") && new URI(url).getRawPath() != null; // spaces and the like must be %-encoded
            } catch (Exception e) {
                return false;
            }
        }
        try {
            URI u = new URI(url);
            return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String guessType(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.endsWith(".png")) return "image/png";
        if (u.endsWith(".svg")) return "image/svg+xml";
        if (u.endsWith(".webp")) return "image/webp";
        if (u.endsWith(".gif")) return "image/gif";
        return "image/jpeg";
    }

    private static Instant instant(JsonNode node, String field, boolean required, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "expected an RFC 3339 date-time string such as 2026-11-20T09:30:00+05:00"));
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "expected an RFC 3339 date-time with a zone, such as 2026-11-20T09:30:00+05:00, got \"" + v.asText() + "\""));
            return null;
        }
    }
}
