package uz.karvon.web.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uz.karvon.lang.UzbekTransliterator;

/**
 * The site's own words (menus, headings, the 404 page, section names) in each language, from the table
 * {@code /web/ui-text.tsv}, so translators edit a file, not Java. A language without a column falls back to the
 * column of its primary language ({@code uz} → {@code uz-Latn}), then to English; an empty uz-Cyrl cell is the
 * uz-Latn text transliterated.
 */
final class UiText {
    private static final String FALLBACK = "en";
    private static final UiText INSTANCE = load();

    /** language column → key → text */
    private final Map<String, Map<String, String>> columns;

    private UiText(Map<String, Map<String, String>> columns) {
        this.columns = columns;
    }

    static UiText get() {
        return INSTANCE;
    }

    /** The text of {@code key} in {@code lang}; {@code {0}} replaced by {@code arg}. Unknown keys show as themselves. */
    String text(String lang, String key, Object... args) {
        String s = column(lang).get(key);
        if (s == null || s.isEmpty()) s = columns.get(FALLBACK).getOrDefault(key, key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    /** A section's name: the table's {@code section.ID}, else the id itself with a capital letter. */
    String section(String lang, String id) {
        String s = column(lang).get("section." + id);
        if (s == null || s.isEmpty()) s = columns.get(FALLBACK).get("section." + id);
        if (s != null && !s.isEmpty()) return s;
        return id.isEmpty() ? id : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1).replace('-', ' ');
    }

    private Map<String, String> column(String lang) {
        Map<String, String> c = columns.get(lang);
        if (c != null) return c;
        String primary = lang == null ? "" : lang.split("-")[0];
        for (Map.Entry<String, Map<String, String>> e : columns.entrySet()) {
            if (e.getKey().split("-")[0].equalsIgnoreCase(primary)) return e.getValue();
        }
        return columns.get(FALLBACK);
    }

    private static UiText load() {
        try (InputStream in = UiText.class.getResourceAsStream("/web/ui-text.tsv")) {
            if (in == null) throw new IllegalStateException("web/ui-text.tsv missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            Map<String, Map<String, String>> columns = new HashMap<>();
            UzbekTransliterator translit = UzbekTransliterator.standard();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = List.of(cells);
                    for (String lang : header.subList(1, header.size())) columns.put(lang, new HashMap<>());
                    continue;
                }
                for (int i = 1; i < header.size(); i++) {
                    String v = i < cells.length ? cells[i].strip() : "";
                    columns.get(header.get(i)).put(cells[0], v);
                }
                Map<String, String> cyrl = columns.get("uz-Cyrl");
                Map<String, String> latn = columns.get("uz-Latn");
                if (cyrl != null && latn != null && cyrl.get(cells[0]).isEmpty() && !latn.get(cells[0]).isEmpty()) {
                    cyrl.put(cells[0], translit.toCyrillic(latn.get(cells[0])));
                }
            }
            if (header == null || !columns.containsKey(FALLBACK)) throw new IllegalStateException("web/ui-text.tsv: no en column");
            return new UiText(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
