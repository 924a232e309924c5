package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UzbekTransliteratorTest {

    private final UzbekTransliterator t = UzbekTransliterator.standard();

    record Pair(String latin, String cyrillic, String dir) {
    }

    static List<Pair> pairs() throws IOException {
        List<Pair> out = new ArrayList<>();
        try (InputStream in = UzbekTransliteratorTest.class.getResourceAsStream("/lang/uz-latn-cyrl-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Pair(f[0], f[1], f.length > 2 ? f[2].strip() : "both"));
            }
        }
        return out;
    }

    static Stream<Arguments> toCyrillicCases() throws IOException {
        return pairs().stream().filter(p -> !p.dir().equals("to-lat")).map(p -> Arguments.of(p.latin(), p.cyrillic()));
    }

    static Stream<Arguments> toLatinCases() throws IOException {
        return pairs().stream().filter(p -> !p.dir().equals("to-cyr")).map(p -> Arguments.of(p.cyrillic(), p.latin()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("toCyrillicCases")
    void latinToCyrillic(String latin, String cyrillic) {
        assertThat(t.toCyrillic(latin)).isEqualTo(cyrillic);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("toLatinCases")
    void cyrillicToLatin(String cyrillic, String latin) {
        assertThat(t.toLatin(cyrillic)).isEqualTo(latin);
    }

    @Test
    void tableHasAtLeast200Pairs() throws IOException {
        assertThat(pairs()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void htmlConvertsTextNodesOnly() {
        String html = "<p class=\"yangilik\" title=\"Toshkent\">Toshkent <a href=\"https://kun.uz/uz/shahar\">shahar</a>"
                + " <code>yo'l = 1</code></p><pre>Samarqand</pre><span translate=\"no\">Buxoro</span>";
        assertThat(t.htmlToCyrillic(html)).isEqualTo(
                "<p class=\"yangilik\" title=\"Toshkent\">Тошкент <a href=\"https://kun.uz/uz/shahar\">шаҳар</a>"
                        + " <code>yo'l = 1</code></p><pre>Samarqand</pre><span translate=\"no\">Buxoro</span>");
    }

    @Test
    void htmlToLatinKeepsMarkupAndEntities() {
        assertThat(t.htmlToLatin("<h1 id=\"ш\">Ўзбекистон &amp; Хитой</h1>"))
                .isEqualTo("<h1 id=\"ш\">Oʻzbekiston &amp; Xitoy</h1>");
    }

    @Test
    void fullHtmlDocumentStaysADocument() {
        String out = t.htmlToCyrillic("<!DOCTYPE html><html lang=\"uz\"><head><title>Yangiliklar</title></head>"
                + "<body><p>Salom</p></body></html>");
        assertThat(out).contains("<title>Янгиликлар</title>", "<p>Салом</p>", "lang=\"uz\"");
    }

    @Test
    void nullAndEmptyAreSafe() {
        assertThat(t.toCyrillic(null)).isNull();
        assertThat(t.toLatin(null)).isNull();
        assertThat(t.htmlToCyrillic(null)).isNull();
        assertThat(t.toCyrillic("")).isEmpty();
        assertThat(t.toLatin("  ")).isEqualTo("  ");
    }

    @Test
    void otherScriptsPassThrough() {
        assertThat(t.toCyrillic("中文 العربية Москва")).isEqualTo("中文 العربية Москва");
        assertThat(t.toLatin("中文 Paxtakor 2025")).isEqualTo("中文 Paxtakor 2025");
    }

    @Test
    void urlWithTrailingPunctuationIsProtected() {
        assertThat(t.toCyrillic("Manba: www.gazeta.uz/uz/yangilik.")).isEqualTo("Манба: www.gazeta.uz/uz/yangilik.");
        assertThat(t.toCyrillic("@uzanews xabar berdi")).isEqualTo("@uzanews хабар берди");
    }

    @Test
    void threadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> t.toLatin(t.toCyrillic("Oʻzbekiston Respublikasi Prezidenti farmoni"))));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("Oʻzbekiston Respublikasi Prezidenti farmoni");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
