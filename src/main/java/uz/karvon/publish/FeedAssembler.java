package uz.karvon.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uz.karvon.article.Article;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.render.Channel;
import uz.karvon.publish.render.Embargo;
import uz.karvon.publish.render.Entry;
import uz.karvon.publish.render.Image;
import uz.karvon.publish.render.Tombstone;
import uz.karvon.publish.render.Translation;

/** Turns a feed definition and the article snapshot into the renderer's channel and entries. */
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

    public record Assembled(Channel channel, List<Entry> entries, List<Tombstone> tombstones) {}

    public Assembled assemble(FeedSpec feed, ArticleSnapshot snapshot, Instant now) {
        List<Article> chosen = FeedSelection.select(feed, snapshot.all(), config.site().languageFallbacks(), now);
        List<Entry> entries = new ArrayList<>(chosen.size());
        for (Article a : chosen) entries.add(entry(a, snapshot, feed.fullText(), now));
        List<Tombstone> tombstones = feed.isPublic() ? List.of() : tombstones(feed, snapshot, now);
        Instant updated = entries.stream().map(Entry::updated).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        for (Tombstone t : tombstones) if (t.when().isAfter(updated)) updated = t.when();
        Channel channel = new Channel(urls.feedId(feed.id()), feed.title(), feed.description(), feed.language(),
                urls.home(), urls.feed(feed.id(), "rss"), urls.feed(feed.id(), "atom"), urls.feed(feed.id(), "json"),
                updated, config.site().rights(), null);
        return new Assembled(channel, entries, tombstones);
    }

    Entry entry(Article a, ArticleSnapshot snapshot, boolean fullText, Instant now) {
        List<Translation> translations = new ArrayList<>();
        for (Article other : snapshot.versions(a.translationKey())) {
            if (other.id().equals(a.id()) || !other.isPublicAt(now)) continue;
            translations.add(new Translation(other.lang(), urls.article(other.lang(), other.slug()), other.title()));
        }
        Article.Image img = a.image();
        Image image = img == null ? null : new Image(urls.absolute(img.url()), img.type(), img.length(), img.caption());
        // Dates are never in the future in our output, even when the CMS clock runs ahead.
        Instant published = a.published().isAfter(now) ? now : a.published();
        Instant updated = a.updated().isAfter(now) ? now : a.updated();
        if (updated.isBefore(published)) updated = published;
        return new Entry(urls.itemId(a), urls.article(a.lang(), a.slug()), a.title(), a.summary(),
                fullText ? a.bodyHtml() : null, a.lang(), a.categories(), a.author(), published, updated, image,
                translations, null, a.isEmbargoedAt(now) ? new Embargo(a.embargoUntil()) : null, a.correctionNote(),
                a.dateline(), a.generated());
    }

    /** RFC 6721 tombstones for withdrawn articles this feed would have carried, within the retention period. */
    private List<Tombstone> tombstones(FeedSpec feed, ArticleSnapshot snapshot, Instant now) {
        Duration keep = config.server().tombstoneRetention();
        List<Tombstone> out = new ArrayList<>();
        for (Article a : snapshot.all()) {
            if (a.status() != Article.Status.WITHDRAWN || a.updated().isBefore(now.minus(keep))) continue;
            if (!feed.allLanguages() && !feed.everyStory() && !feed.languages().contains(a.lang())) continue;
            if (!feed.sections().isEmpty() && a.categories().stream().noneMatch(feed.sections()::contains)) continue;
            out.add(new Tombstone(urls.itemId(a), a.updated(), a.withdrawReason(), urls.article(a.lang(), a.slug())));
        }
        return out;
    }
}
