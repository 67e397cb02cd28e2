package io.github.wazodeb.deb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness itself, with packages built by the real dpkg-deb from hand-made control members, so
 * that an acceptance test failing later points at our builder and not at the sandbox.
 */
@ExtendWith(DpkgSandboxExtension.class)
class DpkgSandboxTest {

    @TempDir
    Path packages;

    @Test
    void maintainerScriptsRunInsideTheRootWithBusyboxSh(DpkgSandbox sandbox) {
        PluginFixture plugin = PluginFixture.plugin("hello");
        CommandResult install = sandbox.install(HandMadePluginPackage.build(plugin, packages));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0");
        assertThat(Path.of(PluginFixture.CALLS_LOG)).as("the host's own log").doesNotExist();
    }

    @Test
    void installedFilesAreUnderTheRoot(DpkgSandbox sandbox) {
        PluginFixture plugin = PluginFixture.plugin("hello");
        sandbox.install(HandMadePluginPackage.build(plugin, packages));

        assertThat(sandbox.path(plugin.sharedFile())).hasContent("hello from hello 1.0");
        assertThat(sandbox.path(plugin.installedRules())).isExecutable();
    }

    @Test
    void statusReadsTheRootsDatabase(DpkgSandbox sandbox) {
        PluginFixture plugin = PluginFixture.plugin("hello").withVersion("1.2~rc1");
        sandbox.install(HandMadePluginPackage.build(plugin, packages));

        assertThat(sandbox.isInstalled(plugin.packageName())).isTrue();
        assertThat(sandbox.status(plugin.packageName())).hasValueSatisfying(fields -> {
            assertThat(fields).containsEntry("Status", "install ok installed")
                    .containsEntry("Version", "1.2~rc1")
                    .containsEntry("Section", "wazo-plugind-plugin");
            assertThat(fields.get("Description")).contains("\n");
        });
    }

    @Test
    void anUnknownPackageHasNoStatus(DpkgSandbox sandbox) {
        assertThat(sandbox.status("wazo-plugind-nothing-acme")).isEmpty();
        assertThat(sandbox.isInstalled("wazo-plugind-nothing-acme")).isFalse();
    }

    @Test
    void removeAndPurgeAreSeparateSteps(DpkgSandbox sandbox) {
        PluginFixture plugin = PluginFixture.plugin("hello");
        sandbox.install(HandMadePluginPackage.build(plugin, packages));

        CommandResult remove = sandbox.remove(plugin.packageName());
        assertThat(remove.succeeded()).as(remove.describe()).isTrue();
        assertThat(sandbox.status(plugin.packageName()))
                .hasValueSatisfying(fields -> assertThat(fields.get("Status")).endsWith("config-files"));
        CommandResult purge = sandbox.purge(plugin.packageName());
        assertThat(purge.succeeded()).as(purge.describe()).isTrue();

        assertThat(sandbox.status(plugin.packageName())).isEmpty();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG))
                .containsExactly("install 1.0", "uninstall 1.0", "postrm 1.0");
        assertThat(sandbox.path(plugin.sharedFile())).doesNotExist();
    }

    @Test
    void aFailingCommandIsAResultNotAnException(DpkgSandbox sandbox) {
        CommandResult remove = sandbox.remove("wazo-plugind-nothing-acme");
        CommandResult install = sandbox.install(packages.resolve("missing.deb"));

        assertThat(remove.succeeded()).isTrue(); // dpkg only warns about removing what is not there
        assertThat(install.exitCode()).as(install.describe()).isNotZero();
        assertThat(install.output()).contains("missing.deb");
    }

    @Test
    void aMissingDependencyIsRefusedAndAStandInSatisfiesIt(DpkgSandbox sandbox) {
        PluginFixture plugin = PluginFixture.plugin("hello").withDebianDepends("libfoo (>= 2.0)");
        Path deb = HandMadePluginPackage.build(plugin, packages);

        CommandResult refused = sandbox.install(deb);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("dependency problems");
        sandbox.purge(plugin.packageName());

        CommandResult accepted = sandbox.install(StandInPackages.build(packages, "libfoo", "2.1"), deb);
        assertThat(accepted.succeeded()).as(accepted.describe()).isTrue();
        assertThat(sandbox.isInstalled("libfoo")).isTrue();
        assertThat(sandbox.isInstalled(plugin.packageName())).isTrue();
    }

    @Test
    void closeDeletesTheRoot(DpkgSandbox sandbox) {
        Path root = sandbox.root();
        sandbox.install(HandMadePluginPackage.build(PluginFixture.plugin("hello"), packages));

        sandbox.close();

        assertThat(root).doesNotExist();
    }

    @Test
    void theRootHasAShellAndABusyboxUserland(DpkgSandbox sandbox) {
        assertThat(sandbox.path("/bin/sh")).isSymbolicLink();
        assertThat(sandbox.path("/bin/busybox")).isExecutable();
        assertThat(sandbox.readLines("/var/lib/dpkg/status")).isEmpty();
        assertThat(sandbox.path("/tmp")).isDirectory();
        assertThat(sandbox.path("/dev/null")).exists();
    }
}
