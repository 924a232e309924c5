package uz.karvon.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs {@link LanguageDetector} over the labelled sets in src/test/resources/lang/ and tabulates the answers:
 * per language right / und / wrong, for all lines and for the one-line headlines, and a confusion table.
 * LanguageDetectorTest holds it to floors; {@link #main} prints the Markdown that BENCHMARKS.md quotes.
 */
final class LanguageEvaluation {

    /** One labelled line: expected tag, kind (h headline, s headline + sentence, or what an und line is), text. */
    record Sample(String tag, String kind, String text) {
    }

    /** Counts for one expected tag. */
    static final class Tally {
        int total;
        int right;
        int und;
        int headlines;
        int headlinesRight;
        final Map<String, Integer> answers = new TreeMap<>();

        int wrong() {
            return total - right - und;
        }
    }

    final Map<String, Tally> byTag = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();

    static LanguageEvaluation run(LanguageDetector detector, List<Sample> samples) {
        LanguageEvaluation e = new LanguageEvaluation();
        for (Sample s : samples) {
            Detection d = detector.identify(s.text());
            Tally t = e.byTag.computeIfAbsent(s.tag(), k -> new Tally());
            t.total++;
            boolean right = d.tag().equals(s.tag());
            if (right) {
                t.right++;
            } else if (!d.known() && !s.tag().startsWith("und")) {
                t.und++;
            }
            if (s.kind().equals("h")) {
                t.headlines++;
                t.headlinesRight += right ? 1 : 0;
            }
            t.answers.merge(d.known() ? d.tag() : "und", 1, Integer::sum);
            if (!right) {
                e.misses.add(String.format(Locale.ROOT, "%s (%s) -> %s %.2f, runner-up %s, margin %.2f : %s",
                        s.tag(), s.kind(), d.tag(), d.confidence(), d.runnerUp(), d.margin(), s.text()));
            }
        }
        return e;
    }

    static List<Sample> read(String resource) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (InputStream in = LanguageEvaluation.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", 3);
                    out.add(new Sample(f[0], f[1], f[2]));
                }
            }
        }
        return out;
    }

    /** Markdown: per-language table, then the confusion table (rows expected, columns answered). */
    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("| expected | lines | right | und | wrong | accuracy | headlines right |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        int total = 0;
        int right = 0;
        int und = 0;
        int headlines = 0;
        int headlinesRight = 0;
        for (Map.Entry<String, Tally> e : byTag.entrySet()) {
            Tally t = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %d/%d |%n", e.getKey(), t.total,
                    t.right, t.und, t.wrong(), 100.0 * t.right / t.total, t.headlinesRight, t.headlines));
            total += t.total;
            right += t.right;
            und += t.und;
            headlines += t.headlines;
            headlinesRight += t.headlinesRight;
        }
        sb.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %d | %.1f %% | %d/%d |%n%n", total, right, und,
                total - right - und, 100.0 * right / total, headlinesRight, headlines));
        TreeSet<String> columns = new TreeSet<>();
        byTag.values().forEach(t -> columns.addAll(t.answers.keySet()));
        sb.append("| expected \\ answered |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|");
        columns.forEach(c -> sb.append("---:|"));
        sb.append('\n');
        byTag.forEach((tag, t) -> {
            sb.append("| ").append(tag).append(" |");
            columns.forEach(c -> {
                Integer n = t.answers.get(c);
                sb.append(' ').append(n == null ? "" : c.equals(tag) ? n.toString() : "**" + n + "**").append(" |");
            });
            sb.append('\n');
        });
        return sb.toString();
    }

    /** Prints the report of both sets, and every miss. */
    public static void main(String[] args) throws IOException {
        LanguageDetector d = LanguageDetector.standard();
        LanguageEvaluation known = run(d, read("/lang/detect-testset.tsv"));
        System.out.println(known.report());
        LanguageEvaluation open = run(d, read("/lang/detect-open-world.tsv"));
        System.out.println(open.report());
        if (args.length > 0 && args[0].equals("--misses")) {
            known.misses.forEach(System.out::println);
            open.misses.forEach(System.out::println);
        }
    }
}
