package uz.karvon.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uz.karvon.store.PostgresUrl;

/** The whole of feeds.yml, validated. Immutable; a reload builds a new one and swaps it in. */
public record KarvonConfig(
        Site site,
        Server server,
        Security security,
        Ingest ingest,
        List<FeedSpec> feeds,
        List<SourceSpec> sources,
        List<PartnerSpec> partners,
        Map<String, MediaTopic> mediaTopics,
        List<String> warnings,
        Websub websub,
        DatabaseSpec database) {

    /** With the embedded database (no {@code database:} section). */
    public KarvonConfig(Site site, Server server, Security security, Ingest ingest, List<FeedSpec> feeds,
                        List<SourceSpec> sources, List<PartnerSpec> partners, Map<String, MediaTopic> mediaTopics,
                        List<String> warnings, Websub websub) {
        this(site, server, security, ingest, feeds, sources, partners, mediaTopics, warnings, websub, DatabaseSpec.EMBEDDED);
    }

    /** Without a {@code websub:} section: the built-in hub with its defaults. */
    public KarvonConfig(Site site, Server server, Security security, Ingest ingest, List<FeedSpec> feeds,
                        List<SourceSpec> sources, List<PartnerSpec> partners, Map<String, MediaTopic> mediaTopics,
                        List<String> warnings) {
        this(site, server, security, ingest, feeds, sources, partners, mediaTopics, warnings, Websub.DEFAULTS);
    }

    /** Without a Media Topic table (tests and tools that build a configuration by hand). */
    public KarvonConfig(Site site, Server server, Security security, Ingest ingest, List<FeedSpec> feeds,
                        List<SourceSpec> sources, List<PartnerSpec> partners, List<String> warnings) {
        this(site, server, security, ingest, feeds, sources, partners, Map.of(), warnings);
    }

    public KarvonConfig {
        mediaTopics = Map.copyOf(mediaTopics);
        websub = websub == null ? Websub.DEFAULTS : websub;
        feeds = List.copyOf(feeds);
        sources = List.copyOf(sources);
        partners = List.copyOf(partners);
        warnings = List.copyOf(warnings);
        database = database == null ? DatabaseSpec.EMBEDDED : database;
    }

    /**
     * The configuration as served on {@code port}: without an explicit {@code site.base_url}, URLs in feeds
     * point at {@code http://localhost:PORT}, so self links always equal the URL actually served.
     */
    public KarvonConfig servedOn(int port) {
        Server srv = new Server(server.host(), port, server.trustForwardedFor(), server.publicRequestsPerMinute(),
                server.feedMaxAge(), server.tombstoneRetention());
        Site s = site.baseUrl() != null ? site : new Site("http://localhost:" + port, site.title(), site.description(),
                site.agency(), site.defaultLanguage(), site.timezone(), site.languageFallbacks(), site.rights(),
                site.rightsUrl(), site.logo(), site.favicon(), site.sections());
        return new KarvonConfig(s, srv, security, ingest, feeds, sources, partners, mediaTopics, warnings, websub, database);
    }

    public Optional<FeedSpec> feed(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<SourceSpec> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * What the agency calls itself and where its site lives; every URL in a feed is built from {@code baseUrl}.
     *
     * @param rightsUrl the page stating the terms of use (ninjs {@code rightsinfo.linkedrights}); nullable
     * @param logo     the agency's logo (an absolute URL or a site path): page header, RSS {@code <image>}, Atom {@code logo}
     * @param favicon  a small square icon: browsers, Atom {@code icon}, JSON Feed {@code icon}/{@code favicon}
     * @param sections the section ids the site's menu shows, in order (articles name theirs in {@code section})
     */
    public record Site(String baseUrl, String title, String description, String agency, String defaultLanguage,
                       ZoneId timezone, List<String> languageFallbacks, String rights, String rightsUrl, String logo,
                       String favicon, List<String> sections) {
        public Site {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        /** Without a rights page, logo, favicon or sections. */
        public Site(String baseUrl, String title, String description, String agency, String defaultLanguage,
                    ZoneId timezone, List<String> languageFallbacks, String rights) {
            this(baseUrl, title, description, agency, defaultLanguage, timezone, languageFallbacks, rights, null, null,
                    null, List.of());
        }
    }

    public record Server(String host, int port, boolean trustForwardedFor, int publicRequestsPerMinute, Duration feedMaxAge,
                         Duration tombstoneRetention) {}

    /** @param metricsToken for {@code /metrics} only (a scraper need not hold the admin token); optional */
    public record Security(Secret cmsToken, Secret adminToken, Secret metricsToken) {}

    /**
     * Where the data lives. {@code url} null: SQLite in the data folder (one instance). Otherwise PostgreSQL, shared by
     * every instance that names it, with a pool of {@code poolSize} connections; a poll's claim on a source lasts
     * {@code lease} unless renewed (an instance that dies frees its sources after that). Read once at start.
     *
     * @param source where the URL came from, for messages ({@code env KARVON_DATABASE_URL}, {@code feeds.yml})
     */
    public record DatabaseSpec(PostgresUrl url, String source, int poolSize, Duration lease) {
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
        public static final DatabaseSpec EMBEDDED = new DatabaseSpec(null, "embedded", 10, DEFAULT_LEASE);

        public boolean isPostgres() {
            return url != null;
        }
    }

    /**
     * Defaults for fetching external sources.
     *
     * @param clusterGazetteer extra gazetteer files for event clustering (issue 18), read at start
     */
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
                           boolean transliterate, List<Pattern> keep, List<Pattern> block, FeedProfile profile,
                           ClusterMode cluster) {

        public FeedSpec {
            profile = profile == null ? FeedProfile.NONE : profile;
            cluster = cluster == null ? ClusterMode.LINK : cluster;
        }

        /** A plain feed, for no platform, linking stories of one event. */
        public FeedSpec(String id, String title, String description, String language, List<String> languages,
                        boolean everyStory, List<String> sections, List<String> tags, boolean includeArticles,
                        List<String> sources, int limit, boolean isPublic, boolean includeEmbargoed, boolean fullText,
                        boolean transliterate, List<Pattern> keep, List<Pattern> block) {
            this(id, title, description, language, languages, everyStory, sections, tags, includeArticles, sources, limit,
                    isPublic, includeEmbargoed, fullText, transliterate, keep, block, FeedProfile.NONE, ClusterMode.LINK);
        }

        /** {@code language: all}: every language version of every story (the wire). */
        public boolean allLanguages() {
            return language == null;
        }
    }

    /**
     * An IPTC Media Topic (https://cv.iptc.org/newscodes/mediatopic/) a section or category stands for in ninjs
     * {@code subjects}. {@code code} is the eight-digit concept code, {@code name} the label written beside it.
     */
    public record MediaTopic(String code, String name) {
        public String uri() {
            return "http://cv.iptc.org/newscodes/mediatopic/" + code;
        }
    }

    /**
     * WebSub, both ways: the built-in hub at {@code /websub} for our feeds (or {@code externalHub} for public
     * feeds, pinged on change), and subscriptions to the hubs sources advertise.
     *
     * @param externalHub           a hub public feeds advertise instead of the built-in one; null for the built-in
     * @param defaultLease          lease given when a subscriber asks for none, and asked of source hubs
     * @param minLease              shortest lease the hub grants
     * @param maxLease              longest lease the hub grants
     * @param deliveryWorkers       deliveries (and verifications) in progress at once
     * @param deliveryPerHost       deliveries in progress at once to one callback host
     * @param deliveryTimeout       total deadline of one delivery, verification or hub request
     * @param maxSubscriptions      subscriptions the hub keeps at most (active ones)
     * @param allowPrivateCallbacks callbacks and hubs on loopback or private addresses are allowed (tests, intranets)
     * @param subscribeSources      subscribe to the hubs sources advertise
     * @param pushPollInterval      a source whose pushes arrive is still polled this often (or at its own interval,
     *                              if longer)
     */
    public record Websub(URI externalHub, Duration defaultLease, Duration minLease, Duration maxLease,
                         int deliveryWorkers, int deliveryPerHost, Duration deliveryTimeout, int maxSubscriptions,
                         boolean allowPrivateCallbacks, boolean subscribeSources, Duration pushPollInterval) {
        public static final Websub DEFAULTS = new Websub(null, Duration.ofDays(10), Duration.ofHours(1),
                Duration.ofDays(30), 16, 4, Duration.ofSeconds(10), 10_000, false, true, Duration.ofHours(1));
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

        /** The feed is listed for the partner, and one that carries embargoed stories needs {@code embargoed: true}. */
        public boolean mayRead(FeedSpec feed) {
            return mayRead(feed.id()) && (!feed.includeEmbargoed() || embargoed);
        }

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
