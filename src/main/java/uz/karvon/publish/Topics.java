package uz.karvon.publish;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;

/**
 * WebSub names for our feeds, in one place: a topic is one feed in one format, named by the URL it is served at
 * (its {@code rel="self"}); its hub is the built-in one at {@code /websub}, or {@code websub.hub} for public feeds.
 * Private feeds always name the built-in hub: an external hub could not read them.
 */
public final class Topics {
    /** Where the built-in hub answers, below {@code site.base_url}. */
    public static final String HUB_PATH = "/websub";

    private Topics() {}

    /** One feed in one format. */
    public record Topic(String feedId, FeedFormat format) {
        @Override
        public String toString() {
            return feedId + "." + format.extension();
        }
    }

    /** The hub a feed advertises. */
    public static String hub(KarvonConfig cfg, FeedSpec feed) {
        if (feed.isPublic() && cfg.websub().externalHub() != null) return cfg.websub().externalHub().toString();
        return builtinHub(cfg);
    }

    public static String builtinHub(KarvonConfig cfg) {
        return new SiteUrls(cfg.site().baseUrl()).base() + HUB_PATH;
    }

    /** The topic URL: exactly the feed's self link. */
    public static String url(KarvonConfig cfg, Topic t) {
        return new SiteUrls(cfg.site().baseUrl()).feed(t.feedId(), t.format().extension());
    }

    /**
     * The topic a {@code hub.topic} names: the self link of one of our feeds, compared after dropping a {@code key}
     * query parameter (a partner may subscribe with the URL it pulls, key included) and any fragment.
     */
    public static Optional<Topic> parse(KarvonConfig cfg, String topicUrl) {
        if (topicUrl == null) return Optional.empty();
        String u = withoutKey(topicUrl.trim());
        String prefix = new SiteUrls(cfg.site().baseUrl()).base() + "/feeds/";
        if (!u.startsWith(prefix)) return Optional.empty();
        String file = u.substring(prefix.length());
        int dot = file.lastIndexOf('.');
        if (dot <= 0) return Optional.empty();
        Optional<FeedFormat> format = FeedFormat.byExtension(file.substring(dot + 1));
        Optional<FeedSpec> feed = cfg.feed(file.substring(0, dot));
        if (format.isEmpty() || feed.isEmpty()) return Optional.empty();
        Topic t = new Topic(feed.get().id(), format.get());
        return url(cfg, t).equals(u) ? Optional.of(t) : Optional.empty();
    }

    /** The URL without a {@code key=} query parameter (a credential, never part of a topic) and fragment. */
    public static String withoutKey(String url) {
        int hash = url.indexOf('#');
        String u = hash >= 0 ? url.substring(0, hash) : url;
        int q = u.indexOf('?');
        if (q < 0) return u;
        StringBuilder kept = new StringBuilder();
        for (String part : u.substring(q + 1).split("&")) {
            if (part.isEmpty() || part.equals("key") || part.startsWith("key=")) continue;
            kept.append(kept.length() == 0 ? "?" : "&").append(part);
        }
        return u.substring(0, q) + kept;
    }

    /** The key a topic URL carries ({@code ?key=…}), or null. */
    public static String keyIn(String url) {
        int q = url.indexOf('?');
        if (q < 0) return null;
        int hash = url.indexOf('#', q);
        for (String part : url.substring(q + 1, hash < 0 ? url.length() : hash).split("&")) {
            if (part.startsWith("key=")) return URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8);
        }
        return null;
    }
}
