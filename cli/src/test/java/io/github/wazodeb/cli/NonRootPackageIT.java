package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.FileTrees;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A build by an ordinary user: the package step runs under fakeroot, as wazo-plugind runs it as root, so
 * that {@code install -o root -g root} works; every entry is still owned by root.
 */
class NonRootPackageIT {

    private static final String NOBODY = "65534";

    private Path work;

    @BeforeEach
    void makeAWorkDirectoryNobodyCanUse() throws IOException {
        // @TempDir is private to root; this user needs to read the plugin and write the output.
        work = Files.createTempDirectory(Path.of("/tmp"), "wazo-deb-nonroot");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void removeIt() {
        FileTrees.delete(work);
    }

    @Test
    void thePackageStepRunsUnderFakerootAndEntriesAreOwnedByRoot() throws Exception {
        // Root to switch to an ordinary user with setpriv; fakeroot for the package step; dpkg-deb to read.
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT, Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("owned", "1.0"), """
                #!/bin/sh
                set -e
                if [ "$1" = package ]; then
                    echo "package step sees uid $(id -u)"
                    install -d -o root -g root -m 0755 "$pkgdir/usr/share/owned"
                    install -o root -g root -m 0644 wazo/plugin.yml "$pkgdir/usr/share/owned/plugin.yml"
                fi
                """);
        PluginDirs.makeReadableByAll(plugin);

        CliRun build = asNobody(plugin);
        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.err()).contains("package step sees uid 0");
        assertThat(DpkgDeb.contents(Path.of(build.out().strip())).lines())
                .isNotEmpty()
                .allMatch(line -> line.contains(" root/root "))
                .anyMatch(line -> line.endsWith("./usr/share/owned/plugin.yml"));
    }

    private CliRun asNobody(Path plugin) throws IOException, InterruptedException {
        return CliRun.wazoDebThrough(
                List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"),
                List.of("-Djava.io.tmpdir=" + work), work, Map.of("HOME", work.toString()),
                "package", plugin.toString(), "-o", work.resolve("out").toString());
    }

}
