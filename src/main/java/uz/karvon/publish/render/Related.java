package uz.karvon.publish.render;

import java.util.Objects;

/**
 * Another story reporting the same event (issue 18), usually in another language and from another source.
 *
 * @param url      its link
 * @param language BCP 47 tag, or {@code null}
 * @param title    its headline, plain text
 * @param source   who reported it: a source's title, or the agency's name for its own articles
 */
public record Related(String url, String language, String title, String source) {
    public Related {
        Objects.requireNonNull(url, "related url");
    }
}
