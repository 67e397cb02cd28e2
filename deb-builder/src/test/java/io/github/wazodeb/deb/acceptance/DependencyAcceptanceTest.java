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

/** What dpkg makes of {@code depends} and {@code debian_depends} (SPEC section 3, Depends). */
@ExtendWith(DpkgSandboxExtension.class)
class DependencyAcceptanceTest {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);

    @TempDir
    Path work;

    @Test
    void aPluginWhosePluginDependencyIsMissingIsRefused(DpkgSandbox sandbox) throws Exception {
        CommandResult install = sandbox.install(new PluginPackages(work).deb(ADDON));

        assertThat(install.exitCode()).isNotZero();
        assertThat(install.output()).contains("dependency problems").contains(BASE.packageName());
        assertThat(sandbox.isInstalled(ADDON.packageName())).isFalse();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).isEmpty();
    }

    @Test
    void aPluginInstallsOnceItsPluginDependencyIsInstalled(DpkgSandbox sandbox) throws Exception {
        PluginPackages packages = new PluginPackages(work);
        CommandResult base = sandbox.install(packages.deb(BASE));
        assertThat(base.succeeded()).as(base.describe()).isTrue();

        CommandResult addon = sandbox.install(packages.deb(ADDON));

        assertThat(addon.succeeded()).as(addon.describe()).isTrue();
        assertThat(sandbox.isInstalled(ADDON.packageName())).isTrue();
    }

    @Test
    void aPluginWhoseDebianDependencyIsMissingIsRefused(DpkgSandbox sandbox) throws Exception {
        PluginFixture plugin = PluginFixture.plugin("hello").withDebianDepends("wazo-stand-in-lib (>= 2.0)");

        CommandResult install = sandbox.install(new PluginPackages(work).deb(plugin));

        assertThat(install.exitCode()).isNotZero();
        assertThat(install.output()).contains("dependency problems").contains("wazo-stand-in-lib");
    }

    @Test
    void aDebianDependencyIsSatisfiedByAnInstalledPackage(DpkgSandbox sandbox) throws Exception {
        PluginFixture plugin = PluginFixture.plugin("hello").withDebianDepends("wazo-stand-in-lib (>= 2.0)");
        CommandResult lib = sandbox.install(StandInPackages.build(work.resolve("stand-ins"), "wazo-stand-in-lib", "2.1"));
        assertThat(lib.succeeded()).as(lib.describe()).isTrue();

        CommandResult install = sandbox.install(new PluginPackages(work).deb(plugin));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0");
    }
}
