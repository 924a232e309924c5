package uz.karvon.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The whole of feeds.yml, validated. Immutable; a reload builds a new one and swaps it in. */
public record KarvonConfig(
        Site site,
        Server server,
        Security security,
        Ingest ingest,
        List<FeedSpec> feeds,
        List<SourceSpec> sources,
        List<PartnerSpec> partners,
        List<String> warnings) {

    public KarvonConfig {
        feeds = List.copyOf(feeds);
        sources = List.copyOf(sources);
        partners = List.copyOf(partners);
        warnings = List.copyOf(warnings);
    }

    /**
     * The configuration as served on {@code port}: without an explicit {@code site.base_url}, URLs in feeds
     * point at {@code http://localhost:PORT}, so self links always equal the URL actually served.
     */
    public KarvonConfig servedOn(int port) {
        Server srv = new Server(server.host(), port, server.trustForwardedFor(), server.publicRequestsPerMinute(),
                server.feedMaxAge(), server.tombstoneRetention());
        Site s = site.baseUrl() != null ? site : new Site("http://localhost:" + port, site.title(), site.description(),
                site.agency(), site.defaultLanguage(), site.timezone(), site.languageFallbacks(), site.rights());
        return new KarvonConfig(s, srv, security, ingest, feeds, sources, partners, warnings);
    }

    public Optional<FeedSpec> feed(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<SourceSpec> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** What the agency calls itself and where its site lives; every URL in a feed is built from {@code baseUrl}. */
    public record Site(String baseUrl, String title, String description, String agency, String defaultLanguage,
                       ZoneId timezone, List<String> languageFallbacks, String rights) {}

    public record Server(String host, int port, boolean trustForwardedFor, int publicRequestsPerMinute, Duration feedMaxAge,
                         Duration tombstoneRetention) {}

    public record Security(Secret cmsToken, Secret adminToken) {}

    /** Defaults for fetching external sources. */
    /** @param clusterGazetteer extra gazetteer files for event clustering (issue 18), read at start */
    public record Ingest(Duration defaultInterval, Duration maxBackoff, long maxBodyBytes, Duration fetchTimeout, int perHostConcurrency, int workers,
                         Duration retention, List<Path> dropFolders, List<Path> clusterGazetteer) {
        public Ingest(Duration defaultInterval, Duration maxBackoff, long maxBodyBytes, Duration fetchTimeout, int perHostConcurrency,
                      int workers, Duration retention, List<Path> dropFolders) {
            this(defaultInterval, maxBackoff, maxBodyBytes, fetchTimeout, perHostConcurrency, workers, retention, dropFolders, List.of());
        }
    }

    /** A published feed: which articles and source items it carries, in which language, for whom. */
    public record FeedSpec(String id, String title, String description, String language, List<String> languages,
                           boolean everyStory, List<String> sections, List<String> tags, boolean includeArticles, List<String> sources,
                           int limit, boolean isPublic, boolean includeEmbargoed, boolean fullText,
                           boolean transliterate, List<Pattern> keep, List<Pattern> block,
                           ClusterMode cluster) {

        public FeedSpec(String id, String title, String description, String language, List<String> languages,
                        boolean everyStory, List<String> sections, List<String> tags, boolean includeArticles, List<String> sources,
                        int limit, boolean isPublic, boolean includeEmbargoed, boolean fullText,
                        boolean transliterate, List<Pattern> keep, List<Pattern> block) {
            this(id, title, description, language, languages, everyStory, sections, tags, includeArticles, sources, limit,
                    isPublic, includeEmbargoed, fullText, transliterate, keep, block, ClusterMode.LINK);
        }

        /** {@code language: all}: every language version of every story (the wire). */
        public boolean allLanguages() {
            return language == null;
        }
    }

    /**
     * What a feed does with stories of other sources that report the same event (issue 18): {@code link} them
     * (related links, the default), show {@code one} item per event, or {@code off}.
     */
    public enum ClusterMode { LINK, ONE, OFF }

    /** An external feed karvon follows. */
    public record SourceSpec(String id, String title, URI url, String language, Duration interval, ZoneId timezone,
                             String userAgent, Map<String, String> headers, String fullTextSelector,
                             List<Pattern> keep, List<Pattern> block, boolean privateNetwork) {}

    /** A partner agency allowed to pull private feeds. {@code feeds} holds ids or glob patterns such as {@code wire*}. */
    public record PartnerSpec(String id, String name, Secret key, List<String> feeds, int requestsPerMinute,
                              boolean embargoed) {

        public boolean mayRead(String feedId) {
            for (String p : feeds) {
                if (matches(p, feedId)) return true;
            }
            return false;
        }

        /** A feed id against an id or a pattern where {@code *} stands for any run of characters. */
        public static boolean matches(String pattern, String feedId) {
            String[] parts = pattern.split("\\*", -1);
            if (parts.length == 1) return pattern.equals(feedId);
            if (!feedId.startsWith(parts[0])) return false;
            int at = parts[0].length();
            for (int i = 1; i < parts.length - 1; i++) {
                int found = feedId.indexOf(parts[i], at);
                if (found < 0) return false;
                at = found + parts[i].length();
            }
            String last = parts[parts.length - 1];
            return feedId.length() - last.length() >= at && feedId.endsWith(last);
        }
    }
}
