package uz.karvon.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.karvon.ingest.FeedPreview;
import uz.karvon.ingest.parse.JsonFeedWriter;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;
import uz.karvon.lang.LangTags;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Run feeds (files, folders or http(s) URLs) through karvon's fetch/parse/normalize pipeline and print",
                "each as one line of JSON Feed 1.1 (NDJSON when there are several), in input order.",
                "An input that cannot be parsed prints {\"_karvon\":{\"input\":…,\"error\":…}} in its place; exit code 1.",
                "A feed that was read only after repairs (ill-formed XML, bad bytes, undeclared namespaces…) says what",
                "was repaired on stderr; its exit code stays 0."})
final class ParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR|URL", arity = "1..*", description = "inputs; a folder stands for the feed files in it, sorted by name")
    List<String> inputs;

    @Option(names = "--timezone", defaultValue = "Asia/Tashkent", description = "zone for dates without an offset (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--language", converter = LanguageTag.class,
            description = "declared language (BCP 47, e.g. uz-Latn) used when the feed has none")
    String language;

    @Option(names = "--base-url", paramLabel = "URL", converter = BaseUrl.class,
            description = "for files saved from the web: the http(s) URL they came from, against which relative links resolve")
    String baseUrl;

    /** An absolute http(s) URL. */
    static final class BaseUrl implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                java.net.URI u = new java.net.URI(value.strip());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return u.toString();
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not an absolute http(s) URL (for example https://kun.uz/news/rss)");
        }
    }

    /** A well-formed BCP 47 tag of a known language, in canonical form (uz-latn → uz-Latn). */
    static final class LanguageTag implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String tag = LangTags.normalize(value);
            if (tag == null) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a BCP 47 language tag (for example uz-Latn, ru, zh-Hans)");
            }
            return tag;
        }
    }

    @Override
    public Integer call() throws IOException {
        List<String> all = expand(inputs);
        // OkHttp's client costs a third of a second to start: only when some input is a URL
        try (Fetcher fetcher = all.stream().anyMatch(FeedPreview::isUrl) ? new Fetcher(FetchSettings.defaults(), Clock.systemUTC()) : null;
             OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
            return print(all, new FeedPreview(fetcher, Clock.systemUTC()), out);
        } catch (IOException e) {
            // stdout closed early (`parse … | head`): stop quietly, as a pipe's reader expects; anything else is said
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) return 141;
            System.err.println("karvon parse: cannot write to standard output: " + e.getMessage());
            return 1;
        }
    }

    /** Parses the inputs in parallel and prints them in input order; the window bounds memory on huge lists. */
    private int print(List<String> all, FeedPreview preview, OutputStream out) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "karvon-parse");
            t.setDaemon(true);
            return t;
        });
        int failures = 0;
        try {
            ArrayDeque<Future<FeedPreview.Outcome>> window = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < all.size(); done++) {
                while (next < all.size() && window.size() < threads * 4) {
                    String input = all.get(next++);
                    window.add(pool.submit(() -> preview.run(input, zone, language, baseUrl)));
                }
                String input = all.get(done);
                FeedPreview.Outcome o;
                try {
                    o = window.poll().get();
                } catch (ExecutionException e) {
                    o = new FeedPreview.Outcome(null, "internal error: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                if (o.json() != null) {
                    if (!o.repairs().isEmpty()) {
                        out.flush();
                        System.err.println("karvon parse: " + input + ": repaired: " + String.join("; ", o.repairs()));
                    }
                    out.write(o.json());
                } else {
                    failures++;
                    out.flush();   // keeps stdout and stderr in order on a terminal
                    System.err.println("karvon parse: " + input + ": " + o.error());
                    out.write(errorLine(input, o.error()));
                }
                out.write('\n');
                out.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        return failures == 0 ? 0 : 1;
    }

    /** {"_karvon":{"input":…,"error":…}}, streamed: databind's ObjectMapper costs a quarter of a second to start. */
    private static byte[] errorLine(String input, String error) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JsonFeedWriter.JSON.createGenerator(b)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_karvon");
            g.writeStringField("input", input);
            g.writeStringField("error", error);
            g.writeEndObject();
            g.writeEndObject();
        }
        return b.toByteArray();
    }

    /** A folder stands for the regular files in it, sorted by name; anything else goes to the preview as given. */
    private static List<String> expand(List<String> inputs) throws IOException {
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            Path p;
            try {
                p = FeedPreview.pathOf(in);
            } catch (RuntimeException e) {
                p = null;   // not a usable path: the preview reports it in its place
            }
            if (p != null && Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(out::add);
                }
            } else {
                out.add(in);
            }
        }
        return out;
    }
}
