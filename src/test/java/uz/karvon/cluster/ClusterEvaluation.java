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
        if (List.of(args).contains("--pairs")) {
            pairs(items, out);
        }
    }

    /**
     * Every pair within the time window, scored alone (document frequencies from the whole file): how the
     * vetoes and thresholds split same-event pairs from different-event ones.
     */
    static void pairs(List<Labelled> items, PrintStream out) {
        FeatureExtractor fx = new FeatureExtractor(Gazetteer.standard());
        ClusterSettings settings = ClusterSettings.defaults();
        PairScorer scorer = new PairScorer(settings);
        List<Features> fs = items.stream().map(l -> fx.extract(l.story())).toList();
        Map<String, Integer> df = new java.util.HashMap<>();
        for (Features f : fs) {
            f.anchors().forEach(k -> df.merge(k, 1, Integer::sum));
            f.terms().keySet().forEach(k -> df.merge(k, 1, Integer::sum));
        }
        double n = fs.size() + 50;
        java.util.function.ToDoubleFunction<String> idf = k -> Math.log(n / (df.getOrDefault(k, 0) + 1));
        Map<String, Integer> same = new TreeMap<>();
        Map<String, Integer> different = new TreeMap<>();
        Map<String, int[]> histogram = new TreeMap<>();
        for (int i = 0; i < fs.size(); i++) {
            for (int j = i + 1; j < fs.size(); j++) {
                Features a = fs.get(i);
                Features b = fs.get(j);
                if (Math.abs(a.time() - b.time()) > settings.window().toSeconds()) {
                    continue;
                }
                String veto = scorer.contradicts(a, b);
                Window.Member m = new Window.Member(b, "", 0, PairScorer.norm(b.terms(), idf));
                boolean match = scorer.score(a, PairScorer.norm(a.terms(), idf), m, idf) >= 0;
                String kind = (a.group() == b.group() ? "same-language " : "cross-language ")
                        + (match ? "scored as match" : "scored apart") + (veto == null ? "" : ", veto " + veto);
                boolean gold = items.get(i).event().equals(items.get(j).event());
                (gold ? same : different).merge(kind, 1, Integer::sum);
                if (veto == null && a.group() != b.group()) {
                    double[] ev = scorer.anchorEvidence(a, b, idf);
                    int strong = (int) Math.min(ev[1], 2);
                    int bucket = (int) Math.min(9, ev[0] * 10);
                    histogram.computeIfAbsent((gold ? "same " : "diff ") + strong + "+ strong", k -> new int[10])[bucket]++;
                    if (!gold && ev[1] >= 1 && ev[0] >= 0.5) {
                        out.printf(Locale.ROOT, "  different events, close %s %s/%s: %s | %s%n", java.util.Arrays.toString(ev),
                                items.get(i).story().id(), items.get(j).story().id(), items.get(i).story().title(), items.get(j).story().title());
                    }
                }
                if (gold && (veto != null || !match) || !gold && match && veto == null) {
                    out.printf(Locale.ROOT, "  %s %s: %s | %s%n", gold ? (veto != null ? "same event, vetoed (" + veto + ")"
                                    : "same event, apart (" + java.util.Arrays.toString(scorer.anchorEvidence(a, b, idf)) + ")")
                                    : "different events, matched",
                            items.get(i).story().id() + "/" + items.get(j).story().id(),
                            items.get(i).story().title(), items.get(j).story().title());
                }
            }
        }
        out.println("cross-language pairs without veto, by anchor similarity 0.0-0.1 … 0.9-1.0:");
        histogram.forEach((k, v) -> out.println("  " + k + " " + java.util.Arrays.toString(v)));
        out.println("same-event pairs: " + same);
        out.println("different-event pairs within the window: " + different);
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

    /** The items in the order they arrive when each comes up to twelve hours after publication (seeded). */
    static List<Labelled> reordered(List<Labelled> items, long seed) {
        Random random = new Random(seed);
        Map<Labelled, Long> arrival = new java.util.HashMap<>();
        for (Labelled l : items) {
            arrival.put(l, l.story().published().getEpochSecond() + random.nextInt(12 * 3600));
        }
        List<Labelled> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(arrival::get));
        return copy;
    }

    /**
     * The same items in other arrival orders (seeded): each story arrives up to twelve hours after it was
     * published, at random, as slow feeds and polling bring them; how much the result depends on who comes first.
     */
    static void shuffled(List<Labelled> items, int orders, PrintStream out) {
        double minP = 1;
        double minF = 1;
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        for (int seed = 1; seed <= orders; seed++) {
            List<Labelled> copy = reordered(items, seed);
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
