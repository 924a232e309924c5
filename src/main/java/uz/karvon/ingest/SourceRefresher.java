package uz.karvon.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.karvon.config.KarvonConfig.Ingest;
import uz.karvon.config.KarvonConfig.SourceSpec;
import uz.karvon.config.KeepBlock;
import uz.karvon.ingest.fetch.AddressGuard;
import uz.karvon.ingest.fetch.Backoff;
import uz.karvon.ingest.fetch.BodyBudget;
import uz.karvon.ingest.fetch.DropFolderReader;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.FetchRequest;
import uz.karvon.ingest.fetch.FetchResult;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.ingest.parse.FeedParseException;
import uz.karvon.ingest.parse.FeedParser;
import uz.karvon.ingest.parse.ItemFlag;
import uz.karvon.ingest.parse.ParseOptions;
import uz.karvon.ingest.parse.ParsedFeed;
import uz.karvon.ingest.parse.ParsedItem;
import uz.karvon.lang.LanguageDetector;
import uz.karvon.metrics.Metrics;
import uz.karvon.store.SourceItem;
import uz.karvon.store.SourceItemStore;
import uz.karvon.store.StoreException;

/**
 * One refresh of one source: fetch (conditional), parse, normalize, store, and compute the next state.
 * Every exception becomes a per-source error on the state, and stored items stay. An {@link Error} is not one
 * source's problem (out of memory, a broken class path) and is not caught, except {@link StackOverflowError}: a
 * pathological input (a keep/block pattern on a long title) overflows the stack of one refresh, which unwinds.
 * The body is held against the fetcher's shared budget from the fetch until it is parsed.
 */
