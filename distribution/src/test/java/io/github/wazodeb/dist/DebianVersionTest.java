package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DebianVersionTest {

    @Test
    void aReleaseKeepsItsVersion() {
        assertThat(DebianVersion.of("1.2.0")).isEqualTo("1.2.0");
    }

    @Test
    void aSnapshotSortsBeforeItsRelease() {
        assertThat(DebianVersion.of("0.1.0-SNAPSHOT")).isEqualTo("0.1.0~SNAPSHOT");
    }

    @Test
    void aVersionDpkgCannotReadIsRefused() {
        assertThatThrownBy(() -> DebianVersion.of("v1.0")).hasMessageContaining("must start with a digit");
        assertThatThrownBy(() -> DebianVersion.of("1.0 beta")).hasMessageContaining("cannot be a Debian version");
    }
}
