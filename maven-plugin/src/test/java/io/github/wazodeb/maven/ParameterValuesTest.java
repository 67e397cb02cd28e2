package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.Compression;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    @Test
    void compressionNamesAreReadCaseInsensitively() throws Exception {
        assertThat(ParameterValues.compression("ZSTD")).isEqualTo(Compression.ZSTD);
        assertThat(ParameterValues.compression("gz")).isEqualTo(Compression.GZIP);
    }

    @Test
    void absentCompressionIsXz() throws Exception {
        assertThat(ParameterValues.compression(null)).isEqualTo(Compression.XZ);
    }

    @Test
    void unknownCompressionNamesTheParameterItsPropertyAndTheChoices() {
        assertThatThrownBy(() -> ParameterValues.compression("rar"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter <compression> (property wazo.compression) is \"rar\": "
                        + "must be one of gzip, xz, zstd, none");
    }

    @Test
    void timestampInSecondsIsSecondsSince1970() throws Exception {
        assertThat(ParameterValues.timestamp("1700000000")).contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void isoTimestampWithOffsetIsConvertedToUtcAndTruncatedToTheSecond() throws Exception {
        assertThat(ParameterValues.timestamp("2024-03-01T12:30:15.750+02:00"))
                .contains(Instant.parse("2024-03-01T10:30:15Z"));
    }

    @Test
    void absentEmptyOrOneCharacterTimestampMeansNone() throws Exception {
        assertThat(ParameterValues.timestamp(null)).isEmpty();
        assertThat(ParameterValues.timestamp("")).isEmpty();
        assertThat(ParameterValues.timestamp("-")).isEmpty();
    }

    @Test
    void unreadableTimestampNamesTheAcceptedForms() {
        assertThatThrownBy(() -> ParameterValues.timestamp("yesterday"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("<timestamp>")
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void timestampWithoutOffsetIsRefusedRatherThanReadInTheLocalZone() {
        assertThatThrownBy(() -> ParameterValues.timestamp("2024-01-01T00:00:00"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void stepTimeoutInSecondsOrIsoDuration() throws Exception {
        assertThat(ParameterValues.stepTimeout("90")).contains(Duration.ofSeconds(90));
        assertThat(ParameterValues.stepTimeout("PT5M")).contains(Duration.ofMinutes(5));
        assertThat(ParameterValues.stepTimeout("90s")).as("the CLI's forms too").contains(Duration.ofSeconds(90));
    }

    @Test
    void absentStepTimeoutMeansNoLimit() throws Exception {
        assertThat(ParameterValues.stepTimeout(null)).isEmpty();
        assertThat(ParameterValues.stepTimeout(" ")).isEmpty();
    }

    @Test
    void zeroStepTimeoutIsRefused() {
        assertThatThrownBy(() -> ParameterValues.stepTimeout("0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void unreadableStepTimeoutNamesItsProperty() {
        assertThatThrownBy(() -> ParameterValues.stepTimeout("5 minutes"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("wazo.stepTimeout");
    }
}
