package uz.karvon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uz.karvon.ingest.FeedPreview;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Run feeds (files, folders or http(s) URLs) through karvon's fetch/parse/normalize pipeline and print",
                "each as one line of JSON Feed 1.1 (NDJSON when there are several), in input order.",
                "An input that cannot be parsed prints {\"_karvon\":{\"input\":…,\"error\":…}} in its place; exit code 1."})
final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE|DIR|URL", arity = "1..*", description = "inputs; a folder stands for the feed files in it, sorted by name")
    List<String> inputs;

    @Option(names = "--timezone", defaultValue = "Asia/Tashkent", description = "zone for dates without an offset (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--language", description = "declared language (BCP 47) used when the feed has none")
    String language;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        int failures = 0;
        List<String> all = expand(inputs);
        // Inputs are parsed in parallel and printed in input order; the window bounds memory on huge lists.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "karvon-parse");
            t.setDaemon(true);
            return t;
        });
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), Clock.systemUTC())) {
            FeedPreview preview = new FeedPreview(fetcher, Clock.systemUTC());
            java.util.ArrayDeque<java.util.concurrent.Future<FeedPreview.Outcome>> window = new java.util.ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < all.size(); done++) {
                while (next < all.size() && window.size() < threads * 4) {
                    String input = all.get(next++);
                    window.add(pool.submit(() -> preview.run(input, zone, language)));
                }
                String input = all.get(done);
                FeedPreview.Outcome o;
                try {
                    o = window.poll().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    o = new FeedPreview.Outcome(null, "internal error: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                if (o.json() != null) {
                    out.println(o.json());
                } else {
                    failures++;
                    System.err.println("karvon parse: " + input + ": " + o.error());
                    out.println(JSON.createObjectNode().set("_karvon",
                            JSON.createObjectNode().put("input", input).put("error", o.error())).toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private static List<String> expand(List<String> inputs) throws IOException {
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = looksLikeUrl(in) ? null : Path.of(in);
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

    static boolean looksLikeUrl(String s) {
        try {
            URI u = new URI(s);
            return u.getScheme() != null && u.getScheme().length() > 1;
        } catch (Exception e) {
            return false;
        }
    }
}
