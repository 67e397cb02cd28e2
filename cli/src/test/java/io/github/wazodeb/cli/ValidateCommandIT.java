package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb validate}, {@code --help} and {@code --version}, run from the built jar. */
class ValidateCommandIT {

    @TempDir
    Path work;

    @Test
    void aValidPluginExitsZeroAndSaysWhatItPackagesAs() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(plugin, Map.of(), "validate");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("valid: itest/hello 1.0 packages as wazo-plugind-hello-itest");
    }

    @Test
    void warningsArePrintedButTheExitCodeStaysZero() throws Exception {
        Path plugin = PluginDirs.plugin(work, "name: hello\nnamespace: itest\nversion: \"1.10\"\nmin_wazo_version: 20.10\n",
                PluginDirs.rulesWhere("build|package|install|uninstall", "true"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("wazo/plugin.yml:4:19: warning: min_wazo_version \"20.10\"").contains("(1 warning)");
    }

    @Test
    void everyProblemIsOneLineOnStandardErrorAndTheExitCodeIsTwo() throws Exception {
        Path plugin = PluginDirs.plugin(work,
                "name: no_underscore\nnamespace: itest\nversion: \"1.0\"\ndebian_depends:\n  - \"foo (> 1)\"\n",
                PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo/plugin.yml:")))
                .hasSize(2)
                .anyMatch(line -> line.startsWith(
                        "wazo/plugin.yml:1:7: name \"no_underscore\" must match ^[a-z0-9-]+$"))
                .anyMatch(line -> line.startsWith("wazo/plugin.yml:5:5: debian_depends[0] \"foo (> 1)\""));
        assertThat(run.err()).contains("2 errors").doesNotContain("\tat ");
    }

    @Test
    void aRulesScriptThatIsNotExecutableSaysHowToFixIt() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());
        Files.setPosixFilePermissions(plugin.resolve("wazo/rules"), PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("wazo/rules").contains("chmod +x wazo/rules")
                .contains("git update-index --chmod=+x wazo/rules");
    }

    @Test
    void aDirectoryWithoutAPluginIsInvalidInput() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "validate", work.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("wazo/plugin.yml");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("package").contains("validate").contains("inspect")
                .contains("Exit codes:");
    }

    @Test
    void versionPrintsTheBuiltVersion() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).matches("wazo-deb \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*");
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Missing a command");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'")
                .contains("Try 'wazo-deb package --help' for the options.")
                .doesNotContain("Usage:");
    }
}
