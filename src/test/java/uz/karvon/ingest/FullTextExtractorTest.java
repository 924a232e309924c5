package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import uz.karvon.ingest.fetch.FetchSettings;
import uz.karvon.ingest.fetch.Fetcher;

class FullTextExtractorTest {
    @Test
    void aPageThatNamesItsCharsetOnlyInAMetaTagIsDecodedByIt() throws Exception {
        String page = "<html><head><meta charset=\"windows-1251\"></head><body><nav>меню</nav>"
                + "<div class=\"article-body\"><p>Полный текст статьи</p></div></body></html>";
        try (MockWebServer server = new MockWebServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults(), Clock.systemUTC())) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html")
                    .body(new Buffer().write(page.getBytes(Charset.forName("windows-1251")))).build());
            URI source = server.url("/feed.rss").uri();
            String html = new FullTextExtractor(fetcher).extract(source, true, server.url("/a/1").toString(), ".article-body",
                    null, Map.of());
            assertThat(html).isEqualTo("<p>Полный текст статьи</p>");   // decoded, picked, sanitized (div unwrapped)
        }
    }
}
