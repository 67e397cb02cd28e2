package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installed-Size agrees with what dpkg-gencontrol computes for the same tree. */
class InstalledSizeDpkgTest {

    @TempDir
    Path temp;

    @Test
    void installedSizeEqualsDpkgGencontrols() throws IOException {
        Requirements.assumeAvailable(Requirement.DPKG_GENCONTROL);
        Path staging = Fixtures.richTree(temp.resolve("staging"));
        Files.createSymbolicLink(staging.resolve("usr/lib/pkg/over-1k-target"), Path.of("t".repeat(1100)));
        Fixtures.file(staging, "usr/share/doc/pkg/big", "b".repeat(5000), "rw-r--r--");
        Path source = temp.resolve("source");
        Files.createDirectories(source.resolve("debian"));
        Files.writeString(source.resolve("debian/control"), "Source: wazo-archive-test\n"
                + "Maintainer: Test Maintainer <test@example.com>\n\n"
                + "Package: wazo-archive-test\nArchitecture: all\nDescription: test\n a test\n");
        Files.writeString(source.resolve("debian/changelog"), "wazo-archive-test (1.0-1) unstable; urgency=medium\n\n"
                + "  * Test.\n\n -- Test Maintainer <test@example.com>  Mon, 06 May 2024 07:08:09 +0000\n");

        String control = Commands.shell("cd \"$1\" && dpkg-gencontrol -pwazo-archive-test -P\"$2\" -O 2>/dev/null",
                source.toString(), staging.toString());

        String dpkgSize = control.lines().filter(l -> l.startsWith("Installed-Size: ")).findFirst().orElseThrow()
                .substring("Installed-Size: ".length());
        assertThat(PayloadTree.scan(staging).installedSizeKiB()).isEqualTo(Long.parseLong(dpkgSize));
    }
}
