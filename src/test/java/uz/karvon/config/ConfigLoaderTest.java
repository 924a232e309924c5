package uz.karvon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check of feeds.yml, each with a broken file and the exact message an admin sees. */
class ConfigLoaderTest {
    private static final String FEED = "feeds:\n  - id: en\n    title: English\n    language: en\n";

    private static KarvonConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of("CMS", "secret-token")).parse("feeds.yml", yaml, Path.of("/srv/karvon"));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("YAML syntax", "site:\n  title: [unclosed\n" + FEED,
                        "feeds.yml:3:6: YAML syntax: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 2, column 10)"),
                Arguments.of("unknown top-level key", "sites:\n  title: x\n" + FEED,
                        "feeds.yml:1:1: unknown key 'sites'; did you mean 'site'?"),
                Arguments.of("wrong type", "server:\n  port: eighty\n" + FEED,
                        "feeds.yml:2:9: server.port: expected a whole number, got \"eighty\""),
                Arguments.of("out of range", "feeds:\n  - id: en\n    title: English\n    language: en\n    limit: 5000\n",
                        "feeds.yml:5:12: feeds[0].limit: 5000 is out of range; expected 1 to 1000"),
                Arguments.of("unknown cluster mode", "feeds:\n  - id: en\n    title: English\n    language: en\n    cluster: once\n",
                        "feeds.yml:5:14: feeds[0].cluster: expected one of link, one, off, got \"once\""),
                Arguments.of("broken cluster gazetteer", "ingest:\n  cluster_gazetteer: [no-such-file.txt]\n" + FEED,
                        "feeds.yml:2:22: ingest.cluster_gazetteer: /srv/karvon/no-such-file.txt: no such file"),
                Arguments.of("bad interval", "ingest:\n  default_interval: 15 minutes\n" + FEED,
                        "feeds.yml:2:21: ingest.default_interval: \"15 minutes\" is not an interval; expected a number with a unit, e.g. 90s, 15m, 1h30m, 2d (or ISO-8601 such as PT15M)"),
                Arguments.of("interval too short", "sources:\n  - id: a\n    url: https://a.example/rss\n    interval: 5s\n" + FEED,
                        "feeds.yml:4:15: sources[0].interval: 5s is out of range; expected 30s to 7d"),
                Arguments.of("missing key", "feeds:\n  - id: en\n    language: en\n",
                        "feeds.yml:2:5: missing required key 'feeds[0].title'"),
                Arguments.of("duplicate id", FEED + "  - id: en\n    title: Again\n    language: en\n",
                        "feeds.yml:5:9: feeds[1].id: duplicate feed id 'en' (first defined on line 2)"),
                Arguments.of("invalid id", "feeds:\n  - id: English News\n    title: x\n    language: en\n",
                        "feeds.yml:2:9: feeds[0].id: \"English News\" is not a valid id; use lower-case letters, digits, '.', '_' and '-' (at most 64)"),
                Arguments.of("unknown source", "sources:\n  - id: kun-uz\n    url: https://kun.example/rss\n"
                                + "feeds:\n  - id: en\n    title: x\n    language: en\n    sources: [kun-us]\n",
                        "feeds.yml:8:15: feeds[0].sources: no source with id 'kun-us' is defined under sources; did you mean 'kun-uz'?"),
                Arguments.of("URL scheme", "sources:\n  - id: a\n    url: ftp://a.example/rss\n" + FEED,
                        "feeds.yml:3:10: sources[0].url: unsupported URL scheme 'ftp'; expected http, https or file"),
                Arguments.of("file outside drop folders", "ingest:\n  drop_folders: [inbox]\nsources:\n  - id: a\n    url: file:///etc/passwd\n" + FEED,
                        "feeds.yml:5:10: sources[0].url: /etc/passwd is outside the drop folders named in ingest.drop_folders [/srv/karvon/inbox]"),
                Arguments.of("file URL with a host", "ingest:\n  drop_folders: [inbox]\nsources:\n  - id: a\n    url: file://host/x.xml\n" + FEED,
                        "feeds.yml:5:10: sources[0].url: a file URL needs an absolute path and nothing else, e.g. file:///srv/drop/partner.xml"),
                Arguments.of("time zone as a list", "sources:\n  - id: a\n    url: https://a.example/rss\n    timezone: [Asia/Tashkent]\n" + FEED,
                        "feeds.yml:4:15: sources[0].timezone: expected a single value, got a list"),
                Arguments.of("interval beyond any clock", "ingest:\n  default_interval: 99999999999999999999m\n" + FEED,
                        "feeds.yml:2:21: ingest.default_interval: \"99999999999999999999m\" is not an interval; expected a number with a unit, e.g. 90s, 15m, 1h30m, 2d (or ISO-8601 such as PT15M)"),
                Arguments.of("header value", "sources:\n  - id: a\n    url: https://a.example/rss\n    headers: {X-Key: \"k\u2026\"}\n" + FEED,
                        "feeds.yml:4:14: sources[0].headers.X-Key: HTTP header values must be printable ASCII (no line breaks, no letters outside ASCII)"),
                Arguments.of("CSS selector", "sources:\n  - id: a\n    url: https://a.example/rss\n    full_text_selector: 'div[['\n" + FEED,
                        "feeds.yml:4:25: sources[0].full_text_selector: not a CSS selector jsoup understands: Did not find balanced marker at '['"),
                Arguments.of("list of mappings", FEED + "    keep: [{a: b}]\n",
                        "feeds.yml:5:12: feeds[0].keep: expected a list of words, got a mapping inside it"),
                Arguments.of("language tag", "feeds:\n  - id: en\n    title: x\n    language: english\n",
                        "feeds.yml:4:15: feeds[0].language: \"english\" is not a BCP 47 language tag; expected e.g. uz-Latn, uz-Cyrl, ru, en, zh-Hans, ar"),
                Arguments.of("regex", FEED + "    block: ['(unclosed']\n",
                        "feeds.yml:5:13: feeds[0].block: invalid regular expression \"(unclosed\": Unclosed group near index 9"),
                Arguments.of("plain-text secret", "security:\n  cms_token: hunter2\n" + FEED,
                        "feeds.yml:2:14: security.cms_token: plain-text secrets are not allowed in feeds.yml; write cms_token: {env: VARIABLE_NAME} or cms_token: {sha256: <64 hex digits>}"),
                Arguments.of("bad digest", "security:\n  cms_token: {sha256: abc}\n" + FEED,
                        "feeds.yml:2:23: security.cms_token.sha256: expected 64 hexadecimal digits (sha256sum of the token)"),
                Arguments.of("partner feed reference", FEED + "partners:\n  - id: p\n    key: {env: CMS}\n    feeds: [wyre]\n",
                        "feeds.yml:8:13: partners[0].feeds: 'wyre' matches no feed defined under feeds"),
                Arguments.of("embargoed but public", FEED + "    embargoed: true\n",
                        "feeds.yml:5:16: feeds[0].embargoed: a feed that carries embargoed stories must be private; add 'public: false' and list the partners allowed to read it"),
                Arguments.of("misspelt nested key", "server:\n  prot: 8080\n" + FEED,
                        "feeds.yml:2:3: unknown key 'server.prot'; did you mean 'port'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void eachProblemIsReportedWithItsPositionAndWhatWasExpected(String what, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString).contains(expected));
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String yaml = "server:\n  port: x\n  prot: 1\nfeeds:\n  - id: A\n    language: zz-Qqqq-1\n";
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
            List<Integer> lines = e.problems().stream().map(ConfigProblem::line).toList();
            assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(lines).isSorted();
        });
    }

    @Test
    void aValidFileGivesDefaultsAndResolvesSecretsFromTheEnvironment() throws Exception {
        KarvonConfig c = parse("security:\n  cms_token: {env: CMS}\n" + FEED + "    languages: all\n");
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.ingest().defaultInterval()).hasMinutes(15);
        assertThat(c.security().cmsToken().matches("secret-token")).isTrue();
        assertThat(c.security().cmsToken().matches("secret-tokeN")).isFalse();
        assertThat(c.security().cmsToken().toString()).doesNotContain("secret");
        assertThat(c.feeds().get(0).everyStory()).isTrue();
        assertThat(c.warnings()).anyMatch(w -> w.contains("admin_token"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"wire, wire, true", "wire, wire-uz, false", "wire*, wire-uz, true",
            "wire*, wire, true", "*-uz, wire-uz, true", "*-uz, wire-ru, false", "w*e*z, wire-uz, true", "a*a, a, false",
            "*, anything, true", "wire.*, wire-x, false"})
    void partnerFeedPatternsMatchWithStarOnly(String pattern, String feed, boolean expected) {
        assertThat(KarvonConfig.PartnerSpec.matches(pattern, feed)).isEqualTo(expected);
    }
}
