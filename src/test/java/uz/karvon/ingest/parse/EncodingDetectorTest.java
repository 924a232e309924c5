package uz.karvon.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Charset decisions; the full decode of each case is covered by FeedParserFixturesTest. */
class EncodingDetectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # body charset | prolog encoding | content type                  | expected     | how
            UTF-8          | -               | text/xml                      | UTF-8        | utf8-valid
            UTF-8          | UTF-8           | text/xml; charset=windows-1251 | UTF-8       | utf8-valid
            windows-1251   | windows-1251    | -                             | windows-1251 | prolog
            windows-1251   | windows-1251    | text/xml; charset=utf-8       | windows-1251 | prolog
            windows-1251   | -               | text/xml; charset=utf-8       | windows-1251 | icu
            windows-1251   | windows-1251    | text/html; charset=ISO-8859-1 | windows-1251 | prolog-over-generic-header
            KOI8-R         | KOI8-R          | -                             | KOI8-R       | prolog
            GB18030        | gb2312          | -                             | GB18030      | prolog
            Big5-HKSCS     | big5            | -                             | Big5-HKSCS   | prolog
            ISO-8859-1     | iso-8859-1      | -                             | windows-1252 | prolog
            """)
    void decides(String bodyCharset, String prolog, String contentType, String expected, String how) {
        String decl = prolog == null ? "<?xml version=\"1.0\"?>" : "<?xml version=\"1.0\" encoding=\"" + prolog + "\"?>";
        String text = decl + "<rss><channel><title>" + sample(bodyCharset) + "</title></channel></rss>";
        byte[] body = text.getBytes(Charset.forName(bodyCharset));
        EncodingDetector.Decoded d = EncodingDetector.decode(body, contentType);
        assertThat(d.charset().name()).isEqualTo(expected);
        assertThat(d.how()).isEqualTo(how);
        assertThat(d.text()).contains(sample(bodyCharset));
    }

    private static String sample(String charset) {
        return switch (charset) {
            case "GB18030" -> "新闻标题经济增长";
            case "Big5-HKSCS" -> "新聞標題經濟增長";
            case "ISO-8859-1" -> "Café naïve";
            case "UTF-8" -> "Oʻzbekiston Ўзбекистон 新闻";
            default -> "Правительство объявило новости";
        };
    }
}
