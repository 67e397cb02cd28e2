package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code wazo-deb validate} and {@code package}, run from the built jar, refuse the plugin.yml values that
 * wazo-plugind reads but its JSON plugin list and market cannot serve (a date anywhere, NaN, infinity,
 * binary, sets, an unquoted integer version, an alias that expands the file past its bound) and a
 * {@code wazo/rules} that is a link; they accept, as wazo-plugind does, scalars PyYAML reads as strings
 * ({@code 1e3}), a description of another type and an empty {@code debian_depends} without {@code depends}
 * (SPEC section 1).
 */
class PluginYmlServingIT {

    private static final String VALID = "name: hello\nnamespace: itest\nversion: \"1.0\"\n";
    private static final String DATE = "is read by YAML as a date, which wazo-plugind's JSON plugin list cannot serve "
            + "(one such value makes GET /0.2/plugins fail for every plugin): ";
    /** Rules with the steps a format-0 plugin has (a postrm branch would add a warning of its own). */
    private static final String RULES = PluginDirs.packagingRules().replace("install|uninstall|postrm)", "install|uninstall)");
    private static final String DESCRIPTION = "wazo-plugind never reads description, and wazo-deb writes a generated one";

    @TempDir
    Path work;

    static Stream<Arguments> unservable() {
        return Stream.of(
                Arguments.of(VALID + "released: 2024-01-01\n",
                        "wazo/plugin.yml:4:11: released \"2024-01-01\" " + DATE + "quote it: released: \"2024-01-01\""),
                Arguments.of(VALID + "extra:\n  builds:\n    - when: 2024-01-01 10:00:00\n",
                        "wazo/plugin.yml:6:13: extra.builds[0].when \"2024-01-01 10:00:00\" " + DATE
                                + "quote it: when: \"2024-01-01 10:00:00\""),
                Arguments.of("name: hello\nnamespace: itest\nversion: 3\n",
                        "wazo/plugin.yml:3:10: version \"3\" is read by YAML as an integer, which wazo-plugind's market "
                                + "listing cannot serve, and every install of the same version rebuilds the plugin: "
                                + "quote it: version: \"3\""),
                Arguments.of(VALID + "ratio: .nan\n",
                        "wazo/plugin.yml:4:8: ratio \".nan\" is read by YAML as NaN (not a number), which JSON cannot "
                                + "hold: wazo-plugind's plugin list would serve a bare NaN: quote it: ratio: \".nan\""),
                Arguments.of(VALID + "limits: [1, -.Inf]\n",
                        "wazo/plugin.yml:4:13: limits[1] \"-.Inf\" is read by YAML as minus infinity, which JSON cannot "
                                + "hold: wazo-plugind's plugin list would serve a bare Infinity: quote it: \"-.Inf\""),
                Arguments.of(VALID + "icon: !!binary aGVsbG8=\n",
                        "wazo/plugin.yml:4:7: icon \"!!binary\" is binary data (bytes), which wazo-plugind's JSON plugin "
                                + "list cannot serve: write it as a string, or a list of strings"),
                Arguments.of(VALID + "tags: !!set {a, b}\n",
                        "wazo/plugin.yml:4:7: tags \"!!set\" is a set, which wazo-plugind's JSON plugin list cannot "
                                + "serve: write it as a string, or a list of strings"),
                Arguments.of(VALID + "history:\n  2024-01-01: first release\n",
                        "wazo/plugin.yml:5:3: history \"2024-01-01\" is a key that YAML reads as a date, which "
                                + "wazo-plugind's JSON plugin list cannot serve (one such key makes GET /0.2/plugins fail "
                                + "for every plugin): quote it: \"2024-01-01\":"),
                Arguments.of(VALID + "? [a, b]\n: 1\n",
                        "wazo/plugin.yml:4:3: has a key that is a list, which wazo-plugind's JSON plugin list cannot "
                                + "serve: keys must be plain strings"));
    }

