package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.karvon.ingest.parse.FeedParseException;
import uz.karvon.ingest.parse.FeedParser;
import uz.karvon.ingest.parse.JsonFeedWriter;
import uz.karvon.ingest.parse.ParseOptions;

/**
 * One small fixture per quirk (src/test/resources/ingest/parse/quirks, written by make_quirks.py), each with what
 * {@code karvon parse} must print for it in quirks.tsv: ill-formed XML recovered, every dialect, content construct
 * and encoding, the fields readers show, dates, text rules, and hostile inputs still refused or defanged. The
 * same file drives the corpus count in src/bench/quirk-corpus.sh.
 */
class FeedQuirksTest {
    static final String BASE = "https://quirks.example/feeds/main.xml";
    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");
    static final ObjectMapper JSON = new ObjectMapper();
    static final FeedPreview PREVIEW = new FeedPreview(null, Clock.fixed(NOW, ZoneOffset.UTC));

    static Path dir() {
        try {
            return Path.of(FeedQuirksTest.class.getResource("/ingest/parse/quirks").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> rows() throws IOException {
        return Files.readAllLines(dir().resolve("quirks.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], Arrays.asList(f).subList(2, f.length)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void quirk(String fixture, String contentType, List<String> checks) throws Exception {
        Path file = dir().resolve(fixture).normalize();
        String out;
        String error = null;
        if (contentType.equals("-")) {
            FeedPreview.Outcome o = PREVIEW.run(file.toString(), ZONE, null, BASE);
            out = o.json() == null ? null : new String(o.json(), StandardCharsets.UTF_8);
            error = o.error();
        } else {   // an HTTP header is part of the quirk: straight to the parser, which takes it
            try {
                out = JsonFeedWriter.toJson(new FeedParser().parse(Files.readAllBytes(file), contentType, BASE,
                        new ParseOptions(ZONE, null, NOW, ParseOptions.DEFAULT_MAX_ITEMS)));
            } catch (FeedParseException e) {
                out = null;
                error = e.getMessage();
            }
        }
        JsonNode feed = out == null ? null : JSON.readTree(out);
        SoftAssertions soft = new SoftAssertions();
        for (String check : checks) {
            if (check.startsWith("error ~ ")) {
                soft.assertThat(error).as(check).isNotNull().contains(check.substring(8));
                continue;
            }
            if (feed == null) {
                soft.fail("%s: refused (%s), expected %s", fixture, error, check);
                continue;
            }
            Check c = Check.parse(check);
            JsonNode node = at(feed, c.path());
            switch (c.op()) {
                case "=" -> soft.assertThat(node == null ? null : node.asText()).as(check).isEqualTo(c.value());
                case "~" -> soft.assertThat(node == null ? null : node.asText()).as(check).isNotNull().contains(c.value());
                case "!~" -> soft.assertThat(node == null ? "" : node.asText()).as(check).doesNotContain(c.value());
                case "!" -> soft.assertThat(node).as(check).isNull();
                case "#=" -> soft.assertThat(node == null ? 0 : node.size()).as(check).isEqualTo(Integer.parseInt(c.value()));
                default -> soft.fail("unknown check " + check);
            }
        }
        soft.assertAll();
    }

    /** A check of quirks.tsv: {@code path op value}, or {@code ! path}. */
    record Check(String path, String op, String value) {
        static Check parse(String s) {
            if (s.startsWith("! ")) return new Check(s.substring(2).strip(), "!", null);
            for (String op : new String[] {" #= ", " !~ ", " ~ ", " = "}) {
                int at = s.indexOf(op);
                if (at > 0) return new Check(s.substring(0, at).strip(), op.strip(), s.substring(at + op.length()));
            }
            throw new IllegalArgumentException("unreadable check: " + s);
        }
    }

    /** The node at a dot path (array indexes as numbers), or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null) return null;
            n = part.chars().allMatch(Character::isDigit) ? n.get(Integer.parseInt(part)) : n.get(part);
        }
        return n == null || n.isNull() ? null : n;
    }

    @Test
    void everyFixtureFileHasARow() throws IOException {
        List<String> listed = rows().map(a -> dir().resolve((String) a.get()[0]).normalize().toString()).toList();
        try (Stream<Path> files = Files.walk(dir())) {
            List<String> fixtures = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("quirks.tsv") && !p.toString().endsWith(".py"))
                    .map(Path::toString).toList();
            assertThat(listed).containsAll(fixtures);
        }
    }
}
