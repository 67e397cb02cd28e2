package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wazo-deb validate} and {@code package}, run from the built jar, refuse what wazo-plugind refuses
 * (SPEC section 1): values YAML does not read as strings, keys without a value, unquoted versions YAML reads
 * as another number, a rules script saved with Windows line ends; and warn about missing rules steps.
 */
class StrictValidationIT {

    /** Rules with a branch for every step a format-0 plugin's package calls, and no other. */
    private static final String RULES = PluginDirs.rulesWhere("build|package|install|uninstall", "true");

    @TempDir
    Path work;

    private CliRun validate(String pluginYml, String rules) throws Exception {
        Path plugin = PluginDirs.plugin(work, pluginYml, rules);
        return CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());
    }

    private CliRun validate(String pluginYml) throws Exception {
        return validate(pluginYml, RULES);
    }

    /** Exit code 2 (invalid input) with exactly these problem lines. */
    private static void assertRefusedWithExactly(CliRun run, String... lines) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(problems(run)).containsExactly(lines);
    }

    /** The problem lines, without the summary line. */
    private static List<String> problems(CliRun run) {
        return run.err().lines().filter(line -> line.startsWith("wazo/")).toList();
    }

    @Test
    void aDateVersionExitsTwoSayingToQuoteIt() throws Exception {
        CliRun run = validate("name: hello\nnamespace: itest\nversion: 2024-01-01\n");

        assertRefusedWithExactly(run, "wazo/plugin.yml:3:10: version \"2024-01-01\" must be a string, "
                + "but YAML reads it as a date: quote it: version: \"2024-01-01\"");
        assertThat(run.err()).contains("1 error").doesNotContain("\tat ");
    }

    @Test
    void aBooleanNameExitsTwo() throws Exception {
        CliRun run = validate("name: yes\nnamespace: itest\nversion: \"1.0\"\n");

        assertRefusedWithExactly(run,
                "wazo/plugin.yml:1:7: name \"yes\" must be a string, but YAML reads it as a boolean: quote it: name: \"yes\"");
    }

    @Test
    void aNumericNamespaceExitsTwo() throws Exception {
        CliRun run = validate("name: hello\nnamespace: 123\nversion: \"1.0\"\n");

        assertRefusedWithExactly(run, "wazo/plugin.yml:2:12: namespace \"123\" must be a string, "
                + "but YAML reads it as a number: quote it: namespace: \"123\"");
    }

    @Test
    void dependsWithoutAValueExitsTwo() throws Exception {
        CliRun run = validate("name: hello\nnamespace: itest\nversion: \"1.0\"\ndepends:\n");

        assertRefusedWithExactly(run,
                "wazo/plugin.yml:4:9: depends has no value (YAML reads it as null): give it a value or remove the key");
    }

    @Test
    void anUnquotedVersionThatYamlReadsAsAnotherNumberExitsTwo() throws Exception {
        CliRun run = validate("name: hello\nnamespace: itest\nversion: 1.10\n");

        assertRefusedWithExactly(run, "wazo/plugin.yml:3:10: version \"1.10\" is read by YAML as the number "
                + "1.1, which wazo-plugind would package instead: quote it: version: \"1.10\"");
    }

    @Test
    void everyProblemIsReportedInOneRun() throws Exception {
        CliRun run = validate("name: yes\nnamespace: 123\nversion: 1.10\ndepends:\n",
                RULES.replace("\n", "\r\n"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(problems(run)).hasSize(5);
        assertThat(run.err()).contains("5 errors");
    }

    @Test
    void anUnquotedMinWazoVersionIsKeptWithAWarning() throws Exception {
        CliRun run = validate("name: hello\nnamespace: itest\nversion: \"1.0\"\nmin_wazo_version: 20.10\n");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(problems(run)).containsExactly("wazo/plugin.yml:4:19: warning: min_wazo_version \"20.10\" is read by "
                + "YAML and wazo-plugind as 20.1; wazo-deb keeps the text as written: quote it: min_wazo_version: \"20.10\"");
    }

    @Test
    void aRulesScriptWithWindowsLineEndsExitsTwoInValidate() throws Exception {
        CliRun run = validate(PluginDirs.pluginYml("hello", "1.0"), RULES.replace("\n", "\r\n"));

        assertRefusedWithExactly(run, "wazo/rules:1:1: \"#!/bin/sh\\r\" is a shebang line ending in a "
                + "carriage return (the file has Windows line ends), so the system looks for an interpreter whose name "
                + "ends in \\r and cannot run the script: convert the file with sed -i 's/\\r$//' wazo/rules");
    }

    @Test
    void aRulesScriptWithWindowsLineEndsExitsTwoInPackageAndRunsNothing() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"),
                PluginDirs.rulesWhere("build", "touch ran-build").replace("\n", "\r\n"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).anyMatch(line -> line.startsWith("wazo/rules:1:1: \"#!/bin/sh\\r\" is a shebang "
                + "line ending in a carriage return") && line.endsWith("sed -i 's/\\r$//' wazo/rules"));
        assertThat(plugin.resolve("ran-build")).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingCaseBranchIsAWarningAndTheExitCodeStaysZero() throws Exception {
        String rules = """
                #!/bin/sh
                case "$1" in
                    build|package)
                        ;;
                    "install")
                        ;;
                    *)
                        exit 1
                        ;;
                esac
                """;
        CliRun run = validate(PluginDirs.pluginYml("hello", "1.0") + "plugin_format_version: 1\n", rules);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(problems(run)).containsExactly(
                "wazo/rules:2:1: warning: has no branch for the uninstall step in its case on $1, so only the catch-all *) "
                        + "would run (wazo-plugind runs \"wazo/rules uninstall\")",
                "wazo/rules:2:1: warning: has no branch for the postrm step in its case on $1, so only the catch-all *) "
                        + "would run (wazo-plugind runs \"wazo/rules postrm\" from plugin_format_version 1 on): without it, "
                        + "removal fails on a wazo-plugind server");
        assertThat(run.err()).contains("valid: itest/hello 1.0 packages as wazo-plugind-hello-itest (2 warnings)");
    }
}
