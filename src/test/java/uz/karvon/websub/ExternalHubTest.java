package uz.karvon.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;
import uz.karvon.server.TestKarvon.Http;
import uz.karvon.server.TestKarvon.MutableClock;
import uz.karvon.server.Xml;

/**
 * {@code websub.hub} names an external hub: public feeds advertise it and it is pinged ({@code hub.mode=publish})
 * when they change; private feeds keep the built-in hub, which an external one could not read through.
 */
class ExternalHubTest {
    final Http http = new Http();

    @Test
    void publicFeedsAdvertiseTheExternalHubAndPingItOnChange(@TempDir Path dir) throws Exception {
        try (SpecHub external = new SpecHub()) {
            TestKarvon.write(dir, "feeds.yml", """
                    security:
                      cms_token: {env: KARVON_CMS_TOKEN}
                    websub:
                      hub: %s
                      allow_private_callbacks: true
                    feeds:
                      - id: en
                        title: English
                        language: en
                      - id: wire
                        title: Wire
                        language: all
                        public: false
                    partners:
                      - id: demo
                        key: {env: DEMO_KEY}
                        feeds: [wire]
                    """.formatted(external.hubUrl()));
            Map<String, String> env = Map.of("KARVON_CMS_TOKEN", "cms", "DEMO_KEY", "demo-key");
            try (KarvonServer s = TestKarvon.start(dir.resolve("feeds.yml"), dir.resolve("data"), env,
                    new MutableClock(TestKarvon.T0), false)) {
                String base = TestKarvon.base(s);
                assertThat(new Xml(http.get(base + "/feeds/en.atom").body()).string("/a:feed/a:link[@rel='hub']/@href"))
                        .isEqualTo(external.hubUrl());
                HttpResponse<byte[]> wire = http.get(base + "/feeds/wire.atom", "Authorization", "Bearer demo-key");
                assertThat(new Xml(wire.body()).string("/a:feed/a:link[@rel='hub']/@href")).isEqualTo(base + "/websub");
                assertThat(wire.headers().firstValue("Link").orElseThrow()).startsWith("<" + base + "/websub>; rel=\"hub\"");

                // after start each public feed is pinged once; the private one never
                Map<String, String> first = external.awaitRequest();
                assertThat(first).containsEntry("hub.mode", "publish");
                assertThat(first.get("hub.url")).startsWith(base + "/feeds/en.");

                assertThat(http.post(base + "/api/articles", """
                        {"id": "p-1", "lang": "en", "translation_key": "p-1", "slug": "p-1", "title": "Ping the hub"}""",
                        "Authorization", "Bearer cms").statusCode()).isEqualTo(201);
                Map<String, String> ping = external.awaitRequest();
                assertThat(ping).containsEntry("hub.mode", "publish");
                assertThat(ping.get("hub.url")).startsWith(base + "/feeds/en.");
                assertThat(external.noRequest()).isTrue();
            }
        }
    }
}
