package uz.karvon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The {@code websub:} section of feeds.yml: defaults, and each mistake reported where it is. */
class WebsubSectionTest {
    private static final String FEED = "feeds:\n  - id: en\n    title: English\n    language: en\n";

    private static KarvonConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).parse("feeds.yml", yaml, Path.of("/srv/karvon"));
    }

    @Test
    void withoutTheSectionTheBuiltInHubRunsWithItsDefaults() throws Exception {
        KarvonConfig.Websub w = parse(FEED).websub();
        assertThat(w).isEqualTo(KarvonConfig.Websub.DEFAULTS);
        assertThat(w.externalHub()).isNull();
        assertThat(w.defaultLease()).isEqualTo(Duration.ofDays(10));
        assertThat(w.allowPrivateCallbacks()).isFalse();
        assertThat(w.subscribeSources()).isTrue();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        KarvonConfig.Websub w = parse("""
                websub:
                  hub: https://pubsubhubbub.appspot.com/
                  default_lease: 2d
                  min_lease: 1h
                  max_lease: 7d
                  delivery_workers: 32
                  delivery_per_host: 8
                  delivery_timeout: 5s
                  max_subscriptions: 500
                  allow_private_callbacks: true
                  subscribe_sources: false
                  push_poll_interval: 6h
                """ + FEED).websub();
        assertThat(w).isEqualTo(new KarvonConfig.Websub(URI.create("https://pubsubhubbub.appspot.com/"),
                Duration.ofDays(2), Duration.ofHours(1), Duration.ofDays(7), 32, 8, Duration.ofSeconds(5), 500, true,
                false, Duration.ofHours(6)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "websub:\\n  hub: ftp://hub.example/ | feeds.yml:2:8: websub.hub: expected 'builtin' or the absolute http(s) URL of a hub, e.g. https://pubsubhubbub.appspot.com/, got \"ftp://hub.example/\"",
            "websub:\\n  min_lease: 2d\\n  max_lease: 1d | feeds.yml:2:14: websub.min_lease (2d) is longer than websub.max_lease (1d)",
            "websub:\\n  default_lease: 60d | feeds.yml:2:18: websub.default_lease (60d) must lie between min_lease (1h) and max_lease (30d)",
            "websub:\\n  delivery_workers: 0 | feeds.yml:2:21: websub.delivery_workers: 0 is out of range; expected 1 to 256",
            "websub:\\n  delivery_timeout: 10m | feeds.yml:2:21: websub.delivery_timeout: 10m is out of range; expected 1s to 2m",
            "websub:\\n  allow_private_callback: true | feeds.yml:2:3: unknown key 'websub.allow_private_callback'; did you mean 'allow_private_callbacks'?",
    })
    void eachMistakeIsReportedWithItsPosition(String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n") + "\n" + FEED)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(expected));
    }
}
