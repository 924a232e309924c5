package uz.karvon.publish.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of a feed. {@code id} is globally unique and stable: the same for a story's corrections,
 * different per language version. {@code summary} is plain text, {@code contentHtml} is HTML. {@code cluster}: the
 * stories of other sources reporting the same event ({@code null}: none known).
 */
public record Entry(String id, String url, String title, String summary, String contentHtml, String language,
                    List<String> categories, String author, Instant published, Instant updated, Image image,
                    List<Translation> translations, Credit credit, Embargo embargo, String correctionNote,
                    String dateline, boolean machineTransliterated, ClusterInfo cluster) {
    /** An entry in no event cluster. */
    public Entry(String id, String url, String title, String summary, String contentHtml, String language,
                 List<String> categories, String author, Instant published, Instant updated, Image image,
                 List<Translation> translations, Credit credit, Embargo embargo, String correctionNote,
                 String dateline, boolean machineTransliterated) {
        this(id, url, title, summary, contentHtml, language, categories, author, published, updated, image, translations,
                credit, embargo, correctionNote, dateline, machineTransliterated, null);
    }

    public Entry {
        Objects.requireNonNull(id, "entry id");
        Objects.requireNonNull(url, "entry url");
        Objects.requireNonNull(title, "entry title");
        categories = categories == null ? List.of() : List.copyOf(categories);
        translations = translations == null ? List.of() : List.copyOf(translations);
    }

    public Entry withCluster(ClusterInfo c) {
        return new Entry(id, url, title, summary, contentHtml, language, categories, author, published, updated, image,
                translations, credit, embargo, correctionNote, dateline, machineTransliterated, c);
    }

    public Entry withCredit(Credit c) {
        return new Entry(id, url, title, summary, contentHtml, language, categories, author, published, updated, image,
                translations, c, embargo, correctionNote, dateline, machineTransliterated, cluster);
    }
}
