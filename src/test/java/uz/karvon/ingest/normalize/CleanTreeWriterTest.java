package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanTreeWriterTest {
    private static final CleanTreeWriter WRITER = new CleanTreeWriter();
    private static final String[] PIECES = {"<p>", "</p>", "<b>", "</b>", "<a href=\"https://x.uz/?a=1&amp;b=2\" title=\"t\">",
            "</a>", "<img src=\"https://c/i.png\" alt=\"\">", "<img alt='a\"b<c>'>", "<br>", "<hr>", "<ul><li>", "</li></ul>",
            "<table><tr><td colspan=2>", "</td></tr></table>", "<pre>", "</pre>", "<blockquote cite=\"https://q/\">",
            "</blockquote>", "<h3>", "</h3>", "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#1;", "&#x7f;", "\u00a0", "\t",
            "\n", "  ", "Тошкент", "oʻzbek", "中文", "العربية", "😀", "a < b", "x > y", "\"q\" 'a'", "\u2028", "\u200e"};

    /** The HTML half is exactly what jsoup itself writes for the same tree (jsoup is the oracle). */
    @Test
    void htmlIsWhatJsoupWrites() {
        Random r = new Random(42);
        Cleaner cleaner = new Cleaner(Safelist.relaxed().preserveRelativeLinks(true));
        for (int n = 0; n < 3000; n++) {
            StringBuilder in = new StringBuilder();
            for (int k = r.nextInt(25); k >= 0; k--) in.append(PIECES[r.nextInt(PIECES.length)]);
            Document clean = cleaner.clean(Jsoup.parseBodyFragment(in.toString()));
            clean.outputSettings().prettyPrint(false);
            assertThat(WRITER.write(clean.body())[0]).as(in.toString()).isEqualTo(clean.body().html().strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>one</p><p>two</p>                          | one two
            a<br>b                                        | a b
            <b>in</b>line                                 | inline
            <ul><li>x</li><li>y</li></ul>z                | x y z
            '  lots \\t of\\n\\n space&nbsp;&nbsp;here  '      | lots of space here
            <table><tr><td>c1</td><td>c2</td></tr></table> | c1 c2
            <pre>  keep\\n  lines</pre>                   | keep lines
            <img src="https://c/i.png" alt="alt">only      | only
            """)
    void textFoldsWhitespaceAndSeparatesBlocks(String in, String text) {
        Document d = Jsoup.parseBodyFragment(in.replace("\\t", "\t").replace("\\n", "\n"));
        assertThat(WRITER.write(d.body())[1]).isEqualTo(text);
    }
}
