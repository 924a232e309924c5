package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlsTest {

    static Stream<Arguments> table() throws IOException {
        try (InputStream in = UrlsTest.class.getResourceAsStream("/ingest/normalize/whatwg-url-serialize.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return lines.stream().map(l -> {
                String[] cols = l.split("\t", -1);
                return Arguments.of(unescape(cols[0]), cols[1].equals("-") ? null : cols[1]);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void serializesAsTheUrlStandardDoes(String input, String expected) {
        String out = Urls.serialize(input);
        assertThat(out).isEqualTo(expected);
        if (out != null) {
            assertThat(Urls.serialize(out)).as("idempotent").isEqualTo(out);
            assertThat(out).doesNotContainPattern("[\"<> \\x00-\\x1F\\x7F-\\x{10FFFF}]");
            assertThat(URI.create(out)).as("also an RFC 3986 URI").hasToString(out);
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
