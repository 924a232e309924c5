package uz.karvon.publish;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.render.Channel;
import uz.karvon.publish.render.ClusterInfo;
import uz.karvon.publish.render.Credit;
import uz.karvon.publish.render.Embargo;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.Image;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.publish.render.Translation;
import uz.karvon.store.SourceItem;

/** Turns a feed definition and one page of it, as read from the store, into the renderer's channel and entries. */
public final class FeedAssembler {
    private final KarvonConfig config;
    private final SiteUrls urls;

    public FeedAssembler(KarvonConfig config) {
        this.config = config;
        this.urls = new SiteUrls(config.site().baseUrl());
    }

    public SiteUrls urls() {
        return urls;
    }

    /** @param keys each entry's place in the feed, by entry id: where a page cut short by a platform resumes */
    public record Assembled(Channel channel, List<Entry> entries, List<Tombstone> tombstones, Map<String, EntryKey> keys) {}

    /**
     * The channel and entries of one page of {@code feed}: {@code page} as read by the {@link FeedPager},
     * {@code versions} the versions of its stories (for translation links), {@code withdrawn} the candidates for
     * RFC 6721 tombstones (private feeds, first page only).
     */
    public Assembled assemble(FeedSpec feed, FeedPager.Page page, PageRequest request, Map<String, List<Article>> versions,
                              Map<String, Set<String>> alsoCarriedBy, List<Article> withdrawn, Instant now) {
        return assemble(feed, page, request, versions, alsoCarriedBy, withdrawn, Map.of(), now);
    }

    /** With the event clusters of the page's rows ({@link ClusterView}), by row key. */
    Assembled assemble(FeedSpec feed, FeedPager.Page page, PageRequest request, Map<String, List<Article>> versions,
                       Map<String, Set<String>> alsoCarriedBy, List<Article> withdrawn, Map<String, ClusterInfo> clusters, Instant now) {
        List<Entry> entries = new ArrayList<>(page.rows().size());
        Map<String, EntryKey> keys = new HashMap<>();
        for (FeedPager.Row row : page.rows()) {
            Entry e = row.article() != null
                    ? entry(row.article(), versions.getOrDefault(row.article().translationKey(), List.of()), feed.fullText(), now)
                    : entry(row.item(), alsoCarriedBy.getOrDefault(row.item().id(), Set.of()), feed.fullText(), now);
            ClusterInfo c = clusters.get(ClusterView.key(row));
            if (c != null) {
                e = e.withCluster(c);
                if (e.credit() != null && !c.alsoReportedBy().isEmpty()) { // cluster: one
                    e = e.withCredit(new Credit(e.credit().sourceId(),
                            e.credit().name() + "; also reported by " + String.join(", ", c.alsoReportedBy()), e.credit().url()));
                }
            }
            entries.add(e);
            keys.put(e.id(), row.key());
        }
        entries.sort(Comparator.comparing(Entry::published).reversed().thenComparing(Entry::id));
        List<Tombstone> tombstones = feed.isPublic() || !request.isFirst() ? List.of() : tombstones(feed, withdrawn, now);
        Instant updated = entries.stream().map(Entry::updated).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        for (Tombstone t : tombstones) if (t.when().isAfter(updated)) updated = t.when();
        String q = request.query();
        Channel channel = new Channel(urls.feedId(feed.id()), feed.title(), feed.description(), feed.language(),
                page(feed), urls.feed(feed.id(), "rss") + q, urls.feed(feed.id(), "atom") + q, urls.feed(feed.id(), "json"),
                updated, config.site().rights(), urls.absolute(config.site().favicon()), urls.absolute(config.site().logo()),
                request.isFirst() ? Topics.hub(config, feed) : null);   // a WebSub topic is a feed's first page
        return new Assembled(channel, entries, tombstones, keys);
    }

    /**
     * The site page that lists what the feed carries ("visit website" in a reader): the section page of a
     * one-section feed, else the front page of the feed's language; the home page for a feed of every language.
     */
    String page(FeedSpec feed) {
        if (feed.language() == null) return urls.home();
        if (feed.sections().size() == 1) return urls.section(feed.language(), feed.sections().get(0));
        return urls.language(feed.language());
    }

