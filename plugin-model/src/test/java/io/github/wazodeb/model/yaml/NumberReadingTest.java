package io.github.wazodeb.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberReadingTest {

    private static YamlNode.Scalar scalar(String text, ScalarKind kind) {
        return new YamlNode.Scalar(text, kind, true, Position.NONE);
    }

    /**
     * The expected texts are what python3 prints for {@code str(yaml.safe_load("v: " + text)["v"])}, except
     * {@code 1e3}, which snakeyaml reads as a float and PyYAML as a string; Python prints 1000.0 for the float.
     */
    @ParameterizedTest
    @CsvSource({"1.10, 1.1", "1.0, 1.0", "20.10, 20.1", "1:2.0, 62.0", "1e3, 1000.0", "'.5', 0.5", "1., 1.0",
            "0.1, 0.1", "1.0e+16, 1e+16", "1.5e-05, 1.5e-05", "0.0001, 0.0001", "-0.0, -0.0", "1_000.5, 1000.5",
            ".inf, inf", "-.inf, -inf", ".nan, nan", "123456789.123456789, 123456789.12345679"})
    void floatsReadAsPythonPrintsThem(String text, String python) {
        assertThat(NumberReading.asPythonText(scalar(text, ScalarKind.FLOAT))).contains(python);
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "010, 8", "0x1F, 31", "0b11, 3", "1:30, 90", "1_000, 1000", "99999999999999999999, 99999999999999999999"})
    void integersReadInDecimal(String text, String python) {
        assertThat(NumberReading.asPythonText(scalar(text, ScalarKind.INT))).contains(python);
    }

    @Test
    void otherKindsHaveNoNumberReading() {
        assertThat(NumberReading.asPythonText(scalar("yes", ScalarKind.BOOL))).isEmpty();
        assertThat(NumberReading.asPythonText(scalar("2024-01-01", ScalarKind.TIMESTAMP))).isEmpty();
        assertThat(NumberReading.asPythonText(scalar("1.10", ScalarKind.STRING))).isEmpty();
    }
}
