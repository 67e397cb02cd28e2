package io.github.wazodeb.deb.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.HostDpkg;
import io.github.wazodeb.deb.testing.Lintian;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plugin's Wazo version range, enforced by its {@code preinst} when the real dpkg installs it into a root
 * whose {@code /usr/share/wazo/WAZO-VERSION} the test writes (SPEC section 3). Each root also gets the host's
 * dpkg inside it, as a Wazo server has: the scripts run chrooted, and busybox's dpkg cannot compare versions.
 */
@ExtendWith(DpkgSandboxExtension.class)
class WazoVersionGateAcceptanceTest {

    private static final String WAZO_VERSION_FILE = "/usr/share/wazo/WAZO-VERSION";
    private static final PluginFixture RANGED = PluginFixture.plugin("gate").withFormat(2)
            .withExtraYaml("min_wazo_version: '25.01'", "max_wazo_version: '25.12'");

    @TempDir
    Path work;

    @ParameterizedTest(name = "Wazo {0}: requires Wazo {1}")
    @CsvSource({"23.01, >= 25.01", "26.01, <= 25.12"})
    void aServerOutsideTheRangeRefusesThePackageAndNothingIsUnpacked(String server, String bound, DpkgSandbox sandbox)
            throws Exception {
        server(sandbox, server);

        CommandResult install = sandbox.install(packages().deb(RANGED));

        assertThat(install.succeeded()).as(install.describe()).isFalse();
        assertThat(install.output())
                .contains(RANGED.packageName() + ": requires Wazo " + bound + ", this server runs " + server);
        assertThat(sandbox.isInstalled(RANGED.packageName())).isFalse();
        // dpkg keeps the selection ("install ok not-installed") and nothing else.
        sandbox.status(RANGED.packageName())
                .ifPresent(fields -> assertThat(fields.get("Status")).endsWith(" not-installed"));
        assertThat(sandbox.path(RANGED.sharedFile())).doesNotExist();
        assertThat(sandbox.path(RANGED.installedRules())).doesNotExist();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).isEmpty();
    }

    @Test
    void aServerInsideTheRangeInstallsThePackage(DpkgSandbox sandbox) throws Exception {
        server(sandbox, "25.04");

        CommandResult install = sandbox.install(packages().deb(RANGED));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(install.output()).doesNotContain("warning");
        assertThat(sandbox.isInstalled(RANGED.packageName())).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly(RANGED.call("install"));
    }

    @Test
    void aMachineWithoutWazoInstallsThePackageWithAWarning(DpkgSandbox sandbox) throws Exception {
        HostDpkg.installInto(sandbox.root());

        CommandResult install = sandbox.install(packages().deb(RANGED));

        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(install.output()).contains(RANGED.packageName() + ": warning: " + WAZO_VERSION_FILE
                + " is missing, so this is not a Wazo server; not checking that it runs Wazo >= 25.01 and <= 25.12");
        assertThat(sandbox.isInstalled(RANGED.packageName())).isTrue();
    }

    @Test
    void anUpgradeWhoseRangeExcludesTheServerIsRefusedAndKeepsTheOldVersion(DpkgSandbox sandbox) throws Exception {
        server(sandbox, "23.01");
        PluginFixture old = PluginFixture.plugin("gate").withFormat(2).withExtraYaml("min_wazo_version: '20.01'");
        PluginFixture excluding = old.withVersion("2.0").withExtraYaml("max_wazo_version: '22.12'");
        PluginPackages packages = packages();
        CommandResult first = sandbox.install(packages.deb(old));
        assertThat(first.succeeded()).as(first.describe()).isTrue();

        CommandResult upgrade = sandbox.install(packages.deb(excluding));

        assertThat(upgrade.succeeded()).as(upgrade.describe()).isFalse();
        assertThat(upgrade.output()).contains(old.packageName() + ": requires Wazo <= 22.12, this server runs 23.01");
        assertThat(sandbox.isInstalled(old.packageName())).as("old version still installed and configured").isTrue();
        assertThat(sandbox.status(old.packageName()))
                .hasValueSatisfying(fields -> assertThat(fields).containsEntry("Version", "1.0"));
        assertThat(sandbox.path(old.sharedFile())).hasContent("hello from gate 1.0");
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly(old.call("install"));
    }

    @Test
    void withTheCheckOffThePackageHasNoPreinstAndInstallsOnAnyServer(DpkgSandbox sandbox) throws Exception {
        server(sandbox, "23.01");

        Path deb = packages().build(RANGED, options -> options.wazoVersionCheck(false)).debFile();
        CommandResult install = sandbox.install(deb);

        assertThat(DpkgDeb.info(deb)).doesNotContain("preinst").contains("postinst");
        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(sandbox.isInstalled(RANGED.packageName())).isTrue();
    }

    @Test
    void theDefaultBuildHasAnExecutablePreinst() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);

        Path deb = packages().deb(RANGED);

        assertThat(DpkgDeb.info(deb)).containsPattern("\\d+ bytes, +\\d+ lines +\\* +preinst +#!/bin/sh");
    }

    @Test
    void lintianFindsNoErrorInThePreinst() throws Exception {
        Requirements.assumeAvailable(Requirement.LINTIAN);

        Lintian.Report report = Lintian.check(packages().deb(RANGED));
        System.out.println("lintian on " + RANGED.packageName() + " with a preinst:\n" + report.output());

        assertThat(report.errors()).as(report.output())
                .allSatisfy(tag -> assertThat(LintianAcceptanceTest.CONTRACT_IMPLIED_ERRORS).containsKey(tag.name()));
        assertThat(report.tags()).as(report.output()).noneSatisfy(tag -> assertThat(tag.toString()).contains("preinst"));
    }

    private PluginPackages packages() {
        return new PluginPackages(work);
    }

    /** Makes the root a Wazo server of {@code version}, with the dpkg its scripts compare versions with. */
    private static void server(DpkgSandbox sandbox, String version) throws IOException {
        HostDpkg.installInto(sandbox.root());
        Path file = sandbox.path(WAZO_VERSION_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, version + "\n");
    }
}