    /** An article as a feed entry; {@code versions} are its story's versions, for the links to translations. */
    Entry entry(Article a, List<Article> versions, boolean fullText, Instant now) {
        List<Translation> translations = new ArrayList<>();
        for (Article other : versions) {
            if (other.id().equals(a.id()) || !other.isPublicAt(now)) continue;
            translations.add(new Translation(other.lang(), urls.article(other.lang(), other.slug()), other.title()));
        }
        Article.Image img = a.image();
        Image image = img == null || !isAbsoluteUri(urls.absolute(img.url())) ? null
                : new Image(urls.absolute(img.url()), img.type(), img.length(), img.caption());
        // Dates are never in the future in our output, even when the CMS clock runs ahead.
        Instant published = a.published().isAfter(now) ? now : a.published();
        Instant updated = a.updated().isAfter(now) ? now : a.updated();
        if (updated.isBefore(published)) updated = published;
        return new Entry(urls.itemId(a), urls.article(a.lang(), a.slug()), a.title(), a.summary(),
                fullText ? absoluteLinks(a.bodyHtml()) : null, a.lang(), a.categories(), a.author(), published, updated, image,
                translations, null, a.isEmbargoedAt(now) ? new Embargo(a.embargoUntil()) : null, a.correctionNote(),
                a.dateline(), a.generated());
    }

    Entry entry(SourceItem item, Set<String> alsoFrom, boolean fullText, Instant now) {
        String name = config.source(item.sourceId()).map(KarvonConfig.SourceSpec::title).orElse(item.sourceId());
        StringBuilder credit = new StringBuilder(name);
        for (String other : alsoFrom) {
            credit.append(", ").append(config.source(other).map(KarvonConfig.SourceSpec::title).orElse(other));
        }
        String url = item.url() != null ? item.url() : item.externalUrl() != null ? item.externalUrl()
                : config.source(item.sourceId()).map(s -> s.url().toString()).orElse(urls.home());
        Image image = null;
        for (SourceItem.Attachment a : item.attachments()) {
            if (a.mimeType() != null && a.mimeType().startsWith("image/")) {
                image = new Image(a.url(), a.mimeType(), a.sizeInBytes(), null);
                break;
            }
        }
        if (image == null && item.image() != null) image = new Image(item.image(), null, null, null);
        if (image != null && !isAbsoluteUri(image.url())) image = null;
        Instant published = item.published().isAfter(now) ? now : item.published();
        Instant updated = item.modified() == null || item.modified().isBefore(published) ? published
                : item.modified().isAfter(now) ? now : item.modified();
        String author = item.authors().isEmpty() ? null : item.authors().get(0).name();
        return new Entry(urls.sourceItemId(item.id(), item.firstSeen()), url, item.title(), summaryText(item.summary()),
                fullText ? item.contentHtml() : null, item.language(), item.tags(), author, published, updated, image,
                List.of(), new Credit(item.sourceId(), credit.toString(), url, firstSeenDate(item)), null, null, null, false);
    }

    /** The item's date is the time karvon first saw it (the ingest flags say why: none, unreadable, future). */
    private static boolean firstSeenDate(SourceItem item) {
        return item.flags().contains("date-missing") || item.flags().contains("date-invalid") || item.flags().contains("date-clamped");
    }

    /** Site-relative links in stored HTML (the CMS may send /media/x.jpg) made absolute for feed readers. */
    String absoluteLinks(String html) {
        if (html == null || !(html.contains("=\"/") || html.contains("='/"))) return html;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html, urls.home());
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element e : doc.select("a[href], img[src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String abs = e.absUrl(attr);
            if (!abs.isEmpty()) e.attr(attr, abs);
        }
        return doc.body().html();
    }

    /** Feed readers need absolute, parseable URLs; a remote feed's odd image link is dropped, not published. */
    static boolean isAbsoluteUri(String url) {
        try {
            URI u = new URI(url);
            return u.isAbsolute() && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String summaryText(String html) {
        return html == null ? null : org.jsoup.Jsoup.parse(html).text();
    }

    /** RFC 6721 tombstones for withdrawn articles this feed would have carried, within the retention period. */
    private List<Tombstone> tombstones(FeedSpec feed, List<Article> withdrawn, Instant now) {
        Duration keep = config.server().tombstoneRetention();
        List<Tombstone> out = new ArrayList<>();
        for (Article a : withdrawn) {
            if (a.status() != Article.Status.WITHDRAWN || a.updated().isBefore(now.minus(keep))) continue;
            if (!feed.includeArticles() || (a.generated() && !feed.transliterate())) continue;
            // a story killed while still under embargo was never shown to partners without embargo rights
            if (a.embargoUntil() != null && a.embargoUntil().isAfter(a.updated()) && !feed.includeEmbargoed()) continue;
            if (!feed.tags().isEmpty() && a.tags().stream().noneMatch(feed.tags()::contains)) continue;
            if (!feed.allLanguages() && !feed.everyStory() && !feed.languages().contains(a.lang())) continue;
            if (!feed.sections().isEmpty() && a.categories().stream().noneMatch(feed.sections()::contains)) continue;
            out.add(new Tombstone(urls.itemId(a), a.updated(), a.withdrawReason(), urls.article(a.lang(), a.slug())));
        }
        return out;
    }
}
