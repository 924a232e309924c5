package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: objects written for these tests after IPTC's should_pass / should_fail suite for ninjs 3.x
 * (validation/test_suite in iptc/newsinjson), each one breaking one rule, must be refused by the schema and by the
 * hand-written rules alike; a complete object must pass both. A checker that passed everything would fail here.
 */
class NinjsSchemaTest {
    static final String GOOD = """
            {"uri": "tag:karvon.uz,2026:article/a-1", "standard": {"name": "ninjs", "version": "3.1",
             "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"},
             "type": "text", "representationType": "full", "version": "2",
             "firstCreated": "2026-11-20T04:30:00Z", "versionCreated": "2026-11-21T04:30:00+05:00",
             "pubStatus": "withheld", "embargoedUntil": "2026-11-28T00:00:00Z", "language": "uz-Latn",
             "headlines": [{"role": "main", "value": "Toshkent"}], "bodies": [{"role": "main", "contentType": "text/html",
             "charCount": 3, "wordCount": 1, "value": "<p>x</p>"}], "subjects": [{"name": "economy", "rel": "about",
             "uri": "http://cv.iptc.org/newscodes/mediatopic/04000000"}], "rightsInfo": {"linkedRights": "https://karvon.uz/terms"},
             "associations": [{"name": "ru version", "rel": "translation", "uri": "tag:karvon.uz,2026:article/a-1-ru",
             "language": "ru", "renditions": [{"name": "web", "href": "https://karvon.uz/ru/articles/x"}]}]}
            """;

    @Test
    void aCompleteObjectPasses() {
        assertThat(NinjsSchema.problems(GOOD)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a property ninjs does not define       | "version": "2",                         | "version": "2", "keywords": ["x"],
            no uri                                 | "uri": "tag:karvon.uz,2026:article/a-1",  | "title": "no uri",
            a relative uri                          | "uri": "tag:karvon.uz,2026:article/a-1",  | "uri": "article/a-1",
            an unknown pubStatus                    | "pubStatus": "withheld"                 | "pubStatus": "killed"
            an unknown type                         | "type": "text"                          | "type": "article"
            a version that is a number              | "version": "2"                          | "version": 2
            a date-time without zone                | "2026-11-20T04:30:00Z"                  | "2026-11-20T04:30:00"
            a date without time                     | "2026-11-28T00:00:00Z"                  | "2026-11-28"
            a headline without value                | {"role": "main", "value": "Toshkent"}   | {"role": "main"}
            an association without name             | "name": "ru version", "rel"             | "rel"
            a rendition without name                | {"name": "web", "href"                  | {"href"
            rights without a link or an encoding    | {"linkedRights": "https://karvon.uz/terms"} | {}
            a word count that is not an integer     | "wordCount": 1,                         | "wordCount": "one",
            """)
    void eachBrokenRuleIsRefusedByBothCheckers(String rule, String from, String to) {
        String bad = GOOD.replace(from.strip(), to.strip());
        assertThat(bad).as("the test edits the object").isNotEqualTo(GOOD);
        assertThat(NinjsSchema.problems(bad)).as(rule).anyMatch(p -> p.startsWith("schema:"));
        assertThat(NinjsSchema.problems(bad)).as(rule).anyMatch(p -> !p.startsWith("schema:"));
    }
}
