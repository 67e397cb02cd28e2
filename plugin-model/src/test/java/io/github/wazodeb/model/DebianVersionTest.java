package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebianVersionTest {

    @Test
    void splitsEpochAtFirstColonAndRevisionAtLastDash() {
        DebianVersion version = DebianVersion.parse("2:1.0-rc1-3");
        assertThat(version.epoch()).contains("2");
        assertThat(version.upstream()).isEqualTo("1.0-rc1");
        assertThat(version.revision()).contains("3");
        assertThat(version.text()).isEqualTo("2:1.0-rc1-3");
        assertThat(version.withoutEpoch()).isEqualTo("1.0-rc1-3");
    }

    @Test
    void colonInUpstreamNeedsAnEpoch() {
        assertThat(DebianVersion.isValid("1:2:3")).isTrue();
        assertThat(DebianVersion.problem("a:1")).contains("the epoch before ':' must be a number");
    }

    @Test
    void refusesWhatDpkgRefuses() {
        assertThat(DebianVersion.problem("")).contains("it is empty");
        assertThat(DebianVersion.problem("1.0 1")).contains("it must not contain spaces or line breaks");
        assertThat(DebianVersion.problem("x1")).contains("it must start with a digit");
        assertThat(DebianVersion.problem("1.0-")).contains("the revision after the last '-' is empty");
        assertThat(DebianVersion.problem("1_0")).get().asString().startsWith("'_' is not allowed in the upstream version");
        assertThat(DebianVersion.problem("1.0-a_b")).get().asString().startsWith("'_' is not allowed in the revision");
        assertThat(DebianVersion.problem("4294967296:1")).contains("the epoch before ':' is too big");
    }

    @Test
    void parseOfAnInvalidVersionSaysWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> DebianVersion.parse("v1"))
                .withMessage("\"v1\" is not a valid Debian version: it must start with a digit");
    }

    @Test
    void constructorRefusesPartsThatDoNotRoundTrip() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DebianVersion(Optional.empty(), "1.0-1", Optional.empty()));
    }
}