    @ParameterizedTest
    @MethodSource("unservable")
    void aValueWazoPlugindCannotServeIsRefusedByValidateAndPackage(String pluginYml, String line) throws Exception {
        assertRefusedWithExactly(PluginDirs.plugin(work, pluginYml, RULES), line);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anAliasBombOfEightHundredFiftyKilobytesIsRefusedNamingTheAlias() throws Exception {
        // one 400 KB string referred to 150,000 times: 60 GB to wazo-plugind's JSON listing
        String bomb = VALID + "big: &a \"" + "x".repeat(400_000) + "\"\nrefs: [" + "*a,".repeat(150_000) + "]\n";
        assertThat(bomb.length()).isBetween(850_000, 860_000);

        // each alias adds 400,001 bytes to the file's: the seventh goes past four times its size
        assertRefusedWithExactly(PluginDirs.plugin(work, bomb, RULES),
                "wazo/plugin.yml:5:26: refs[6] \"*a\" is an alias that expands plugin.yml past " + 4L * bomb.length()
                        + " bytes, the most allowed (1 MiB or four times the file's size, whichever is larger): "
                        + "wazo-plugind would serve every copy in its plugin list; write the value out instead of "
                        + "repeating it");
    }

    @Test
    void aRulesScriptThatIsALinkOutsideWazoIsRefusedByValidateAndPackage() throws Exception {
        Path plugin = PluginDirs.plugin(work, VALID, RULES);
        Path target = Files.createDirectories(plugin.resolve("build")).resolve("rules.sh");
        Files.move(plugin.resolve("wazo/rules"), target);
        Files.createSymbolicLink(plugin.resolve("wazo/rules"), Path.of("../build/rules.sh"));
        assertThat(Files.isExecutable(plugin.resolve("wazo/rules"))).isTrue();

        assertRefusedWithExactly(plugin, "wazo/rules: is a symbolic link (to ../build/rules.sh): the package would "
                + "hold the link, not the script it points to, so dpkg would leave the plugin half-configured: commit "
                + "the file itself in its place");
    }

    @Test
    void aPluginYmlThatIsALinkOutsideWazoIsRefusedByValidateAndPackage() throws Exception {
        // A repository that keeps its plugin.yml at the top and links it into wazo/: the package would hold
        // the link, which points at nothing on the server.
        Path plugin = PluginDirs.plugin(work, VALID, RULES);
        Files.move(plugin.resolve("wazo/plugin.yml"), plugin.resolve("plugin.yml"));
        Files.createSymbolicLink(plugin.resolve("wazo/plugin.yml"), Path.of("../plugin.yml"));

        assertRefusedWithExactly(plugin, "wazo/plugin.yml: is a symbolic link (to ../plugin.yml): the package would "
                + "hold the link, not the file it points to, and wazo-plugind reads wazo/plugin.yml on the server, "
                + "where a link out of wazo/ points at nothing: commit the file itself in its place");
    }

    @Test
    void aPluginYmlThatABuildStepReplacesWithALinkIsNeverShipped() throws Exception {
        // The link points at the very same text: still not shipped, as it would dangle once installed.
        Path plugin = PluginDirs.plugin(work, VALID, PluginDirs.rulesWhere("build",
                "mv wazo/plugin.yml plugin.yml && ln -s ../plugin.yml wazo/plugin.yml"));
        Path out = work.resolve("out");
        Path temp = Files.createDirectories(work.resolve("temp"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString(), "-q");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> !line.contains(": warning: "))).as(run.toString())
                .singleElement().asString().startsWith("wazo-deb: ").contains("wazo/plugin.yml changed while being packaged");
        assertThat(run.out()).isEmpty();
        TreeState.assertNothingLeft(out, temp);
        assertThat(Files.isSymbolicLink(plugin.resolve("wazo/plugin.yml"))).as("the plugin directory is untouched").isFalse();
        assertThat(Files.readString(plugin.resolve("wazo/plugin.yml"))).isEqualTo(VALID);
    }

    static Stream<Arguments> readAsStrings() {
        return Stream.of(
                Arguments.of("name: hello\nnamespace: itest\nversion: 1e3\n", "wazo-plugind-hello-itest_1e3_all.deb"),
                Arguments.of("name: 2e10\nnamespace: itest\nversion: 2.0e0\n", "wazo-plugind-2e10-itest_2.0e0_all.deb"));
    }