public final class SourceRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRefresher.class);
    static final int MAX_ITEMS_PER_FETCH = 500;
    /** Full-text pages fetched per refresh at most: a feed of 500 new items must not become 500 requests. */
    static final int MAX_FULL_TEXT_PER_REFRESH = 10;
    /** A source that could not get memory for its body was not at fault: it tries again this soon, no backoff. */
    static final Duration BUSY_RETRY = Duration.ofMinutes(1);

    private final Fetcher fetcher;
    private final SourceItemStore items;
    private final LanguageResolver languages;
    private final FullTextExtractor fullText;
    private final Clock clock;
    private final ProblemLog problems;
    private final PushChannel push;
    private final Metrics metrics;
    private final Consumer<List<SourceItem>> onStored;

    public SourceRefresher(Fetcher fetcher, SourceItemStore items, LanguageDetector detector, Clock clock) {
        this(fetcher, items, detector, clock, PushChannel.NONE, Metrics.none(), stored -> {});
    }

    /**
     * @param push     told the hub each fetch advertises, and asked for the interval while pushes arrive
     * @param metrics  fetches by outcome, fetch time, poll lag, items stored, parse repairs
     * @param onStored told of each fetch's or push's items once they are committed (event clustering); must not throw
     */
    public SourceRefresher(Fetcher fetcher, SourceItemStore items, LanguageDetector detector, Clock clock, PushChannel push,
                           Metrics metrics, Consumer<List<SourceItem>> onStored) {
        this.onStored = onStored;
        this.metrics = metrics;
        this.fetcher = fetcher;
        this.items = items;
        this.languages = new LanguageResolver(detector);
        this.fullText = new FullTextExtractor(fetcher);
        this.clock = clock;
        this.problems = new ProblemLog(LOG, clock, Duration.ofHours(1));
        this.push = push;
    }

    /**
     * The outcome: the next state, whether stored items changed (feeds must be re-rendered), and for the fetch
     * history the body's size ({@code -1}: no body was read) and how many stored items it updated.
     */
    public record Result(SourceState state, boolean changed, long bytes, int updated) {
        public Result(SourceState state, boolean changed) {
            this(state, changed, -1, 0);
        }
    }

    public Result refresh(SourceSpec spec, Ingest ingest, SourceState prev) {
        Instant now = clock.instant();
        if (prev.nextAttempt() != null) metrics.pollLag(Duration.between(prev.nextAttempt(), now));
        long[] fetchNanos = {-1};
        Result r = attempt(spec, ingest, prev, now, fetchNanos);
        SourceState st = r.state();
        String outcome = st.errorReason() != null ? "error" : st.httpStatus() == 304 ? "not_modified" : "ok";
        metrics.fetched(outcome, st.errorReason(), fetchNanos[0] < 0 ? null : Duration.ofNanos(fetchNanos[0]));
        metrics.itemsStored("poll", st.lastNewItems());
        return r;
    }

    /** One refresh; {@code fetchNanos[0]} gets how long the fetch itself took (left at -1 if it never ran). */
    private Result attempt(SourceSpec spec, Ingest ingest, SourceState prev, Instant now, long[] fetchNanos) {
        try {
            URI target = prev.permanentUrl() != null ? URI.create(prev.permanentUrl()) : spec.url();
            FetchResult fetched;
            ParsedFeed feed = null;
            try (BodyBudget.Lease lease = fetcher.budget().lease()) {
                long start = System.nanoTime();
                try {
                    fetched = fetch(spec, ingest, prev, target, lease);
                } finally {
                    fetchNanos[0] = System.nanoTime() - start;
                }
                if (!fetched.notModified()) feed = parse(spec, ingest, fetched, now);
            }
            String permanent = fetched.permanentRedirect() != null ? fetched.permanentRedirect().toString() : prev.permanentUrl();
            if (feed == null) {
                // a 304 may carry fresher validators; the fetcher falls back to the ones we sent
                return new Result(success(spec, now, 304, fetched.etag(), fetched.lastModified(), permanent, 0,
                        prev.languageNote(), prev.parseNote(), interval(spec, 0)), false, 0, 0);
            }
            Stored stored = store(spec, feed, now);
            if (!"file".equalsIgnoreCase(target.getScheme())) advertise(spec, HubLink.discover(fetched.links(), feed, fetched.finalUrl()));
            return new Result(success(spec, now, 200, fetched.etag(), fetched.lastModified(), permanent,
                    stored.counts().added(), stored.languageNote(), parseNote(feed), interval(spec, stored.counts().added())),
                    stored.counts().changed(), fetched.body().length, stored.counts().updated());
        } catch (FetchException e) {
            if ("busy".equals(e.reason())) {
                problems.warn(spec.id(), "busy", e.getMessage());
                return new Result(busy(spec, prev, now, e.getMessage()), false);
            }
            return new Result(failure(spec, ingest, prev, now, e.httpStatus(), e.reason(), e.getMessage(), e.retryAfter(),
                    "gone".equals(e.reason())), false);
        } catch (FeedParseException e) {
            return new Result(failure(spec, ingest, prev, now, 200, "parse:" + e.reason(), e.getMessage(), null, false), false);
        } catch (StoreException e) {
            LOG.error("source {}: {}", spec.id(), e.getMessage());
            return new Result(failure(spec, ingest, prev, now, 0, "store", "could not store items: " + e.getMessage(), null, false), false);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological input costs one source one attempt (with backoff), never the poller. The
            // message is not logged: library messages may quote a header value.
            String at = String.valueOf(e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            problems.warn(spec.id(), e.getClass().getName() + " at " + at, "unexpected " + e.getClass().getName() + " at " + at);
            return new Result(failure(spec, ingest, prev, now, 0, "internal", "internal error: " + e.getClass().getSimpleName(), null, false), false);
        }
    }

    /** What storing a parsed feed did: item counts, and the note on declared languages corrected (or null). */
    private record Stored(SourceItemStore.Counts counts, String languageNote) {}

    /**
     * The items of a parsed feed through the same path every fetch takes — keep/block, full text, language,
     * mapping to karvon's ids, dedup and upsert.
     */
    private Stored store(SourceSpec spec, ParsedFeed feed, Instant now) throws StoreException {
        List<SourceItem> mapped = new ArrayList<>();
        LanguageResolver.Report languageReport = new LanguageResolver.Report();
        // Full text fetched on an earlier poll differs from the feed's own content and is kept; items still
        // carrying the feed's content (new, over the budget last time, or the page failed) are fetched now.
        Map<String, String> stored = spec.fullTextSelector() == null ? Map.of()
                : items.storedContent(spec.id(), feed.items().stream().map(ParsedItem::id).toList());
        int fullTextBudget = MAX_FULL_TEXT_PER_REFRESH;
        boolean privateSource = isPrivateSource(spec);
        for (ParsedItem parsed : feed.items()) {
            ParsedItem p = parsed;
            if (!KeepBlock.passes(spec.keep(), spec.block(), p.title(), p.summary(), p.tags())) continue;
            if (spec.fullTextSelector() != null && p.url() != null) {
                String earlier = stored.get(p.id());
                if (earlier != null && !earlier.equals(p.contentHtml())) {
                    p = withHtml(p, earlier);
                } else if (fullTextBudget-- > 0) {
                    p = withFullText(spec, privateSource, p);
                }
            }
            LanguageResolver.Resolution lang = languages.resolve(p.language(), LanguageResolver.sample(p));
            languageReport.add(lang);
            mapped.add(ItemMapper.map(spec.id(), p, lang.tag(), now));
        }
        SourceItemStore.Counts counts = items.upsert(mapped, now);
        onStored.accept(mapped);
        return new Stored(counts, languageReport.note());
    }

    /** What a pushed feed added: new items, and whether stored items changed (feeds must be re-rendered). */
    public record Pushed(int added, boolean changed) {}

    /**
     * A feed a WebSub hub pushed (its signature already checked): parsed, sanitized, deduplicated and stored exactly
     * as a fetched one, with the same size limit. The source's polling state is not touched.
     *
     * @param baseUrl the topic URL, which relative links in the feed resolve against
     */
    public Pushed ingestPushed(SourceSpec spec, Ingest ingest, byte[] body, String contentType, URI baseUrl)
            throws FeedParseException, StoreException {
        Instant now = clock.instant();
        FetchResult asFetched = new FetchResult(200, body, contentType, null, null, baseUrl, null);
        Stored stored = store(spec, parse(spec, ingest, asFetched, now), now);
        metrics.itemsStored("push", stored.counts().added());
        return new Pushed(stored.counts().added(), stored.counts().changed());
    }

    private void advertise(SourceSpec spec, HubLink link) {
        try {
            push.advertised(spec, link);
        } catch (RuntimeException e) {
            LOG.warn("source {}: websub: {}", spec.id(), e.toString());
        }
    }

    private Duration interval(SourceSpec spec, int newItems) {
        try {
            return push.pollInterval(spec, newItems);
        } catch (RuntimeException e) {
            return spec.interval();
        }
    }

    /**
     * Parses with the size limit the body was read under ({@code ingest.max_body_size}); what ROME warns about on the
     * way is logged once per source and problem an hour, not on every poll.
     */
    private ParsedFeed parse(SourceSpec spec, Ingest ingest, FetchResult fetched, Instant now) throws FeedParseException {
        List<LibraryWarnings.Warning> warned = new ArrayList<>();
        try {
            ParsedFeed feed = LibraryWarnings.collect(warned, () -> new FeedParser(ingest.maxBodyBytes()).parse(fetched.body(),
                    fetched.contentType(), fetched.baseUrl(),
                    new ParseOptions(spec.timezone(), spec.language(), now, MAX_ITEMS_PER_FETCH)));
            for (String w : feed.warnings()) metrics.parseRepair(repairKind(w));
            for (String r : feed.repairs()) metrics.parseRepair(repairKind(r));
            return feed;
        } finally {
            for (LibraryWarnings.Warning w : warned) {
                metrics.parseRepair("library");
                problems.warn(spec.id(), w.key(), "feed problem: " + w.text() + (w.count() > 1 ? ", " + w.count() + " times" : ""));
            }
        }
    }

    /**
     * The kind of a parser warning or repair, as a metrics label (they are sentences; the set of kinds is fixed).
     */
    static String repairKind(String warning) {
        if (warning.startsWith("doctype")) return "doctype";
        if (warning.startsWith("undefined entities")) return "entities";
        if (warning.startsWith("ill-formed xml rebuilt")) return "xml_rebuilt";
        if (warning.startsWith("undeclared namespace") || warning.contains(" read as Atom")) return "namespaces";
        if (warning.contains("UTF-8") || warning.contains("byte-order mark") || warning.contains("byte sequence")) return "encoding";
        if (warning.startsWith("elements nested deeper")) return "depth";
        if (warning.contains("older items dropped")) return "items_capped";
        if (warning.contains("duplicate or surplus items dropped")) return "duplicates";
        return "other";
    }

    private FetchResult fetch(SourceSpec spec, Ingest ingest, SourceState prev, URI target, BodyBudget.Lease lease)
            throws FetchException {
        if ("file".equalsIgnoreCase(target.getScheme())) {
            long deadline = System.nanoTime() + ingest.fetchTimeout().toNanos();
            return new DropFolderReader(ingest.dropFolders(), ingest.maxBodyBytes()).read(target, prev.lastModified(), lease, deadline);
        }
        // Trust (extra headers such as API keys, an intranet address) belongs to the configured host only, not to
        // wherever a remembered permanent redirect points.
        boolean configuredHost = target.getHost() != null && target.getHost().equalsIgnoreCase(spec.url().getHost());
        Map<String, String> headers = configuredHost ? spec.headers() : Map.of();
        return fetcher.fetch(new FetchRequest(target, prev.etag(), prev.lastModified(), spec.userAgent(), headers,
                configuredHost && isPrivateSource(spec)), lease);
    }

    /** New items only, and a failure costs only the full text: the feed's own content stays. */
    private ParsedItem withFullText(SourceSpec spec, boolean privateSource, ParsedItem p) {
        try {
            String html = fullText.extract(spec.url(), privateSource, p.url(), spec.fullTextSelector(), spec.userAgent(), spec.headers());
            return html == null ? p : withHtml(p, html);
        } catch (FetchException e) {
            LOG.debug("source {}: full text of {}: {}", spec.id(), p.url(), e.getMessage());
            return p;
        }
    }

    private static ParsedItem withHtml(ParsedItem p, String html) {
        return p.withContent(html, Jsoup.parse(html).text());
    }

    /**
     * An admin may configure an intranet source (an address literal, localhost, or {@code private_network: true});
     * then, and only then, private addresses are allowed for it.
     */
    static boolean isPrivateSource(SourceSpec spec) {
        return spec.privateNetwork() || AddressGuard.namesPrivateAddress(spec.url().getHost());
    }

    /** What /api/sources says about a feed that parsed: what needed repair, and items ordered by first-seen time. */
    static String parseNote(ParsedFeed feed) {
        List<String> parts = new ArrayList<>(2);
        if (!feed.repairs().isEmpty()) parts.add("repaired: " + String.join("; ", feed.repairs()));
        long undated = feed.items().stream().filter(i -> ItemFlag.undated(i.flags())).count();
        if (undated > 0) {
            parts.add(undated + (undated == 1 ? " item has" : " items have") + " no usable date (missing, unreadable or"
                    + " in the future) and " + (undated == 1 ? "is" : "are") + " ordered by when karvon first saw "
                    + (undated == 1 ? "it" : "them"));
        }
        return parts.isEmpty() ? null : String.join(". ", parts);
    }

    private static SourceState success(SourceSpec spec, Instant now, int status, String etag, String lastModified,
                                       String permanent, int added, String languageNote, String parseNote, Duration interval) {
        return new SourceState(spec.id(), spec.url().toString(), etag, lastModified, permanent, now, now, status,
                null, null, now.plus(jittered(interval, spec.id(), now)), 0, false, added, languageNote, parseNote);
    }

    private static SourceState failure(SourceSpec spec, Ingest ingest, SourceState prev, Instant now, int status,
                                       String reason, String message, Instant retryAfter, boolean gone) {
        int failures = prev.failures() + 1;
        Duration wait = Backoff.after(failures, spec.interval(), ingest.maxBackoff(), spec.id().hashCode());
        Instant next = now.plus(wait);
        if (retryAfter != null && retryAfter.isAfter(next)) next = retryAfter;
        if (gone) next = null;
        return new SourceState(spec.id(), spec.url().toString(), prev.etag(), prev.lastModified(), prev.permanentUrl(),
                now, prev.lastSuccess(), status, message, reason.toLowerCase(Locale.ROOT), next, failures, gone,
                0, prev.languageNote(), prev.parseNote());
    }

    /** Our own memory was short, not the source at fault: the error shows, the failure count and backoff stay. */
    private static SourceState busy(SourceSpec spec, SourceState prev, Instant now, String message) {
        return new SourceState(spec.id(), spec.url().toString(), prev.etag(), prev.lastModified(), prev.permanentUrl(),
                now, prev.lastSuccess(), 0, message, "busy", now.plus(BUSY_RETRY), prev.failures(), false,
                0, prev.languageNote(), prev.parseNote());
    }

    /** ±10% so that sources added together do not stay in lock-step. */
    static Duration jittered(Duration interval, String id, Instant now) {
        long ms = interval.toMillis();
        long spread = ms / 10;
        long h = (id.hashCode() * 31L + now.getEpochSecond()) & 0x7fffffff;
        return Duration.ofMillis(ms - spread + (spread == 0 ? 0 : h % (2 * spread)));
    }
}
