package uz.karvon.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.StoreException;

/**
 * Loads a JSON array or NDJSON stream of articles through {@link ArticleIntake}, streamed (a file of a million
 * articles is never in memory) and stored in transactions of {@link #BATCH} records: good records are stored,
 * bad ones are reported with their line number and nothing of them is stored. A {@link Listener} hears every
 * problem in line order and the progress after every batch.
 */
public final class ArticleImporter {
    /** Records per transaction: one fsync per batch instead of per record, and short enough not to block the server. */
    public static final int BATCH = 500;
    /** Problems kept in the report; all are counted and all reach the listener. */
    static final int KEPT_PROBLEMS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For NDJSON: trailing tokens fail, so two records on one line cannot silently lose the second. */
    private static final ObjectMapper ONE_PER_LINE = JSON.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ArticleIntake intake;

    public ArticleImporter(ArticleIntake intake) {
        this.intake = intake;
    }

    public record Problem(int line, String message) {}

    /** @param problems the first {@value #KEPT_PROBLEMS} problems; {@code problemCount} counts them all */
    public record Report(int stored, int unchanged, List<Problem> problems, int problemCount) {}

    /**
     * Where the import is: records read so far, their outcomes, how many bytes of the input were read, and whether
     * this is the end of the input.
     */
    public record Progress(long records, long stored, long unchanged, long problems, long bytesRead, boolean finished) {}

    public interface Listener {
        Listener NONE = new Listener() {};

        default void problem(Problem p) {}

        default void progress(Progress p) {}
    }

    public Report load(InputStream in) throws IOException, StoreException {
        return load(in, Listener.NONE);
    }

    public Report load(InputStream in, Listener listener) throws IOException, StoreException {
        Counting counted = new Counting(in);
        BufferedInputStream body = new BufferedInputStream(counted, 1 << 16);
        body.mark(3);
        byte[] bom = body.readNBytes(3);
        boolean hasBom = bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF;
        if (!hasBom) body.reset();
        // The format is decided by the first non-blank byte; it is read ahead and put back, so line numbers stay true.
        body.mark(1 << 20);
        int first;
        long blank = 0;
        while ((first = body.read()) >= 0 && Character.isWhitespace(first) && ++blank < (1 << 20)) {
            // skip leading blanks
        }
        body.reset();
        Run run = new Run(listener, counted);
        if (first == '[') loadArray(body, run); else loadLines(body, run);
        run.finished = true;
        run.flush();
        return new Report((int) run.stored, (int) run.unchanged, List.copyOf(run.kept), (int) run.problems);
    }

    private void loadArray(InputStream in, Run run) throws IOException, StoreException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            parser.nextToken();
            while (true) {
                JsonToken t;
                try {
                    t = parser.nextToken();
                } catch (JsonProcessingException e) {
                    run.flush();
                    run.problem(new Problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage()));
                    break;
                }
                if (t == null || t == JsonToken.END_ARRAY) break;
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node;
                try {
                    node = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    run.flush();
                    run.problem(new Problem(line, "invalid JSON: " + e.getOriginalMessage()));
                    break;
                }
                run.add(line, node, null);
            }
        }
    }

    private void loadLines(InputStream in, Run run) throws IOException, StoreException {
        int lineNo = 0;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                run.add(lineNo, ONE_PER_LINE.readTree(line), null);
            } catch (JsonProcessingException e) {
                String why = e.getOriginalMessage().startsWith("Trailing token")
                        ? "more than one JSON value on the line; NDJSON holds one record per line" : e.getOriginalMessage();
                run.add(lineNo, null, "invalid JSON: " + why);
            }
        }
    }

    /** One import: the batch being filled, the counts, the problems in line order. */
    private final class Run {
        private final Listener listener;
        private final Counting counted;
        private final List<Integer> lines = new ArrayList<>();
        private final List<JsonNode> nodes = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final List<Problem> kept = new ArrayList<>();
        private long records, stored, unchanged, problems;
        private boolean finished;

        Run(Listener listener, Counting counted) {
            this.listener = listener;
            this.counted = counted;
        }

        /** A record read at {@code line}: a JSON value, or the error that kept it from being one. */
        void add(int line, JsonNode node, String error) throws StoreException {
            lines.add(line);
            nodes.add(node);
            errors.add(error);
            if (lines.size() >= BATCH) flush();
        }

        void flush() throws StoreException {
            if (lines.isEmpty() && !finished) return;
            List<JsonNode> valid = new ArrayList<>();
            for (JsonNode n : nodes) if (n != null) valid.add(n);
            List<ArticleIntake.Outcome> outcomes = valid.isEmpty() ? List.of() : intake.submitAll(valid);
            int next = 0;
            for (int i = 0; i < lines.size(); i++) {
                records++;
                if (nodes.get(i) == null) {
                    problem(new Problem(lines.get(i), errors.get(i)));
                    continue;
                }
                ArticleIntake.Outcome o = outcomes.get(next++);
                if (o instanceof ArticleIntake.Rejected rej) {
                    JsonNode node = nodes.get(i);
                    String id = node.path("id").isTextual() ? " (id " + node.get("id").asText() + ")" : "";
                    for (FieldError e : rej.errors()) problem(new Problem(lines.get(i), e.field() + ": " + e.message() + id));
                } else if (((ArticleIntake.Accepted) o).outcome() == ArticleStore.Outcome.UNCHANGED) {
                    unchanged++;
                } else {
                    stored++;
                }
            }
            lines.clear();
            nodes.clear();
            errors.clear();
            listener.progress(new Progress(records, stored, unchanged, problems, counted.count, finished));
        }

        void problem(Problem p) {
            problems++;
            if (kept.size() < KEPT_PROBLEMS) kept.add(p);
            listener.problem(p);
        }
    }

    /** Counts the bytes read from the input, for progress against the file's size. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
