package io.github.wazodeb.deb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why {@link HostDpkg} exists, and that the dpkg it puts into a busybox root compares versions there. */
class HostDpkgTest {

    @TempDir
    Path root;

    @BeforeEach
    void buildTheChroot() {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.CHROOT, Requirement.BUSYBOX, Requirement.DPKG);
        BusyboxUserland.installInto(root);
    }

    @Test
    void busyboxDpkgCannotCompareVersions() {
        CommandResult result = inRoot("dpkg --compare-versions 1 lt 2");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).contains("--compare-versions");
    }

    @Test
    void theHostDpkgComparesVersionsInsideTheRoot() {
        HostDpkg.installInto(root);

        assertThat(inRoot("dpkg --compare-versions 20.10 gt 20.9").exitCode()).isZero();
        assertThat(inRoot("dpkg --compare-versions 20.10 lt 20.9").exitCode()).isEqualTo(1);
        assertThat(inRoot("PATH=/usr/bin; dpkg --compare-versions 1 lt 2").exitCode()).isZero();
    }

    private CommandResult inRoot(String script) {
        return Commands.run(List.of("chroot", root.toString(), "/bin/sh", "-c", script), Map.of("PATH", "/bin"),
                Commands.DEFAULT_TIMEOUT);
    }
}
