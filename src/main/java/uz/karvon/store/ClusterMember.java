package uz.karvon.store;

import java.time.Instant;

/**
 * One story's place in a cluster of stories that report the same event (table {@code story_cluster}).
 *
 * @param itemKey     {@code i:} + source item id, or {@code a:} + article id
 * @param clusterId   the cluster, named after its first story
 * @param sourceId    the source of an item; {@code null} for the agency's own article
 * @param storyKey    an article's translation key; {@code null} for an item
 * @param lang        BCP 47 tag, or {@code null}
 * @param url         an item's link
 * @param slug        an article's slug
 * @param title       plain text, as the clusterer read it
 * @param summary     plain text, as the clusterer read it
 * @param published   publication time
 * @param visibleFrom public from (an embargo lift); {@code null}: not public
 * @param clusteredAt when it was placed
 */
public record ClusterMember(String itemKey, String clusterId, String sourceId, String storyKey, String lang, String url,
                            String slug, String title, String summary, Instant published, Instant visibleFrom,
                            Instant clusteredAt) {

    public boolean isArticle() {
        return itemKey.startsWith("a:");
    }

    public boolean isPublicAt(Instant now) {
        return visibleFrom != null && !visibleFrom.isAfter(now);
    }

    public static String itemKey(String sourceItemId) {
        return "i:" + sourceItemId;
    }

    public static String articleKey(String articleId) {
        return "a:" + articleId;
    }
}
