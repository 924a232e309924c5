package uz.karvon.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Scores the clusterer on a labelled file (JSON lines with a gold {@code event} field): B-cubed precision,
 * recall and F1 overall, per language pair, and over shuffled arrival orders.
 *
 * <pre>java -cp target/karvon.jar:target/test-classes uz.karvon.cluster.ClusterEvaluation FILE [--errors] [--orders N]</pre>
 */
public final class ClusterEvaluation {

    record Labelled(Story story, String lang, String event) {}

    record Result(List<Labelled> items, List<String> predicted, List<Assignment> assignments) {
        BCubed score() {
            return BCubed.of(gold(), predicted, IntStream.range(0, items.size()).boxed().toList());
        }

        List<String> gold() {
            return items.stream().map(Labelled::event).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean errors = List.of(args).contains("--errors");
        int orders = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--orders")) {
                orders = Integer.parseInt(args[i + 1]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Labelled> items = read(file);
        Result r = run(items, EventClusterer.standard());
        report(r, out);
        if (errors) {
            printErrors(r, out);
        }
        if (orders > 0) {
            shuffled(items, orders, out);
        }
    }

    /** Reads the file in published order (ties by line order): the order a live stream would bring them. */
    static List<Labelled> read(Path file) throws IOException, StoryJson.BadLine {
        List<Labelled> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            StoryJson.Parsed p;
            try {
                p = StoryJson.parse(line);
            } catch (StoryJson.BadLine e) {
                throw new StoryJson.BadLine(file + ":" + n + ": " + e.getMessage());
            }
            out.add(new Labelled(p.story(), p.fields().getOrDefault("lang", "und"), p.fields().get("event")));
        }
        out.sort(Comparator.comparing((Labelled l) -> l.story().published()));
        return out;
    }

    static Result run(List<Labelled> items, EventClusterer clusterer) {
        List<String> predicted = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        for (Labelled l : items) {
            Assignment a = clusterer.add(l.story());
            assignments.add(a);
            predicted.add(a.clusterId());
        }
        return new Result(items, predicted, assignments);
    }

    static void report(Result r, PrintStream out) {
        BCubed all = r.score();
        out.printf(Locale.ROOT, "items %d, gold events %d, predicted clusters %d%n", r.items().size(),
                r.gold().stream().distinct().count(), r.predicted().stream().distinct().count());
        out.printf(Locale.ROOT, "overall  B3 precision %.4f  recall %.4f  F1 %.4f%n", all.precision(), all.recall(), all.f1());
        List<String> langs = r.items().stream().map(Labelled::lang).distinct().sorted().toList();
        out.println("per language pair (items of the two languages only):");
        out.printf(Locale.ROOT, "  %-16s %5s %9s %9s %9s%n", "pair", "items", "precision", "recall", "F1");
        for (int i = 0; i < langs.size(); i++) {
            for (int j = i; j < langs.size(); j++) {
                String a = langs.get(i);
                String b = langs.get(j);
                List<Integer> keep = IntStream.range(0, r.items().size())
                        .filter(k -> r.items().get(k).lang().equals(a) || r.items().get(k).lang().equals(b)).boxed().toList();
                BCubed s = BCubed.of(r.gold(), r.predicted(), keep);
                out.printf(Locale.ROOT, "  %-16s %5d %9.4f %9.4f %9.4f%n", a.equals(b) ? a : a + " + " + b, s.items(),
                        s.precision(), s.recall(), s.f1());
            }
        }
    }

    /** Wrong merges (a predicted cluster holding two events) and missed links (an event split over clusters). */
    static void printErrors(Result r, PrintStream out) {
        Map<String, List<Integer>> byPred = new TreeMap<>();
        Map<String, List<Integer>> byGold = new TreeMap<>();
        for (int i = 0; i < r.items().size(); i++) {
            byPred.computeIfAbsent(r.predicted().get(i), k -> new ArrayList<>()).add(i);
            byGold.computeIfAbsent(r.items().get(i).event(), k -> new ArrayList<>()).add(i);
        }
        out.println("wrong merges:");
        byPred.forEach((c, list) -> {
            if (list.stream().map(i -> r.items().get(i).event()).distinct().count() > 1) {
                list.forEach(i -> out.println("  " + c + "  " + line(r, i)));
                out.println();
            }
        });
        out.println("split events:");
        byGold.forEach((e, list) -> {
            if (list.stream().map(i -> r.predicted().get(i)).distinct().count() > 1) {
                list.forEach(i -> out.println("  " + r.predicted().get(i) + "  " + line(r, i)));
                out.println();
            }
        });
    }

    private static String line(Result r, int i) {
        Labelled l = r.items().get(i);
        Assignment a = r.assignments().get(i);
        String t = l.story().title();
        return String.format(Locale.ROOT, "%-22s %-8s %-28s %s%s", l.event(), l.lang(), l.story().id(),
                t.length() > 70 ? t.substring(0, 70) : t, a.matchedId() == null ? "" : String.format(Locale.ROOT, "  <- %s %.2f", a.matchedId(), a.score()));
    }

    /** The same items in random arrival orders (seeded): how much the result depends on who reports first. */
    static void shuffled(List<Labelled> items, int orders, PrintStream out) {
        double minP = 1;
        double minF = 1;
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        for (int seed = 1; seed <= orders; seed++) {
            List<Labelled> copy = new ArrayList<>(items);
            java.util.Collections.shuffle(copy, new Random(seed));
            BCubed s = run(copy, EventClusterer.standard()).score();
            minP = Math.min(minP, s.precision());
            minF = Math.min(minF, s.f1());
            sumP += s.precision();
            sumR += s.recall();
            sumF += s.f1();
        }
        out.printf(Locale.ROOT, "%d shuffled orders: mean precision %.4f recall %.4f F1 %.4f; worst precision %.4f, worst F1 %.4f%n",
                orders, sumP / orders, sumR / orders, sumF / orders, minP, minF);
    }
}
