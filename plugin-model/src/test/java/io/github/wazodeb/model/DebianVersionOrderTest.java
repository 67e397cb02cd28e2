package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Versions sort as dpkg --compare-versions says (the cases from deb-version(5) and dpkg's own tests). */
class DebianVersionOrderTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "1.0, 1.1",
            "1.9, 1.10",
            "1.0~rc1, 1.0",
            "1.0~~, 1.0~",
            "1.0, 1.0a",
            "1.0a, 1.0+",
            "1.0-1, 1.0-2",
            "1.0-9, 1.0-10",
            "1.0, 1.0-1",
            "9.9, 1:0.1",
            "1:2.0, 2:1.0",
            "1.001, 1.2",
            "2.0.0, 10.0.0"})
    void theFirstIsOlder(String older, String newer) {
        assertThat(DebianVersionOrder.INSTANCE.compare(older, newer)).isNegative();
        assertThat(DebianVersionOrder.INSTANCE.compare(newer, older)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0", "1.01, 1.1", "0:1.0, 1.0", "1.0-0, 1.0-"})
    void equalVersions(String left, String right) {
        assertThat(DebianVersionOrder.INSTANCE.compare(left, right)).isZero();
    }

    @Test
    void sortsAListAsAptWould() {
        List<String> versions = new ArrayList<>(List.of("1.10", "1.2", "1.2~beta", "1:0.1", "1.2-1"));
        versions.sort(DebianVersionOrder.INSTANCE);
        assertThat(versions).containsExactly("1.2~beta", "1.2", "1.2-1", "1.10", "1:0.1");
    }
}
