package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VersionMismatchTest {

    private static final Path DEB = Path.of("target", "wazo-plugind-hello-demo_1.0.0_all.deb");

    @Test
    void sameVersionsNeedNoWarning() {
        assertThat(VersionMismatch.warning("1.0.0", "1.0.0", DEB)).isEmpty();
    }

    @Test
    void differentVersionsNameBothTheFileAndWhereItIsStored() {
        assertThat(VersionMismatch.warning("1.1.0", "1.0.0", DEB)).contains(
                "wazo/plugin.yml's version 1.0.0 differs from the project's version 1.1.0: "
                        + "wazo-plugind-hello-demo_1.0.0_all.deb is attached to the build as version 1.1.0 (type deb),"
                        + " so install and deploy store it under 1.1.0; give <version> in pom.xml and version in"
                        + " wazo/plugin.yml the same value");
    }

    @Test
    void aSnapshotOfTheSameVersionStillDiffers() {
        assertThat(VersionMismatch.warning("1.0.0-SNAPSHOT", "1.0.0", DEB)).isPresent();
    }
}
