package uz.karvon.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The date table, row by row. Zone-less inputs are read in the zone column. Expected "-" means "not a date". */
class DateParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # input                                   | zone           | expected UTC
            # RFC 822 / 1123 and deviations
            Sat, 21 Jun 2025 12:22:00 +0500           | UTC            | 2025-06-21T07:22:00Z
            Sat, 21 Jun 2025 12:22:00 GMT             | Asia/Tashkent  | 2025-06-21T12:22:00Z
            Sat, 21 Jun 2025 12:22:00 UT              | Asia/Tashkent  | 2025-06-21T12:22:00Z
            Sat, 21 Jun 2025 12:22:00 Z               | Asia/Tashkent  | 2025-06-21T12:22:00Z
            21 Jun 2025 12:22:00 +0500                | UTC            | 2025-06-21T07:22:00Z
            Fri, 21 Jun 2025 12:22:00 +0500           | UTC            | 2025-06-21T07:22:00Z
            Sat, 1 Jun 2025 12:22:00 GMT              | UTC            | 2025-06-01T12:22:00Z
            Sat, 21 Jun 25 12:22:00 GMT               | UTC            | 2025-06-21T12:22:00Z
            Sat, 21 Jun 2025 12:22 +0300              | UTC            | 2025-06-21T09:22:00Z
            Sat, 21 Jun 2025 12:22:00 EST             | UTC            | 2025-06-21T17:22:00Z
            Sat, 21 Jun 2025 12:22:00 PST             | UTC            | 2025-06-21T20:22:00Z
            Sat, 21 Jun 2025 12:22:00 MSK             | UTC            | 2025-06-21T09:22:00Z
            Sat, 21 Jun 2025 12:22:00 +05:00          | UTC            | 2025-06-21T07:22:00Z
            Sat, 21 Jun 2025 12:22:00 GMT+5           | UTC            | 2025-06-21T07:22:00Z
            Sat, 21 Jun 2025 12:22:00                 | Asia/Tashkent  | 2025-06-21T07:22:00Z
            Saturday, 21 June 2025 12:22:00 +0000     | UTC            | 2025-06-21T12:22:00Z
            Sat, 21 Sept 2025 12:22:00 GMT            | UTC            | 2025-09-21T12:22:00Z
            Sat, 21 Jun 2025 12:22:00 +0500 (UZT)     | UTC            | 2025-06-21T07:22:00Z
            Sat Jun 21 12:22:00 2025                  | UTC            | 2025-06-21T12:22:00Z
            # ISO 8601 / RFC 3339 and deviations
            2025-06-21T12:22:00+05:00                 | UTC            | 2025-06-21T07:22:00Z
            2025-06-21T12:22:00Z                      | Asia/Tashkent  | 2025-06-21T12:22:00Z
            2025-06-21T12:22:00.123456Z               | UTC            | 2025-06-21T12:22:00.123456Z
            2025-06-21T12:22:00,5+0500                | UTC            | 2025-06-21T07:22:00.5Z
            2025-06-21 12:22:00                       | Asia/Tashkent  | 2025-06-21T07:22:00Z
            2025-06-21 12:22                          | Europe/Moscow  | 2025-06-21T09:22:00Z
            2025-06-21T12:22                          | UTC            | 2025-06-21T12:22:00Z
            2025-06-21                                | Asia/Tashkent  | 2025-06-20T19:00:00Z
            2025-6-1T09:05:00Z                        | UTC            | 2025-06-01T09:05:00Z
            2025-06-21T12:22:00 UTC                   | Asia/Tashkent  | 2025-06-21T12:22:00Z
            20250621T122200Z                          | UTC            | 2025-06-21T12:22:00Z
            # Russian, genitive and nominative
            21 июня 2025                              | Asia/Tashkent  | 2025-06-20T19:00:00Z
            21 июня 2025 12:22                        | Asia/Tashkent  | 2025-06-21T07:22:00Z
            21 июня 2025 г. 12:22                     | Europe/Moscow  | 2025-06-21T09:22:00Z
            21 июня 2025 года в 12:22                 | Europe/Moscow  | 2025-06-21T09:22:00Z
            Июнь 21, 2025. 12:22                      | Asia/Tashkent  | 2025-06-21T07:22:00Z
            1 МАЯ 2025                                | UTC            | 2025-05-01T00:00:00Z
            суббота, 21 июня 2025, 12:22              | Asia/Tashkent  | 2025-06-21T07:22:00Z
            21 сент. 2025                             | UTC            | 2025-09-21T00:00:00Z
            # Uzbek Latin and Cyrillic
            21-iyun, 2025                             | Asia/Tashkent  | 2025-06-20T19:00:00Z
            21 iyun 2025                              | Asia/Tashkent  | 2025-06-20T19:00:00Z
            21-Iyun, 2025 12:22                       | Asia/Tashkent  | 2025-06-21T07:22:00Z
            5 sentyabr 2025 yil 09:00                 | Asia/Tashkent  | 2025-09-05T04:00:00Z
            21 июн 2025                               | Asia/Tashkent  | 2025-06-20T19:00:00Z
            21-июн, 2025                              | Asia/Tashkent  | 2025-06-20T19:00:00Z
            21 декабр 2025                            | UTC            | 2025-12-21T00:00:00Z
            # English month first, am/pm, ordinals
            June 21, 2025 12:22 PM                    | UTC            | 2025-06-21T12:22:00Z
            June 21st, 2025 1:05 am                   | UTC            | 2025-06-21T01:05:00Z
            # Arabic, Arabic-Indic digits, Chinese, numeric
            ٢١ يونيو ٢٠٢٥                             | UTC            | 2025-06-21T00:00:00Z
            ٢٠٢٥-٠٦-٢١T12:22:00Z                      | Asia/Tashkent  | 2025-06-21T12:22:00Z
            2025年6月21日 12:22                        | Asia/Shanghai  | 2025-06-21T04:22:00Z
            2025年06月21日                              | UTC            | 2025-06-21T00:00:00Z
            21.06.2025 12:22                          | Asia/Tashkent  | 2025-06-21T07:22:00Z
            21/06/2025                                | UTC            | 2025-06-21T00:00:00Z
            2025/06/21 12:22:00                       | UTC            | 2025-06-21T12:22:00Z
            1750508520                                | UTC            | 2025-06-21T12:22:00Z
            # not dates: no exception, just null
            Mon, 30 Feb 2025 10:00:00 GMT             | UTC            | -
            Sat, 21 Jun 2025 25:61:99 GMT             | UTC            | -
            Sat, 21 Jun 2025 12:22:00 +9999           | UTC            | -
            tomorrow                                  | UTC            | -
            21 Foo 2025                               | UTC            | -
            2025-13-01                                | UTC            | -
            '   '                                     | UTC            | -
            """)
    void parses(String input, String zone, String expected) {
        Instant got = DateParser.parse(input, ZoneId.of(zone));
        assertThat(got).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    /** The region's and feedparser's formats, in a CSV file editors can extend without touching Java. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvFileSource(resources = "/ingest/normalize/date-formats.csv", delimiter = '|', nullValues = "-")
    void parsesTheFormatTable(String input, String zone, String expected) {
        parses(input, zone, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sat, 01 Jan 99999 00:00:00 GMT
            99999-01-01T00:00:00Z
            -0001-01-01T00:00:00Z
            Mon, 01 Jan -2024 00:00:00 GMT
            """)
    void absurdYearsAreNotDatesAndCauseNoOverflow(String input) {
        assertThat(DateParser.parse(input, ZoneId.of("UTC"))).isNull();
    }
}
