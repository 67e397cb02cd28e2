package io.github.wazodeb.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionValuesTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h, PT1H", "500ms, PT0.5S", "300, PT5M", "PT5M, PT5M",
            "pt2m, PT2M", "' 45s ', PT45S", "2H, PT2H"})
    void durationsInEveryAcceptedForm(String text, String expected) {
        assertThat(OptionValues.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5x", "ten minutes", "-5s", "1.5m", "99999999999999999999"})
    void unreadableDurationsNameTheAcceptedForms(String text) {
        assertThatThrownBy(() -> OptionValues.duration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration such as 90s, 10m, 1h, 300 (seconds) or PT5M");
    }

    @Test
    void aTimestampInSecondsIsSecondsSince1970() {
        assertThat(OptionValues.timestamp("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void anIsoTimestampWithOffsetIsConvertedToUtcAndTruncatedToTheSecond() {
        assertThat(OptionValues.timestamp("2024-03-01T12:30:15.750+02:00")).isEqualTo(Instant.parse("2024-03-01T10:30:15Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-01-01T00:00:00", "", "-1"})
    void unreadableOrZonelessTimestampsAreRefused(String text) {
        assertThatThrownBy(() -> OptionValues.timestamp(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601 date-time with offset");
    }
}