    @ParameterizedTest
    @MethodSource("readAsStrings")
    void unquotedTextThatWazoPlugindReadsAsAStringPackagesAsWritten(String pluginYml, String deb) throws Exception {
        assertPackagedWithExactly(PluginDirs.plugin(work, pluginYml, RULES), deb);
    }

    static Stream<Arguments> otherDescriptions() {
        return Stream.of(
                Arguments.of("description: 12\n", "wazo/plugin.yml:4:14: warning: description \"12\" is not a string: "
                        + "YAML reads it as a number; " + DESCRIPTION + ": quote it: description: \"12\""),
                Arguments.of("description: yes\n", "wazo/plugin.yml:4:14: warning: description \"yes\" is not a string: "
                        + "YAML reads it as a boolean; " + DESCRIPTION + ": quote it: description: \"yes\""),
                Arguments.of("description:\n", "wazo/plugin.yml:4:13: warning: description has no value (YAML reads it "
                        + "as null): " + DESCRIPTION + "; give it a value or remove the key"),
                Arguments.of("description: [a, b]\n", "wazo/plugin.yml:4:14: warning: description is not a string but a "
                        + "list; " + DESCRIPTION + ": write it as one string"));
    }

    @ParameterizedTest
    @MethodSource("otherDescriptions")
    void aDescriptionThatIsNotAStringPackagesWithAWarning(String description, String warning) throws Exception {
        assertPackagedWithExactly(PluginDirs.plugin(work, VALID + description, RULES),
                "wazo-plugind-hello-itest_1.0_all.deb", warning);
    }

    @Test
    void anEmptyDebianDependsPackagesWithAWarningWithoutDependsAndIsRefusedBesideThem() throws Exception {
        assertPackagedWithExactly(PluginDirs.plugin(work.resolve("alone"), VALID + "debian_depends:\n",
                RULES), "wazo-plugind-hello-itest_1.0_all.deb",
                "wazo/plugin.yml:4:16: warning: debian_depends has no value (YAML reads it as null): wazo-plugind builds "
                        + "the plugin without dependencies, but fails once depends is given too: give it a list or "
                        + "remove the key");

        assertRefusedWithExactly(PluginDirs.plugin(work.resolve("with-depends"), VALID + "debian_depends:\n"
                        + "depends:\n  - {name: other, namespace: itest}\n", RULES),
                "wazo/plugin.yml:4:16: debian_depends has no value (YAML reads it as null): give it a value or remove "
                        + "the key");
    }

    /**
     * Both commands exit 2 with exactly {@code line} as the problem; {@code package} writes nothing and
     * neither touches the plugin directory.
     */
    private void assertRefusedWithExactly(Path plugin, String line) throws Exception {
        TreeState before = TreeState.of(plugin);
        Path out = plugin.resolveSibling(plugin.getFileName() + "-out");

        CliRun validate = CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());
        CliRun pack = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString());

        for (CliRun run : List.of(validate, pack)) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(problems(run)).as(run.toString()).containsExactly(line);
            assertThat(run.err()).contains("1 error").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }
        if (Files.exists(out)) {
            assertThat(TreeState.namesIn(out)).as("written to the output directory").isEmpty();
        }
        assertThat(TreeState.of(plugin)).isEqualTo(before);
    }

    /** Both commands exit 0 with exactly these warnings; {@code package} writes {@code deb} and only it. */
    private void assertPackagedWithExactly(Path plugin, String deb, String... warnings) throws Exception {
        Path out = plugin.resolveSibling(plugin.getFileName() + "-out");

        CliRun validate = CliRun.wazoDeb(work, Map.of(), "validate", plugin.toString());
        CliRun pack = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString());

        for (CliRun run : List.of(validate, pack)) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(problems(run)).as(run.toString()).containsExactly(warnings);
        }
        assertThat(pack.out().lines()).containsExactly(out.resolve(deb).toString());
        assertThat(TreeState.namesIn(out)).containsExactly(deb);
    }

    /** The problem lines, without the summary line. */
    private static List<String> problems(CliRun run) {
        return run.err().lines().filter(line -> line.startsWith("wazo/")).toList();
    }
}
