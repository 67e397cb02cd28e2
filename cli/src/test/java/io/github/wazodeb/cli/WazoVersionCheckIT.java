package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb package} and a plugin's Wazo version range, run from the built jar. */
class WazoVersionCheckIT {

    @TempDir
    Path work;

    private Path plugin;

    @BeforeEach
    void writeARangedPlugin() {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0")
                + "plugin_format_version: 2\nmin_wazo_version: '25.01'\nmax_wazo_version: '25.12'\n",
                PluginDirs.packagingRules());
    }

    @Test
    void byDefaultThePackageHasAPreinstThatChecksTheRange() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path deb = Path.of(run.out().strip());
        assertThat(DpkgDeb.info(deb)).contains(" preinst ");
        assertThat(DpkgDeb.info(deb, "preinst"))
                .contains("MIN_WAZO_VERSION='25.01'")
                .contains("MAX_WAZO_VERSION='25.12'");
    }

    @Test
    void noWazoVersionCheckLeavesThePreinstOut() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out",
                "--no-wazo-version-check");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String info = DpkgDeb.info(Path.of(run.out().strip()));
        assertThat(info).doesNotContain("preinst").contains(" postinst ").contains(" prerm ").contains(" postrm ");
    }

    @Test
    void theHelpNamesTheOption() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("--no-wazo-version-check");
    }
}
