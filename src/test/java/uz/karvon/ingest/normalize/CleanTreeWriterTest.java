package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanTreeWriterTest {
    private static final String BASE = "https://kun.uz/news/1";
    private static final CleanTreeWriter WRITER = new CleanTreeWriter();
    private static final String[] PIECES = {"<p>", "</p>", "<b>", "</b>", "<a href=\"https://x.uz/?a=1&amp;b=2\" title=\"t\">",
            "<a title>", "</a>", "<img src=\"https://c/i.png\" alt=\"\">", "<img alt='a\"b<c>'>", "<img alt>", "<br>", "<hr>",
            "<ul><li>", "</li></ul>", "<table><tr><td colspan=2>", "</td><td>", "</td></tr></table>", "<pre>", "</pre>",
            "<blockquote cite=\"/q\">", "</blockquote>", "<h3>", "</h3>", "<div>", "</div>", "<span>", "</span>", "<em>",
            "</em>", "<script>x()</script>", "<!-- c -->", "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#1;", "&#x7f;",
            "&#55357;", "&#xDE00;", "\u00a0", "\u00ad", "\u200b", "\u3000", "\u2003", "\t", "\n", "  ", " ", "Тошкент",
            "oʻzbek", "中文", "العربية", "😀", "a < b", "x > y", "\"q\" 'a'", "\u2028", "\u200e", "word"};

    /** jsoup is the oracle: on a tree cleaned by the sanitizer, both halves equal jsoup's own html() and text(). */
    @Test
    void writesExactlyWhatJsoupWritesForSanitizedTrees() {
        Random r = new Random(42);
        for (int n = 0; n < 5000; n++) {
            StringBuilder in = new StringBuilder();
            for (int k = r.nextInt(30); k >= 0; k--) in.append(PIECES[r.nextInt(PIECES.length)]);
            Document d = Jsoup.parseBodyFragment(in.toString(), BASE);
            d.outputSettings().prettyPrint(false);
            HtmlSanitizer.cleanInPlace(d.body(), BASE);
            String[] written = WRITER.write(d.body());
            assertThat(written[0]).as("html of %s", in).isEqualTo(d.body().html().trim());
            assertThat(written[1]).as("text of %s", in).isEqualTo(d.body().text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>one</p><p>two</p>                          | one two
            a<br>b                                        | a b
            a<img src="https://c/i.png">b                 | a b
            <b>in</b>line                                 | inline
            <ul><li>x</li><li>y</li></ul>z                | x y z
            '  lots \\t of\\n\\n space&nbsp;&nbsp;here  '   | lots of space here
            <table><tr><td>c1</td><td>c2</td></tr></table> | c1 c2
            Tosh&shy;kent&#8203;da                        | Toshkentda
            """)
    void textFoldsWhitespaceAndSeparatesBlocks(String in, String text) {
        Document d = Jsoup.parseBodyFragment(in.replace("\\t", "\t").replace("\\n", "\n"));
        assertThat(WRITER.write(d.body())[1]).isEqualTo(text);
    }

    @Test
    void preformattedTextKeepsItsLines() {
        Document d = Jsoup.parseBodyFragment("<pre>  keep\n  lines</pre>");
        assertThat(WRITER.write(d.body())).containsExactly("<pre>  keep\n  lines</pre>", "keep\n  lines");
    }

    @Test
    void anUnpairedSurrogateBecomesAReferenceAndAPairStaysAsIs() {
        Document d = Jsoup.parseBodyFragment("<p>a &#55357; b 😀</p>");
        assertThat(WRITER.write(d.body())[0]).isEqualTo("<p>a &#xd83d; b 😀</p>");
    }
}
