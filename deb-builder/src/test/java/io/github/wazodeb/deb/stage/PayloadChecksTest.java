package io.github.wazodeb.deb.stage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.testing.PluginDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link PayloadChecks} lets through and what it refuses, one rule at a time. */
class PayloadChecksTest {

    @TempDir
    Path work;

    private Path payload;
    private Path workingCopy;

    @BeforeEach
    void stageAnAcceptablePayload() throws IOException {
        payload = Files.createDirectories(work.resolve("payload"));
        Files.writeString(Files.createDirectories(payload.resolve("usr/share/doc/DEBIAN")).resolve("README"), "doc\n");
        // A neighbouring plugin's folder, and the plugins folder of the namespace itself, are other paths.
        Files.createDirectories(payload.resolve("usr/lib/wazo-plugind/plugins/ns/other/wazo"));
        Files.createDirectories(payload.resolve("usr/lib/wazo-plugind/plugins/ns2/plugin"));
        workingCopy = PluginDirectory.write(work.resolve("source"), "name: plugin\n", "#!/bin/sh\n");
    }

    @Test
    void anOrdinaryPayloadPasses() {
        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void aDebianFolderAtTheTopIsRefused() throws IOException {
        Files.createDirectory(payload.resolve("DEBIAN"));
        assertRefused("payload entry \"DEBIAN\" is dpkg-deb's control folder");
    }

    @Test
    void aDebianFileOrLinkAtTheTopIsRefusedToo() throws IOException {
        Files.createSymbolicLink(payload.resolve("DEBIAN"), Path.of("nowhere"));
        assertRefused("payload entry \"DEBIAN\"");
    }

    @Test
    void anythingAtThePluginsOwnFolderIsRefused() throws IOException {
        Files.writeString(Files.createDirectories(payload.resolve("usr/lib/wazo-plugind/plugins/ns"))
                .resolve("plugin"), "a file where the folder goes\n");
        assertRefused("payload entry \"usr/lib/wazo-plugind/plugins/ns/plugin\" is the plugin's own folder");
    }

    @Test
    void aPkgdirReplacedByALinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(work.resolve("linked-payload"), elsewhere);
        payload = link;
        assertRefused("the package step replaced ${pkgdir} (" + link + ") with a symbolic link");
    }

    @Test
    void aRemovedPkgdirIsRefused() {
        payload = work.resolve("gone");
        assertRefused("the package step removed ${pkgdir} (" + payload + ")");
    }

    @Test
    void removedRulesAreRefused() throws IOException {
        Files.delete(workingCopy.resolve("wazo/rules"));
        assertRefused("the rules steps removed wazo/rules");
    }

    @Test
    void rulesReplacedByADirectoryAreRefused() throws IOException {
        Files.delete(workingCopy.resolve("wazo/rules"));
        Files.createDirectory(workingCopy.resolve("wazo/rules"));
        assertRefused("the rules steps removed wazo/rules");
    }

    @Test
    void nonExecutableRulesAreRefused() throws IOException {
        Files.setPosixFilePermissions(workingCopy.resolve("wazo/rules"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PayloadChecks.rulesIntact(workingCopy))
                .isInstanceOf(BuildException.class)
                .hasMessageStartingWith("the rules steps made wazo/rules non-executable");
        assertRefused("the rules steps made wazo/rules non-executable");
    }

    private void check() throws BuildException {
        PayloadChecks.afterSteps(payload, workingCopy, "ns", "plugin");
    }

    private void assertRefused(String messageStart) {
        assertThatThrownBy(this::check).isInstanceOf(BuildException.class).hasMessageStartingWith(messageStart);
    }
}
