package io.github.wazodeb.provd.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginVersionTest {

    @ParameterizedTest
    @CsvSource({"1.0.10, 1.0.9", "1.0.9, 1.0", "2.0, 1.99.99", "3.3.1-SP4, 3.3.1-SP3", "3.3.1-SP10, 3.3.1-SP9",
            "1.0, 1.0-dev", "0.1.11, 0.1.5", "10.0, 9.0"})
    void theFirstIsNewer(String newer, String older) {
        assertThat(PluginVersion.of(newer).isNewerThan(PluginVersion.of(older))).isTrue();
        assertThat(PluginVersion.of(older).isNewerThan(PluginVersion.of(newer))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1.1, 1.1.0", "1.0.09, 1.0.9"})
    void theyAreEqual(String a, String b) {
        assertThat(PluginVersion.of(a).compareTo(PluginVersion.of(b))).isZero();
    }
}
