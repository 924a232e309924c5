package uz.karvon.publish.profile;

import uz.karvon.publish.render.Entry;

/** Copies of an {@link Entry} with one field changed. */
final class Entries {
    private Entries() {}

    static Entry withContent(Entry e, String html) {
        return new Entry(e.id(), e.url(), e.title(), e.summary(), html, e.language(), e.categories(), e.author(),
                e.published(), e.updated(), e.image(), e.translations(), e.credit(), e.embargo(), e.correctionNote(),
                e.dateline(), e.machineTransliterated(), e.cluster());
    }

    static Entry withSummary(Entry e, String summary) {
        return new Entry(e.id(), e.url(), e.title(), summary, e.contentHtml(), e.language(), e.categories(), e.author(),
                e.published(), e.updated(), e.image(), e.translations(), e.credit(), e.embargo(), e.correctionNote(),
                e.dateline(), e.machineTransliterated(), e.cluster());
    }

    static String text(String html) {
        return html == null ? null : org.jsoup.Jsoup.parseBodyFragment(html).text();
    }
}
