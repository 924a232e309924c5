package uz.karvon.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.Genre;
import uz.karvon.publish.render.NinjsItem;
import uz.karvon.publish.render.NinjsItem.PubStatus;
import uz.karvon.store.SourceItem;

/**
 * Maps karvon's stories to IPTC ninjs objects. It starts from the {@link Entry} the feed assembler made (so links,
 * dates, image and body are exactly those of the RSS/Atom/JSON forms) and adds what only the stored record knows:
 * version, status, subjects, keywords, ids.
 *
 * <p>ninjs 3.1 has no {@code keywords} or {@code bylines} property (those were ninjs 1.x names) and refuses
 * properties it does not define, so tags go out as {@code subjects} with {@code rel: "keyword"} and the byline
 * as {@code by}. Sections and categories go out as {@code subjects} with {@code rel: "about"}, with the IPTC
 * Media Topic URI from feeds.yml {@code media_topics} where the table has one.
 */
final class NinjsAssembler {
    static final String REL_ABOUT = "about";
    static final String REL_KEYWORD = "keyword";
    private final KarvonConfig config;
    private final SiteUrls urls;

    NinjsAssembler(KarvonConfig config, SiteUrls urls) {
        this.config = config;
        this.urls = urls;
    }

    /**
     * An article as published in a feed or by the API.
     *
     * @param e        its feed entry (body null when the feed is not full text)
     * @param versions every version of its story, for the links to the other languages
     * @param revision how many times it was stored (1 = never corrected), or null when unknown
     */
    NinjsItem article(Entry e, Article a, List<Article> versions, Integer revision, Instant now) {
        boolean withheld = a.isEmbargoedAt(now);
        List<NinjsItem.OtherVersion> others = new ArrayList<>();
        for (Article v : versions) {
            if (v.id().equals(a.id()) || !v.isPublicAt(now)) continue;
            others.add(new NinjsItem.OtherVersion(urls.itemId(v), v.lang(), v.title(), urls.article(v.lang(), v.slug())));
        }
        List<String> labels = new ArrayList<>(sections(a));
        labels.addAll(a.tags());
        NinjsItem.Picture picture = e.image() == null ? null
                : new NinjsItem.Picture(e.image().url(), e.image().type(), e.image().length(), e.image().caption());
        String edNote = a.generated() ? "machine transliteration into " + a.lang() + " of the agency's original" : null;
        return new NinjsItem(e.id(), version(revision), e.published(), e.updated(), e.published(),
                withheld ? a.embargoUntil() : null, withheld ? PubStatus.WITHHELD : PubStatus.USABLE, a.lang(),
                e.title(), e.summary(), e.contentHtml(), e.author(), e.dateline(), a.slug(),
                subjects(sections(a), a.tags()), genres(labels), picture, others, altIds(a),
                config.site().agency(), config.site().rights(), config.site().rightsUrl(), e.url(), null,
                e.correctionNote(), edNote);
    }

    /** A withdrawn story: what identifies it and the reason, never its text. */
    NinjsItem canceled(Article a, Integer revision) {
        String reason = a.withdrawReason() == null || a.withdrawReason().isBlank() ? "withdrawn" : "withdrawn: " + a.withdrawReason();
        return new NinjsItem(urls.itemId(a), version(revision), a.published(), a.updated(), null, null,
                PubStatus.CANCELED, a.lang(), null, null, null, null, null, null, List.of(), List.of(), null, List.of(),
                altIds(a), config.site().agency(), config.site().rights(), config.site().rightsUrl(), null, null, null,
                reason);
    }

    /** An item of an external source in a merged feed, with what it has; credited to its source. */
    NinjsItem sourceItem(Entry e, SourceItem s) {
        NinjsItem.Picture picture = e.image() == null ? null
                : new NinjsItem.Picture(e.image().url(), e.image().type(), e.image().length(), null);
        String sourceUrl = config.source(s.sourceId()).map(x -> x.url().toString()).orElse(null);
        String name = e.credit() != null ? e.credit().name() : s.sourceId();
        List<NinjsItem.AltId> ids = List.of(new NinjsItem.AltId("karvon:item-id", s.id()),
                new NinjsItem.AltId("source:" + s.sourceId(), s.originalId()));
        return new NinjsItem(e.id(), null, e.published(), e.updated(), e.published(), null, PubStatus.USABLE,
                e.language(), e.title(), e.summary(), e.contentHtml(), e.author(), null, null,
                subjects(List.of(), s.tags()), genres(s.tags()), picture, List.of(), ids, null, null, null, e.url(),
                new NinjsItem.InfoSource(name, sourceUrl), null, null);
    }

    private static String version(Integer revision) {
        return revision == null ? null : Integer.toString(revision);
    }

    private static List<String> sections(Article a) {
        Set<String> s = new LinkedHashSet<>();
        if (a.section() != null && !a.section().isBlank()) s.add(a.section());
        s.addAll(a.categories());
        return List.copyOf(s);
    }

    private List<NinjsItem.Subject> subjects(List<String> sections, List<String> tags) {
        List<NinjsItem.Subject> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String s : sections) {
            if (!seen.add(s.toLowerCase(Locale.ROOT))) continue;
            KarvonConfig.MediaTopic t = config.mediaTopics().get(s.toLowerCase(Locale.ROOT));
            out.add(t == null ? new NinjsItem.Subject(s, null, s, REL_ABOUT) : new NinjsItem.Subject(t.name(), t.uri(), s, REL_ABOUT));
        }
        for (String tag : tags) {
            KarvonConfig.MediaTopic t = config.mediaTopics().get(tag.toLowerCase(Locale.ROOT));
            // a tag that names a mapped topic is a subject too (source items have tags, not sections)
            if (t != null && seen.add(tag.toLowerCase(Locale.ROOT))) out.add(new NinjsItem.Subject(t.name(), t.uri(), tag, REL_ABOUT));
            out.add(new NinjsItem.Subject(tag, null, null, REL_KEYWORD));
        }
        return out;
    }

    private static List<NinjsItem.GenreRef> genres(List<String> labels) {
        return Genre.of(labels).map(g -> List.of(new NinjsItem.GenreRef(g.iptcName(), g.iptcUri()))).orElse(List.of());
    }

    private static List<NinjsItem.AltId> altIds(Article a) {
        return List.of(new NinjsItem.AltId("karvon:article-id", a.id()), new NinjsItem.AltId("karvon:story-id", a.translationKey()));
    }
}
