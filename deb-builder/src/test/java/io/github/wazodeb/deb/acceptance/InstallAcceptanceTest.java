package io.github.wazodeb.deb.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.StandInPackages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Installing a package we built, with the real dpkg (SPEC section 3, postinst). */
@ExtendWith(DpkgSandboxExtension.class)
class InstallAcceptanceTest {

    private static final PluginFixture PLUGIN = PluginFixture.plugin("hello");

    @TempDir
    Path work;

    @Test
    void installRunsTheRulesInstallStepOnce(DpkgSandbox sandbox) throws Exception {
        CommandResult install = sandbox.install(new PluginPackages(work).deb(PLUGIN));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0");
    }

    @Test
    void installPutsTheRulesPayloadInPlace(DpkgSandbox sandbox) throws Exception {
        sandbox.install(new PluginPackages(work).deb(PLUGIN));

        assertThat(sandbox.path(PLUGIN.sharedFile())).hasContent("hello from hello 1.0");
        assertThat(sandbox.path(PLUGIN.etcFile())).hasContent("setting = 1");
    }

    @Test
    void installPutsThePluginsWazoDirectoryWhereWazoPlugindLooks(DpkgSandbox sandbox) throws Exception {
        sandbox.install(new PluginPackages(work).deb(PLUGIN));

        assertThat(sandbox.path(PLUGIN.installedRules())).isExecutable().hasContent(PLUGIN.rulesScript());
        assertThat(sandbox.path("/usr/lib/wazo-plugind/plugins/acme/hello/wazo/plugin.yml"))
                .hasContent(PLUGIN.pluginYml());
    }

    @Test
    void installedPackageIsListedAsAWazoPluginWithItsVersionAndDepends(DpkgSandbox sandbox) throws Exception {
        PluginFixture plugin = PLUGIN.withVersion("1.2~rc1").withDebianDepends("wazo-stand-in-lib (>= 1.0)");
        Path standIn = StandInPackages.build(work.resolve("stand-ins"), "wazo-stand-in-lib", "1.5");

        CommandResult install = sandbox.install(standIn, new PluginPackages(work).deb(plugin));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(sandbox.status(plugin.packageName())).hasValueSatisfying(fields -> assertThat(fields)
                .containsEntry("Status", "install ok installed")
                .containsEntry("Section", "wazo-plugind-plugin")
                .containsEntry("Version", "1.2~rc1")
                .containsEntry("Depends", "wazo-stand-in-lib (>= 1.0)"));
    }
}
