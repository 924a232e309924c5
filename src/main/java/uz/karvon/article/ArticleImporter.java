package uz.karvon.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.StoreException;

/**
 * Loads a JSON array or NDJSON stream of articles through {@link ArticleIntake}, one record at a time:
 * good records are stored, bad ones are reported with their line number and nothing of them is stored.
 */
public final class ArticleImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For NDJSON: trailing tokens fail, so two records on one line cannot silently lose the second. */
    private static final ObjectMapper ONE_PER_LINE = JSON.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ArticleIntake intake;

    public ArticleImporter(ArticleIntake intake) {
        this.intake = intake;
    }

    public record Problem(int line, String message) {}

    public record Report(int stored, int unchanged, List<Problem> problems) {}

    public Report load(InputStream in) throws IOException, StoreException {
        // Import files are read whole: the format is decided by the first non-blank byte, and line
        // numbers must stay true, so leading blank lines are kept.
        byte[] bytes = in.readAllBytes();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        int i = start;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) i++;
        InputStream body = new ByteArrayInputStream(bytes, start, bytes.length - start);
        return i < bytes.length && bytes[i] == '[' ? loadArray(body) : loadLines(body);
    }

    private Report loadArray(InputStream in) throws IOException, StoreException {
        int stored = 0, unchanged = 0;
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            parser.nextToken();
            while (true) {
                JsonToken t;
                try {
                    t = parser.nextToken();
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage()));
                    break;
                }
                if (t == null || t == JsonToken.END_ARRAY) break;
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node;
                try {
                    node = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(line, "invalid JSON: " + e.getOriginalMessage()));
                    break;
                }
                int[] counts = submit(node, line, problems);
                stored += counts[0];
                unchanged += counts[1];
            }
        }
        return new Report(stored, unchanged, problems);
    }

    private Report loadLines(InputStream in) throws IOException, StoreException {
        int stored = 0, unchanged = 0, lineNo = 0;
        List<Problem> problems = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = ONE_PER_LINE.readTree(line);
            } catch (JsonProcessingException e) {
                String why = e.getOriginalMessage().startsWith("Trailing token")
                        ? "more than one JSON value on the line; NDJSON holds one record per line" : e.getOriginalMessage();
                problems.add(new Problem(lineNo, "invalid JSON: " + why));
                continue;
            }
            int[] counts = submit(node, lineNo, problems);
            stored += counts[0];
            unchanged += counts[1];
        }
        return new Report(stored, unchanged, problems);
    }

    private int[] submit(JsonNode node, int line, List<Problem> problems) throws StoreException {
        ArticleIntake.Outcome o = intake.submit(node);
        if (o instanceof ArticleIntake.Rejected rej) {
            String id = node.path("id").isTextual() ? " (id " + node.get("id").asText() + ")" : "";
            for (FieldError e : rej.errors()) problems.add(new Problem(line, e.field() + ": " + e.message() + id));
            return new int[] {0, 0};
        }
        return ((ArticleIntake.Accepted) o).outcome() == ArticleStore.Outcome.UNCHANGED
                ? new int[] {0, 1} : new int[] {1, 0};
    }
}
