package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads and steps a package must not be built from (SPEC section 2): each one stops the build with exit
 * status 1 and one line naming what is wrong, and leaves no package, no temporary file, no staging, and the
 * plugin directory as it was.
 */
class PayloadRefusalIT {

    private static final String NAME = "refused";

    @TempDir
    Path work;

    private Path output;
    private Path temp;

    @BeforeEach
    void makeTheOutputAndTemporaryFolders() throws Exception {
        output = Files.createDirectory(work.resolve("out"));
        temp = Files.createDirectory(work.resolve("temp"));
    }

    @Test
    void aDebianFolderAtThePayloadTopIsRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/DEBIAN" "$pkgdir/usr/share/refused"
                printf '#!/bin/sh\\necho owned\\n' > "$pkgdir/DEBIAN/postinst"
                chmod 0755 "$pkgdir/DEBIAN/postinst"
                echo data > "$pkgdir/usr/share/refused/data"
                """), "payload entry \"DEBIAN\" is dpkg-deb's control folder");
    }

    @Test
    void thePluginsOwnFolderIsRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/lib/wazo-plugind/plugins/itest/refused/wazo"
                echo mine > "$pkgdir/usr/lib/wazo-plugind/plugins/itest/refused/wazo/extra"
                """), "payload entry \"usr/lib/wazo-plugind/plugins/itest/refused\" is the plugin's own folder");
    }

    @Test
    void aDeviceFileIsRefused() throws Exception {
        // Only root makes a real device node; under fakeroot mknod would fake one, which is refused too,
        // but this test is about the file the disk holds.
        Requirements.assumeAvailable(Requirement.ROOT);
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/refused"
                mknod "$pkgdir/usr/share/refused/null" c 1 3
                """), "payload entry \"usr/share/refused/null\" is a character device");
    }

    @Test
    void aFifoIsRefused() throws Exception {
        Requirements.assumeAvailable(Requirement.MKFIFO);
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/refused"
                mkfifo "$pkgdir/usr/share/refused/pipe"
                """), "payload entry \"usr/share/refused/pipe\" is a FIFO (named pipe)");
    }

    @Test
    void aNameOfMoreThan246BytesIsRefused() throws Exception {
        // dpkg would unpack NAME.dpkg-new first: 256 bytes, over the file system's 255 (SPEC section 2).
        String name = "n".repeat(244) + ".py";
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/refused"
                echo data > "$pkgdir/usr/share/refused/%s"
                """.formatted(name)), "payload entry \"usr/share/refused/" + name + "\" has a name of 247 bytes");
    }

    @Test
    void aPkgdirReplacedByALinkToAnotherFolderIsRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p elsewhere/usr/share/refused
                echo data > elsewhere/usr/share/refused/data
                rmdir "$pkgdir"
                ln -s "$PWD/elsewhere" "$pkgdir"
                """), "the package step replaced ${pkgdir} (");
    }

    @Test
    void aRemovedPkgdirIsRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("package", "rm -rf \"$pkgdir\""), "the package step removed ${pkgdir} (");
    }

    @Test
    void rulesRemovedByTheBuildStepAreRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("build", "rm wazo/rules"), "removed wazo/rules");
    }

    @Test
    void rulesMadeNonExecutableByThePackageStepAreRefused() throws Exception {
        assertRefused(PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/refused"
                chmod -x wazo/rules
                """), "made wazo/rules non-executable");
    }

    /** Builds a plugin with {@code rules}: refused with one line holding {@code expected}, nothing left. */
    private void assertRefused(String rules, String expected) throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml(NAME, "1.0"), rules);
        Files.writeString(Files.createDirectories(plugin.resolve("src")).resolve("module.py"), "print('hi')\n");
        TreeState before = TreeState.of(plugin);

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", output.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: ") && line.contains(expected)))
                .as(run.toString()).hasSize(1);
        assertThat(run.err().lines().filter(line -> line.contains(expected))).as(run.toString()).hasSize(1);
        UserMessages.assertPlain(run.err());
        TreeState.assertNothingLeft(output, temp);
        assertThat(TreeState.of(plugin)).as("the plugin directory after the build").isEqualTo(before);
    }
}
