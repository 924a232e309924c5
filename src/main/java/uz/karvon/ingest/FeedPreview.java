package uz.karvon.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import uz.karvon.ingest.fetch.AddressGuard;
import uz.karvon.ingest.fetch.FetchException;
import uz.karvon.ingest.fetch.FetchRequest;
import uz.karvon.ingest.fetch.FetchResult;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.ingest.parse.FeedParseException;
import uz.karvon.ingest.parse.FeedParser;
import uz.karvon.ingest.parse.JsonFeedWriter;
import uz.karvon.ingest.parse.ParseOptions;
import uz.karvon.ingest.parse.ParsedFeed;
import uz.karvon.ingest.parse.ParsedItem;
import uz.karvon.lang.LanguageDetector;

/**
 * What karvon would make of a feed, without storing anything: the same fetch, parse and language steps as a
 * source refresh, printed as JSON Feed. Backs the {@code parse} command.
 */
public final class FeedPreview {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    private final Fetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final LanguageResolver languages = new LanguageResolver(LanguageDetector.standard());
    private final Clock clock;

    /** {@code fetcher} may be null when every input is a file: http(s) inputs then fail with a clear error. */
    public FeedPreview(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Either {@code json} (one line of JSON Feed 1.1, UTF-8, no line break) or {@code error} (plain words);
     * {@code repairs} says what had to be repaired for the feed to be read (empty when nothing was).
     */
    public record Outcome(byte[] json, String error, List<String> repairs) {
        public Outcome(byte[] json, String error) {
            this(json, error, List.of());
        }
    }

    public Outcome run(String input, ZoneId zone, String declaredLanguage) {
        return run(input, zone, declaredLanguage, null);
    }

    /**
     * @param baseUrl for files: the URL they were saved from, against which relative links resolve (a file's
     *                own {@code file:} URL otherwise); ignored for http(s) inputs, which resolve against the URL
     *                that answered
     */
    public Outcome run(String input, ZoneId zone, String declaredLanguage, String baseUrl) {
        Instant now = clock.instant();
        try {
            byte[] body;
            String contentType = null;
            String base;
            if (isUrl(input)) {
                if (fetcher == null) return new Outcome(null, "cannot fetch URLs here");
                URI u = URI.create(input);
                FetchResult r = fetcher.fetch(new FetchRequest(u, null, null, null, Map.of(), AddressGuard.namesPrivateAddress(u.getHost())));
                body = r.body();
                contentType = r.contentType();
                base = r.baseUrl();
            } else {
                Path p = pathOf(input);
                body = Files.readAllBytes(p);
                base = baseUrl != null ? baseUrl : p.toAbsolutePath().toUri().toString();
            }
            ParsedFeed feed = parser.parse(body, contentType, base, new ParseOptions(zone, declaredLanguage, now, ParseOptions.DEFAULT_MAX_ITEMS));
            return new Outcome(JsonFeedWriter.toJsonBytes(withLanguages(feed)), null, feed.repairs());
        } catch (FetchException | FeedParseException e) {
            return new Outcome(null, e.getMessage());
        } catch (NoSuchFileException e) {
            return new Outcome(null, "no such file");
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ParsedFeed withLanguages(ParsedFeed f) {
        List<ParsedItem> items = new ArrayList<>(f.items().size());
        for (ParsedItem i : f.items()) {
            String tag = languages.resolve(i.language(), LanguageResolver.sample(i)).tag();
            items.add(ItemMapper.spelled(Objects.equals(tag, i.language()) ? i : i.withLanguage(tag), tag));
        }
        return f.withItems(items);
    }

    /** True for inputs {@link #run} fetches (http and https URLs) rather than reads from disk. */
    public static boolean isUrl(String input) {
        String scheme = scheme(input);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** The local file an input names (a path or a file: URL); for http(s) URLs, null. */
    public static Path pathOf(String input) {
        if (isUrl(input)) return null;
        return scheme(input).equals("file") ? Path.of(URI.create(input)) : Path.of(input);
    }

    private static String scheme(String input) {
        int colon = input.indexOf(':');
        if (colon <= 1) return "";
        String s = input.substring(0, colon).toLowerCase(Locale.ROOT);
        return SCHEME.matcher(s).matches() ? s : "";
    }
}
