package uz.karvon.publish.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of a feed. {@code id} is globally unique and stable: the same for a story's corrections,
 * different per language version. {@code summary} is plain text, {@code contentHtml} is HTML.
 */
public record Entry(String id, String url, String title, String summary, String contentHtml, String language,
                    List<String> categories, String author, Instant published, Instant updated, Image image,
                    List<Translation> translations, Credit credit, Embargo embargo, String correctionNote,
                    String dateline, boolean machineTransliterated) {
    public Entry {
        Objects.requireNonNull(id, "entry id");
        Objects.requireNonNull(url, "entry url");
        Objects.requireNonNull(title, "entry title");
        categories = categories == null ? List.of() : List.copyOf(categories);
        translations = translations == null ? List.of() : List.copyOf(translations);
    }
}
