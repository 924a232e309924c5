package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlSanitizerTest {
    private static final String BASE = "https://kun.uz/news/1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p onclick="x()">hi</p>                                   | <p>hi</p>
            <script>alert(1)</script><p>a</p>                         | <p>a</p>
            <style>p{color:red}</style><p>a</p>                       | <p>a</p>
            <iframe src="https://evil"></iframe><p>a</p>              | <p>a</p>
            <a href="javascript:alert(1)">x</a>                       | <a>x</a>
            <a href=" JaVaScRiPt:alert(1)">x</a>                      | <a>x</a>
            <a href="data:text/html,x">x</a>                          | <a>x</a>
            <img src="data:image/png;base64,AAAA" alt="a">            | <img alt="a">
            <a href="vbscript:x">x</a>                                | <a>x</a>
            <a href="/n/2" title="t" target="_blank">x</a>            | <a href="https://kun.uz/n/2" title="t">x</a>
            <img src="i.jpg" width="10" height="5" onerror="x()">     | <img src="https://kun.uz/news/i.jpg" width="10" height="5">
            <h1>Big</h1><h2>Sub</h2>                                  | Big<h2>Sub</h2>
            <figure><img src="https://c/i.png"><figcaption>c</figcaption></figure> | <figure><img src="https://c/i.png"><figcaption>c</figcaption></figure>
            <table><tr><td colspan="2" style="x">c</td></tr></table>  | <table><tbody><tr><td colspan="2">c</td></tr></tbody></table>
            <pre><code>a &lt; b</code></pre>                          | <pre><code>a &lt; b</code></pre>
            <blockquote cite="/src">q</blockquote>                    | <blockquote cite="https://kun.uz/src">q</blockquote>
            <ul><li><b>b</b> <i>i</i> <strong>s</strong> <em>e</em></li></ul> | <ul><li><b>b</b> <i>i</i> <strong>s</strong> <em>e</em></li></ul>
            <div><span>flat</span></div>                              | flat
            <svg onload="x()"><script>a()</script></svg><p>k</p>      | <p>k</p>
            <math><mi xlink:href="javascript:x">m</mi></math>ok       | ok
            <!--[if IE]><script>x()</script><![endif]--><p>c</p>      | <p>c</p>
            <a href="java&#x09;script:alert(1)">t</a>                 | <a>t</a>
            <a href="&#106;avascript:alert(1)">t</a>                  | <a>t</a>
            <xmp><script>x()</script></xmp>after                      | after
            <foo bar="1" onclick="x()"><b style="c">in</b></foo>      | <b>in</b>
            <form action="https://evil"><input value="v">f</form>     | f
            <object data="x.swf"><embed src="x.swf"></object>o        | o
            <base href="https://evil/"><a href="p">l</a>              | <a href="https://kun.uz/news/p">l</a>
            <img src="https://c/i.png" srcset="https://evil 1x">      | <img src="https://c/i.png">
            <p>a &lt;script&gt; b</p>                                 | <p>a &lt;script&gt; b</p>
            """)
    void allowList(String in, String expected) {
        assertThat(HtmlSanitizer.sanitize(in, BASE).html()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void hugeInputIsCut() {
        HtmlSanitizer.Result r = HtmlSanitizer.sanitize("<p>" + "x".repeat(1_000_000) + "</p>", BASE);
        assertThat(r.truncated()).isTrue();
        assertThat(r.text()).hasSize(HtmlSanitizer.MAX_INPUT_CHARS - 3);
    }
}
