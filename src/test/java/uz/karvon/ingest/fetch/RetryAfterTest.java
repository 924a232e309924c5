package uz.karvon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "120 | 2026-11-27T03:02:00Z",
            "0 | 2026-11-27T03:00:00Z",
            "' 30 ' | 2026-11-27T03:00:30Z",
            "Fri, 27 Nov 2026 05:00:00 GMT | 2026-11-27T05:00:00Z",
            "Friday, 27-Nov-26 05:00:00 GMT | 2026-11-27T05:00:00Z",
            "Fri Nov 27 05:00:00 2026 | 2026-11-27T05:00:00Z",
            "Thu, 26 Nov 2026 05:00:00 GMT | 2026-11-27T03:00:00Z",
            "999999 | 2026-11-28T03:00:00Z",
            "99999999999999999999999 | 2026-11-28T03:00:00Z",
            "Fri, 01 Jan 2100 00:00:00 GMT | 2026-11-28T03:00:00Z"})
    void parsesAndClamps(String header, String expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "120s", "Fri, 32 Nov 2026 05:00:00 GMT", "   "})
    void garbageIsNull(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }
}
