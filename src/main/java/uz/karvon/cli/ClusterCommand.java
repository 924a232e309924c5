package uz.karvon.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uz.karvon.cluster.Assignment;
import uz.karvon.cluster.ClusterSettings;
import uz.karvon.cluster.EventClusterer;
import uz.karvon.cluster.Gazetteer;
import uz.karvon.cluster.GazetteerException;
import uz.karvon.cluster.StoryJson;
import uz.karvon.config.Durations;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Group stories that report the same event, across languages: reads one JSON object per line",
                "({\"id\", \"lang\", \"source\", \"published\", \"title\", \"summary\"}) and prints one cluster id per line, in order.",
                "Stories are compared in the order given, as the server compares them on arrival.",
                "A bad line prints an empty line, an error naming it on stderr, and makes the exit code 1."})
final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "extra gazetteer file (format: see src/main/resources/cluster/gazetteer.txt); repeatable")
    List<Path> gazetteers = new ArrayList<>();

    @Option(names = "--window", paramLabel = "DURATION", converter = DurationOption.class,
            description = "stories further apart in time are never one event (default: 36h)")
    Duration window;

    @Option(names = "--explain", description = "after each id, a tab, the id of the earlier story matched ('-' for a new cluster) and the score")
    boolean explain;

    /** feeds.yml's duration syntax: 36h, 90m, 2d, PT36H. */
    static final class DurationOption implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = Durations.parse(value);
            if (d == null || d.isZero() || d.isNegative()) {
                throw new CommandLine.TypeConversionException("expected " + Durations.ACCEPTED + ", got '" + value + "'");
            }
            return d;
        }
    }

    @Override
    public Integer call() throws Exception {
        Gazetteer gazetteer;
        try {
            gazetteer = Gazetteer.withFiles(gazetteers);
        } catch (GazetteerException e) {
            System.err.println("karvon cluster: gazetteer " + e.getMessage());
            return 2;
        }
        ClusterSettings settings = window == null ? ClusterSettings.defaults() : ClusterSettings.defaults().withWindow(window);
        EventClusterer clusterer = new EventClusterer(settings, gazetteer);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int bad = 0;
        int number = 0;
        for (String line; (line = in.readLine()) != null; ) {
            number++;
            if (line.isBlank()) {
                out.println();
                continue;
            }
            try {
                Assignment a = clusterer.add(StoryJson.parse(line).story());
                out.println(explain ? a.clusterId() + "\t" + (a.matchedId() == null ? "-" : a.matchedId())
                        + String.format(Locale.ROOT, "\t%.3f", a.score()) : a.clusterId());
            } catch (StoryJson.BadLine e) {
                bad++;
                out.println();
                out.flush();   // stdout and stderr stay in order on a terminal
                System.err.println("karvon cluster: line " + number + ": " + e.getMessage());
            }
        }
        out.flush();
        if (out.checkError()) {
            System.err.println("karvon cluster: cannot write to standard output");
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }
}
