package uz.karvon.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import uz.karvon.lang.LangTags;
import uz.karvon.store.PostgresUrl;

/**
 * Reads and checks feeds.yml. Every problem is collected and reported at once as
 * {@code feeds.yml:LINE:COLUMN: message}; nothing half-valid is ever returned.
 */
public final class ConfigLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public static ConfigLoader withSystemEnv() {
        return new ConfigLoader(System.getenv());
    }

    public KarvonConfig load(Path file) throws ConfigException {
        return load(read(file));
    }

    /** Reads the file once; the same bytes can then be loaded and compared with what is running. */
    public static ConfigFile read(Path file) throws ConfigException {
        try {
            return ConfigFile.read(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, "cannot read the file: " + e.getMessage())));
        }
    }

    public KarvonConfig load(ConfigFile file) throws ConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.name(), 1, 1, "the file is not valid UTF-8; save it as UTF-8")));
        }
        return parse(file.name(), text, file.path().toAbsolutePath().getParent());
    }

    /** Parses YAML text; {@code baseDir} resolves relative drop-folder paths. */
    public KarvonConfig parse(String name, String text, Path baseDir) throws ConfigException {
        Problems problems = new Problems(name);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null || e.getContextMark() == null ? ""
                    : " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1)
                      + ", column " + (e.getContextMark().getColumn() + 1) + ")";
            problems.at(e.getProblemMark(), "YAML syntax: " + e.getProblem() + context);
            throw new ConfigException(problems.sorted());
        } catch (RuntimeException e) {
            problems.at((Node) null, "YAML syntax: " + e.getMessage());
            throw new ConfigException(problems.sorted());
        }
        if (root == null || YamlMap.isNull(root)) {
            // an empty file is never what an admin means: applied, it would take every feed and API offline
            problems.at((Node) null, "the file is empty (or holds only comments): nothing to serve; a configuration needs"
                    + " at least a feeds: list (start from the bundled feeds.yml)");
            throw new ConfigException(problems.sorted());
        }
        YamlMap top = new YamlMap(problems, root, "");
        List<String> warnings = new ArrayList<>();

        KarvonConfig.Site site = site(top.map("site"), problems);
        KarvonConfig.Server server = server(top.map("server"));
        KarvonConfig.Security security = security(top.map("security"), problems, warnings);
        KarvonConfig.Ingest ingest = ingest(top.map("ingest"), problems, baseDir);
        KarvonConfig.DatabaseSpec database = top.has("database") ? database(top.map("database"), problems)
                : KarvonConfig.DatabaseSpec.EMBEDDED;
        if (database.isPostgres() && site.baseUrl() == null) {
            warnings.add("site.base_url is not set: on a shared database every instance names itself by its own port, so"
                    + " instances serve different bytes; set it to the public URL (the load balancer's)");
        }
        List<KarvonConfig.SourceSpec> sources = new ArrayList<>();
        Map<String, Node> sourceIds = new HashMap<>();
        for (YamlMap m : top.maps("sources")) {
            KarvonConfig.SourceSpec s = source(m, problems, site, ingest);
            if (s != null && unique(sourceIds, s.id(), m, "source", problems)) sources.add(s);
        }
        List<KarvonConfig.FeedSpec> feeds = new ArrayList<>();
        Map<String, Node> feedIds = new HashMap<>();
        for (YamlMap m : top.maps("feeds")) {
            KarvonConfig.FeedSpec f = feed(m, problems, sourceIds);
            if (f != null && unique(feedIds, f.id(), m, "feed", problems)) feeds.add(f);
        }
        List<KarvonConfig.PartnerSpec> partners = new ArrayList<>();
        Map<String, Node> partnerIds = new HashMap<>();
        for (YamlMap m : top.maps("partners")) {
            KarvonConfig.PartnerSpec p = partner(m, problems, feedIds, feeds, warnings);
            if (p != null && unique(partnerIds, p.id(), m, "partner", problems)) partners.add(p);
        }
        Map<String, KarvonConfig.MediaTopic> mediaTopics = MediaTopicTable.read(top.map("media_topics"), problems);
        KarvonConfig.Websub websub = WebsubSection.read(top.map("websub"), problems);
        top.rejectUnknownKeys();
        if (feeds.isEmpty()) warnings.add("no feeds are defined under feeds: nothing is published");
        if (!problems.isEmpty()) throw new ConfigException(problems.sorted());
        adminWarnings(site, sources, feeds, warnings);
        return new KarvonConfig(site, server, security, ingest, feeds, sources, partners, mediaTopics, warnings, websub, database);
    }

    /** What an admin should fix even though the file is valid. */
    private static void adminWarnings(KarvonConfig.Site site, List<KarvonConfig.SourceSpec> sources,
                                      List<KarvonConfig.FeedSpec> feeds, List<String> warnings) {
        if (site.baseUrl() == null) {
            warnings.add("site.base_url is not set: links and item ids use http://localhost:PORT, and every item id"
                    + " changes when it is set later (feed readers then show every story again); set it before going public");
        }
        for (KarvonConfig.SourceSpec s : sources) {
            if (feeds.stream().noneMatch(f -> f.sources().contains(s.id()))) {
                warnings.add("source '" + s.id() + "' is used by no feed: its items are fetched and stored but published"
                        + " nowhere; add it to a feed's sources or remove it");
            }
        }
    }

    private static boolean unique(Map<String, Node> seen, String id, YamlMap m, String what, Problems problems) {
        Node first = seen.putIfAbsent(id, m.valueNode("id"));
        if (first != null) {
            problems.at(m.valueNode("id"), m.qualified("id") + ": duplicate " + what + " id '" + id
                    + "' (first defined on line " + (first.getStartMark().getLine() + 1) + ")");
            return false;
        }
        return true;
    }

    private KarvonConfig.Site site(YamlMap m, Problems p) {
        String base = m.string("base_url", null);
        if (base != null && base.endsWith("/")) base = base.substring(0, base.length() - 1);
        URI u = base == null ? null : uri(base, m, "base_url", p);
        if (u != null && (!u.isAbsolute() || !Set.of("http", "https").contains(u.getScheme()))) {
            p.at(m.valueNode("base_url"), m.qualified("base_url") + ": expected an absolute http(s) URL, got \"" + base + "\"");
        }
        String lang = language(m, "default_language", "uz-Latn", p);
        ZoneId zone = zone(m, "timezone", "Asia/Tashkent", p);
        List<String> fallbacks = languages(m, "language_fallbacks", p);
        String rightsUrl = m.string("rights_url", null);
        URI ru = rightsUrl == null ? null : uri(rightsUrl, m, "rights_url", p);
        if (ru != null && (!ru.isAbsolute() || !Set.of("http", "https").contains(ru.getScheme()) || ru.getHost() == null)) {
            p.at(m.valueNode("rights_url"), m.qualified("rights_url") + ": expected an absolute http(s) URL, got \"" + rightsUrl + "\"");
        }
        KarvonConfig.Site site = new KarvonConfig.Site(base,
                m.string("title", "Karvon"),
                m.string("description", "News feeds"),
                m.string("agency", m.string("title", "Karvon")),
                lang, zone, fallbacks.isEmpty() ? List.of("uz-Latn", "ru", "en") : fallbacks,
                m.string("rights", null), rightsUrl, image(m, "logo", "/static/logo.png", p),
                image(m, "favicon", "/static/favicon.png", p), sectionIds(m, p));
        m.rejectUnknownKeys();
        return site;
    }

    /** A site path ({@code /static/logo.png}) or an absolute http(s) URL. */
    private static String image(YamlMap m, String key, String def, Problems p) {
        String v = m.string(key, def);
        if (v == null) return def;
        v = v.trim();
        boolean path = v.startsWith("/") && !v.startsWith("//");
        URI u = null;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            // reported below
        }
        boolean absolute = u != null && u.isAbsolute() && Set.of("http", "https").contains(u.getScheme()) && u.getHost() != null;
        if (u == null || !(path || absolute)) {
            p.at(m.valueNode(key), m.qualified(key) + ": expected a site path such as /static/" + key
                    + ".png or an absolute http(s) URL, got \"" + v + "\"");
            return def;
        }
        return v;
    }

    /** Section ids as articles name them (lower-case words such as economy). */
    private static List<String> sectionIds(YamlMap m, Problems p) {
        List<String> out = new ArrayList<>();
        for (Node n : m.stringNodes("sections")) {
            String id = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue().trim();
            if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                p.at(n, m.qualified("sections") + ": \"" + id + "\" is not a section id; expected a lower-case word such as economy");
            } else if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private KarvonConfig.Server server(YamlMap m) {
        KarvonConfig.Server s = new KarvonConfig.Server(
                m.string("host", "127.0.0.1"),
                m.integer("port", 8080, 1, 65535),
                m.bool("trust_forwarded_for", false),
                m.integer("public_requests_per_minute", 600, 1, 100_000_000),
                m.duration("feed_max_age", Duration.ofMinutes(1), Duration.ZERO, Duration.ofDays(1)),
                m.duration("tombstone_retention", Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(3650)));
        m.rejectUnknownKeys();
        return s;
    }

    private KarvonConfig.Security security(YamlMap m, Problems p, List<String> warnings) {
        KarvonConfig.Security s = new KarvonConfig.Security(
                secret(m, "cms_token", p, warnings, "the CMS API (/api/articles) is disabled"),
                secret(m, "admin_token", p, warnings, "the admin API (/api/reload, /admin) is disabled"),
                m.has("metrics_token") ? secret(m, "metrics_token", p, warnings, "/metrics takes the admin token only")
                        : Secret.NONE);
        m.rejectUnknownKeys();
        return s;
    }

    /** A secret is {@code {env: NAME}} or {@code {sha256: HEX}}; a plain value is refused. */
    private Secret secret(YamlMap parent, String key, Problems p, List<String> warnings, String consequence) {
        if (!parent.has(key)) {
            parent.string(key, null);
            warnings.add(parent.qualified(key) + " is not set: " + consequence);
            return Secret.NONE;
        }
        Node v = parent.valueNode(key);
        if (!(v instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            parent.string(key, null);
            p.at(v, parent.qualified(key) + ": plain-text secrets are not allowed in feeds.yml; write "
                    + key + ": {env: VARIABLE_NAME} or " + key + ": {sha256: <64 hex digits>}");
            return Secret.NONE;
        }
        YamlMap m = parent.map(key);
        String envName = m.string("env", null);
        String hash = m.string("sha256", null);
        m.rejectUnknownKeys();
        if ((envName == null) == (hash == null)) {
            p.at(v, parent.qualified(key) + ": expected exactly one of 'env' or 'sha256'");
            return Secret.NONE;
        }
        if (hash != null) {
            if (!SHA256.matcher(hash).matches()) {
                p.at(m.valueNode("sha256"), m.qualified("sha256") + ": expected 64 hexadecimal digits (sha256sum of the token)");
                return Secret.NONE;
            }
            return Secret.ofDigestHex(hash);
        }
        String value = env.get(envName);
        if (value == null || value.isBlank()) {
            warnings.add(parent.qualified(key) + ": environment variable " + envName + " is not set: " + consequence);
            return new Secret("env " + envName, null);
        }
        return Secret.ofValue("env " + envName, value.trim());
    }

    private KarvonConfig.Ingest ingest(YamlMap m, Problems p, Path baseDir) {
        List<Path> folders = new ArrayList<>();
        for (String f : m.strings("drop_folders")) {
            Path path = Path.of(f);
            folders.add((path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path)).normalize());
        }
        KarvonConfig.Ingest in = new KarvonConfig.Ingest(
                m.duration("default_interval", Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofDays(7)),
                m.duration("max_backoff", Duration.ofHours(6), Duration.ofMinutes(5), Duration.ofDays(2)),
                m.size("max_body_size", 16L << 20, 64L << 10, 256L << 20),
                m.duration("fetch_timeout", Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(10)),
                m.integer("per_host_concurrency", 2, 1, 256),
                m.integer("workers", 16, 1, 512),
                m.duration("retention", Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(3650)),
                folders, clusterGazetteer(m, p, baseDir));
        m.rejectUnknownKeys();
        return in;
    }

    /**
     * {@code database: {url: {env: NAME}, pool_size: N, lease: 60s}}: PostgreSQL for several instances. The URL comes
     * from the environment, or from the file if it carries no password; a variable named but unset is an error, not
     * a quiet fallback to SQLite (instances that meant to share a database would each keep their own).
     */
    private KarvonConfig.DatabaseSpec database(YamlMap m, Problems p) {
        int pool = m.integer("pool_size", 10, 1, 500);
        Duration lease = m.duration("lease", KarvonConfig.DatabaseSpec.DEFAULT_LEASE, Duration.ofSeconds(10), Duration.ofMinutes(30));
        String text = null, source = null;
        Node v = m.valueNode("url");
        if (!m.has("url")) {
            m.string("url", null);
            p.at(m.node(), "missing required key '" + m.qualified("url") + "' (url: {env: KARVON_DATABASE_URL}, a postgresql:// URL);"
                    + " leave out the whole database: section for the embedded SQLite database");
        } else if (v instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            YamlMap u = m.map("url");
            String envName = u.required("env");
            u.rejectUnknownKeys();
            if (envName != null) {
                text = env.get(envName);
                source = "env " + envName;
                if (text == null || text.isBlank()) {
                    p.at(u.valueNode("env"), m.qualified("url") + ": environment variable " + envName
                            + " is not set (expected a postgresql:// URL)");
                    text = null;
                }
            }
        } else {
            text = m.string("url", null);
            source = "feeds.yml";
        }
        PostgresUrl url = null;
        if (text != null) {
            try {
                url = PostgresUrl.parse(text);
                if (url.hasPassword() && "feeds.yml".equals(source)) {
                    p.at(v, m.qualified("url") + ": a password in feeds.yml; write url: {env: KARVON_DATABASE_URL} and put"
                            + " the URL in that variable (or the password in ~/.pgpass)");
                    url = null;
                }
            } catch (IllegalArgumentException e) {
                // the message never repeats the URL: it may hold a password
                p.at(v, m.qualified("url") + (source.startsWith("env") ? " (" + source + ")" : "") + ": " + e.getMessage());
            }
        }
        m.rejectUnknownKeys();
        return url == null ? KarvonConfig.DatabaseSpec.EMBEDDED : new KarvonConfig.DatabaseSpec(url, source, pool, lease);
    }

    /** {@code ingest.cluster_gazetteer}: extra gazetteer files, checked now so a broken one is refused with its place. */
    private static List<Path> clusterGazetteer(YamlMap m, Problems p, Path baseDir) {
        List<Path> files = new ArrayList<>();
        for (String f : m.strings("cluster_gazetteer")) {
            Path path = Path.of(f);
            files.add((path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path)).normalize());
        }
        if (files.isEmpty()) return List.of();
        try {
            uz.karvon.cluster.Gazetteer.withFiles(files);
        } catch (uz.karvon.cluster.GazetteerException e) {
            p.at(m.valueNode("cluster_gazetteer"), m.qualified("cluster_gazetteer") + ": " + e.getMessage());
        }
        return List.copyOf(files);
    }

    private KarvonConfig.SourceSpec source(YamlMap m, Problems p, KarvonConfig.Site site, KarvonConfig.Ingest ingest) {
        String id = id(m, p);
        String url = m.required("url");
        URI u = url == null ? null : uri(url, m, "url", p);
        if (u != null) {
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https", "file").contains(scheme)) {
                p.at(m.valueNode("url"), m.qualified("url") + ": unsupported URL scheme '" + scheme
                        + "'; expected http, https or file");
            } else if (scheme.equals("file") && (u.isOpaque() || u.getAuthority() != null || u.getQuery() != null || u.getFragment() != null)) {
                p.at(m.valueNode("url"), m.qualified("url") + ": a file URL needs an absolute path and nothing else,"
                        + " e.g. file:///srv/drop/partner.xml");
            } else if (scheme.equals("file")) {
                Path path = Path.of(u).normalize();
                if (ingest.dropFolders().stream().noneMatch(path::startsWith)) {
                    p.at(m.valueNode("url"), m.qualified("url") + ": " + path + " is outside the drop folders named in ingest.drop_folders"
                            + (ingest.dropFolders().isEmpty() ? " (none are named)" : " " + ingest.dropFolders()));
                }
            } else if (u.getHost() == null) {
                p.at(m.valueNode("url"), m.qualified("url") + ": the URL has no host");
            }
        }
        KarvonConfig.SourceSpec s = new KarvonConfig.SourceSpec(id, m.string("title", id), u,
                m.has("language") ? language(m, "language", null, p) : null,
                m.duration("interval", ingest.defaultInterval(), Duration.ofSeconds(30), Duration.ofDays(7)),
                m.has("timezone") ? zone(m, "timezone", null, p) : site.timezone(),
                headerValue(m, "user_agent", m.string("user_agent", null), p), headers(m, p), selector(m, p),
                patterns(m, "keep", p), patterns(m, "block", p), m.bool("private_network", false));
        m.rejectUnknownKeys();
        return id == null ? null : s;
    }

    private KarvonConfig.FeedSpec feed(YamlMap m, Problems p, Map<String, Node> sourceIds) {
        String id = id(m, p);
        String title = m.required("title");
        String lang = m.string("language", null);
        String language = null;
        if (lang == null) {
            p.at(m.node(), "missing required key '" + m.qualified("language") + "' (a BCP 47 tag such as uz-Latn, or 'all')");
        } else if (!lang.equalsIgnoreCase("all")) {
            language = language(m, "language", null, p);
        }
        boolean everyStory = m.strings("languages").stream().anyMatch(l -> l.equalsIgnoreCase("all"));
        List<String> languages = everyStory ? List.of() : languages(m, "languages", p);
        List<Node> sourceNodes = m.stringNodes("sources");
        List<String> sources = new ArrayList<>();
        for (Node n : sourceNodes) {
            String sid = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue().trim();
            if (!sourceIds.containsKey(sid)) {
                String hint = Suggest.closest(sid, sourceIds.keySet());
                p.at(n, m.qualified("sources") + ": no source with id '" + sid + "' is defined under sources"
                        + (hint != null ? "; did you mean '" + hint + "'?" : ""));
            }
            sources.add(sid);
        }
        KarvonConfig.FeedSpec f = new KarvonConfig.FeedSpec(id, title,
                m.string("description", title), language,
                languages.isEmpty() && language != null && !everyStory ? List.of(language) : languages, everyStory,
                m.strings("sections"), m.strings("tags"), m.bool("articles", true), sources,
                m.integer("limit", 50, 1, 1000), m.bool("public", true), m.bool("embargoed", false),
                m.bool("full_text", true), m.bool("transliterate", false),
                patterns(m, "keep", p), patterns(m, "block", p), profile(m, p), clusterMode(m, p));
        if (f.profile().needsFullText() && !f.fullText()) {
            p.at(m.valueNode("full_text"), m.qualified("full_text") + ": profile " + f.profile().key()
                    + " publishes the full text of every item; remove 'full_text: false' or the profile");
        }
        if (f.includeEmbargoed() && f.isPublic()) {
            p.at(m.valueNode("embargoed"), m.qualified("embargoed") + ": a feed that carries embargoed stories must be"
                    + " private; add 'public: false' and list the partners allowed to read it");
        }
        m.rejectUnknownKeys();
        return id == null || title == null ? null : f;
    }

    private static FeedProfile profile(YamlMap m, Problems p) {
        String s = m.string("profile", null);
        if (s == null) return FeedProfile.NONE;
        Optional<FeedProfile> found = FeedProfile.byKey(s);
        if (found.isEmpty()) {
            List<String> keys = java.util.Arrays.stream(FeedProfile.values()).map(FeedProfile::key).toList();
            String hint = Suggest.closest(s, keys);
            p.at(m.valueNode("profile"), m.qualified("profile") + ": unknown profile \"" + s + "\"; expected one of "
                    + String.join(", ", keys) + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
            return FeedProfile.NONE;
        }
        return found.get();
    }

    /** {@code cluster: link | one | off} (issue 18). */
    private static KarvonConfig.ClusterMode clusterMode(YamlMap m, Problems p) {
        String v = m.string("cluster", null);
        if (v == null) return KarvonConfig.ClusterMode.LINK;
        for (KarvonConfig.ClusterMode mode : KarvonConfig.ClusterMode.values()) {
            if (mode.name().equalsIgnoreCase(v)) return mode;
        }
        p.at(m.valueNode("cluster"), m.qualified("cluster") + ": expected one of link, one, off, got \"" + v + "\"");
        return KarvonConfig.ClusterMode.LINK;
    }

    private KarvonConfig.PartnerSpec partner(YamlMap m, Problems p, Map<String, Node> feedIds,
                                             List<KarvonConfig.FeedSpec> feeds, List<String> warnings) {
        String id = id(m, p);
        Secret key = secret(m, "key", p, warnings, "partner '" + id + "' cannot authenticate");
        if (!m.has("key")) p.at(m.node(), "missing required key '" + m.qualified("key") + "' ({env: NAME} or {sha256: HEX})");
        List<Node> feedNodes = m.stringNodes("feeds");
        List<String> patterns = new ArrayList<>();
        for (Node n : feedNodes) {
            String f = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue().trim();
            patterns.add(f);
            if (feeds.stream().noneMatch(spec -> KarvonConfig.PartnerSpec.matches(f, spec.id()))) {
                String hint = Suggest.closest(f, feedIds.keySet());
                p.at(n, m.qualified("feeds") + ": '" + f + "' matches no feed defined under feeds"
                        + (hint != null ? "; did you mean '" + hint + "'?" : ""));
            }
        }
        if (feedNodes.isEmpty()) p.at(m.node(), "missing required key '" + m.qualified("feeds") + "' (feed ids or patterns such as wire*)");
        KarvonConfig.PartnerSpec ps = new KarvonConfig.PartnerSpec(id, m.string("name", id), key, patterns,
                m.integer("requests_per_minute", 60, 1, 100_000), m.bool("embargoed", false));
        m.rejectUnknownKeys();
        return id == null ? null : ps;
    }

    private static String id(YamlMap m, Problems p) {
        String id = m.required("id");
        if (id != null && !ID.matcher(id).matches()) {
            p.at(m.valueNode("id"), m.qualified("id") + ": \"" + id + "\" is not a valid id; use lower-case letters, digits, '.', '_' and '-' (at most 64)");
            return null;
        }
        return id;
    }

    private static URI uri(String text, YamlMap m, String key, Problems p) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            p.at(m.valueNode(key), m.qualified(key) + ": not a valid URL: " + e.getReason());
            return null;
        }
    }

    private static List<Pattern> patterns(YamlMap m, String key, Problems p) {
        List<Pattern> out = new ArrayList<>();
        for (Node n : m.stringNodes(key)) {
            String re = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue();
            try {
                out.add(Pattern.compile(re, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                p.at(n, m.qualified(key) + ": invalid regular expression \"" + re + "\": "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        return out;
    }

    private static String language(YamlMap m, String key, String def, Problems p) {
        String tag = m.string(key, null);
        if (tag == null) return def;
        String normal = LangTags.normalize(tag);
        if (normal == null) {
            p.at(m.valueNode(key), m.qualified(key) + ": \"" + tag + "\" is not a BCP 47 language tag; expected e.g. uz-Latn, uz-Cyrl, ru, en, zh-Hans, ar");
            return def;
        }
        return normal;
    }

    private static List<String> languages(YamlMap m, String key, Problems p) {
        List<String> out = new ArrayList<>();
        for (Node n : m.stringNodes(key)) {
            String tag = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue().trim();
            String normal = LangTags.normalize(tag);
            if (normal == null) p.at(n, m.qualified(key) + ": \"" + tag + "\" is not a BCP 47 language tag; expected e.g. uz-Latn, ru, en");
            else out.add(normal);
        }
        return out;
    }

    /** HTTP header names are tokens and values printable ASCII; a bad one would fail every poll of the source. */
    private static Map<String, String> headers(YamlMap m, Problems p) {
        Map<String, String> headers = m.stringMap("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                p.at(m.valueNode("headers"), m.qualified("headers") + ": '" + h.getKey() + "' is not an HTTP header name");
            } else {
                headerValue(m, "headers." + h.getKey(), h.getValue(), p);
            }
        }
        return headers;
    }

    /** Checks a header value; the message never repeats the value, which may be a key. */
    private static String headerValue(YamlMap m, String key, String value, Problems p) {
        if (value != null && !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7E))) {
            p.at(m.valueNode(key.contains(".") ? "headers" : key), m.qualified(key)
                    + ": HTTP header values must be printable ASCII (no line breaks, no letters outside ASCII)");
        }
        return value;
    }

    private static String selector(YamlMap m, Problems p) {
        String selector = m.string("full_text_selector", null);
        if (selector == null) return null;
        try {
            QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            p.at(m.valueNode("full_text_selector"), m.qualified("full_text_selector") + ": not a CSS selector jsoup understands: "
                    + e.getMessage());
        }
        return selector;
    }

    private static ZoneId zone(YamlMap m, String key, String def, Problems p) {
        String z = m.string(key, def);
        if (z == null) return ZoneId.of("UTC");   // not a string: m.string has reported it
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            p.at(m.valueNode(key), m.qualified(key) + ": unknown time zone \"" + z + "\"; expected a region id such as Asia/Tashkent or UTC");
            return ZoneId.of("UTC");
        }
    }

}
