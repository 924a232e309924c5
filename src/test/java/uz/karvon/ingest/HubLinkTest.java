package uz.karvon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.karvon.ingest.parse.ParsedFeed;

/** WebSub discovery (§4): Link headers first, then the feed's own links; the Link header grammar of RFC 8288. */
class HubLinkTest {
    static final URI FETCHED = URI.create("https://partner.example/rss?page=1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the spec's example
            "<https://hub.example.com/>; rel=\"hub\", <http://example.com/feed>; rel=\"self\" | https://hub.example.com/ | http://example.com/feed",
            // unquoted rel, the other order
            "<http://example.com/feed>; rel=self, <https://hub.example.com/>; rel=hub | https://hub.example.com/ | http://example.com/feed",
            // a comma and a semicolon inside the target do not split it; several relation types in one rel
            "<https://hub.example.com/h?a=1,2;b>; title=\"x, y\"; rel=\"hub alternate\" | https://hub.example.com/h?a=1,2;b | https://partner.example/rss?page=1",
            // relative targets resolve against the fetched URL; rel is case-insensitive
            "</websub>; REL=\"Hub\", <rss>; rel=\"self\" | https://partner.example/websub | https://partner.example/rss",
            // parameters without a value, and a link without rel, are skipped over
            "<https://elsewhere.example/>; crossorigin, <https://hub.example.com/>; rel=\"hub\" | https://hub.example.com/ | https://partner.example/rss?page=1",
    })
    void linkHeadersNameTheHubAndTheTopic(String header, String hub, String topic) {
        HubLink l = HubLink.discover(List.of(header), null, FETCHED);
        assertThat(l).isEqualTo(new HubLink(URI.create(hub), URI.create(topic)));
    }

    @Test
    void theFeedsOwnLinksCountOnlyWithoutLinkHeaders() {
        ParsedFeed feed = new ParsedFeed("t", null, "https://partner.example/feed.atom", null, null, "atom_1.0",
                null, null, null, List.of(), List.of(), List.of(), List.of("https://feed-hub.example/"));
        assertThat(HubLink.discover(List.of(), feed, FETCHED))
                .isEqualTo(new HubLink(URI.create("https://feed-hub.example/"), URI.create("https://partner.example/feed.atom")));
        assertThat(HubLink.discover(List.of("<https://header-hub.example/>; rel=\"hub\""), feed, FETCHED).hub())
                .isEqualTo(URI.create("https://header-hub.example/"));
    }

    @Test
    void noHubOrAnUnusableOneIsNoLink() {
        assertThat(HubLink.discover(List.of("<https://x.example/>; rel=\"next\""), null, FETCHED)).isNull();
        assertThat(HubLink.discover(List.of("<mailto:hub@example.com>; rel=\"hub\""), null, FETCHED)).isNull();
        assertThat(HubLink.discover(List.of("rel=\"hub\""), null, FETCHED)).isNull();
        ParsedFeed feed = new ParsedFeed("t", null, null, null, null, "rss_2.0", null, null, null, List.of(), List.of(),
                List.of(), List.of("javascript:alert(1)"));
        assertThat(HubLink.discover(List.of(), feed, FETCHED)).isNull();
    }
}
