package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb package}, run from the built jar as a CI step would. */
class PackageCommandIT {

    @TempDir
    Path work;

    @Test
    void packagePrintsThePathOnStandardOutputAndProgressOnStandardError() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.2.3"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path deb = work.resolve("out/wazo-plugind-hello-itest_1.2.3_all.deb");
        assertThat(run.out().strip()).isEqualTo(deb.toString());
        assertThat(deb).isRegularFile();
        assertThat(run.err())
                .contains("Running wazo/rules build")
                .contains("  building the plugin")
                .contains("Running wazo/rules package")
                .containsPattern("built wazo-plugind-hello-itest_1.2.3_all.deb \\(\\d+(\\.\\d)? (B|KiB), sha256 [0-9a-f]{64}\\)");
    }

    @Test
    void thePackageReadsBackWithDpkgDeb() throws Exception {
        DpkgDeb.assumeAvailable();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.2.3"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--compression", "gzip",
                "--maintainer", "Jane Doe <jane@example.org>");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path deb = Path.of(run.out().strip());
        assertThat(DpkgDeb.field(deb, "Package")).isEqualTo("wazo-plugind-hello-itest");
        assertThat(DpkgDeb.field(deb, "Version")).isEqualTo("1.2.3");
        assertThat(DpkgDeb.field(deb, "Maintainer")).isEqualTo("Jane Doe <jane@example.org>");
        assertThat(DpkgDeb.field(deb, "Section")).isEqualTo("wazo-plugind-plugin");
        assertThat(DpkgDeb.contents(deb))
                .anyMatch(line -> line.startsWith("-rw-r--r-- root/root") && line.endsWith("./usr/share/itest/plugin.yml"))
                .anyMatch(line -> line.startsWith("-rwxr-xr-x root/root")
                        && line.endsWith("./usr/lib/wazo-plugind/plugins/itest/hello/wazo/rules"));
        assertThat(DpkgDeb.members(deb)).containsExactly("debian-binary", "control.tar.gz", "data.tar.gz");
    }

    @Test
    void sourceDateEpochIsTheTimeOfEveryEntry() throws Exception {
        DpkgDeb.assumeAvailable();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "package", plugin.toString(),
                "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 1700000000 is 2023-11-14 22:13:20 UTC; dpkg-deb prints local time, so run it in UTC.
        assertThat(DpkgDeb.contents(Path.of(run.out().strip()))).allMatch(line -> line.contains(" 2023-11-14 22:13 "));
    }

    @Test
    void theSamePluginBuiltUnderDifferentUmasksAndMtimesIsByteIdentical() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());
        Map<String, String> epoch = Map.of("SOURCE_DATE_EPOCH", "1700000000");

        CliRun first = CliRun.wazoDebWithUmask("022", work, epoch, "package", plugin.toString(), "-o", "first");
        touchAll(plugin, FileTime.fromMillis(946684800000L));
        CliRun second = CliRun.wazoDebWithUmask("077", work, epoch, "package", plugin.toString(), "-o", "second");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(Files.readAllBytes(Path.of(second.out().strip())))
                .isEqualTo(Files.readAllBytes(Path.of(first.out().strip())));
    }

    @Test
    void aFailingStepExitsOneNamingTheStepItsStatusAndItsLastLinesAndLeavesNothing() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("broken", "1.0"),
                PluginDirs.rulesWhere("package", "mkdir -p \"$pkgdir/usr\"; echo \"cannot find libfoo\" >&2; exit 3"));
        Path temp = Files.createDirectory(work.resolve("temp"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--temp-dir",
                temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("wazo/rules package failed with exit status 3")
                .contains("last lines:\n  cannot find libfoo")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertNothingLeft(work.resolve("out"), temp);
    }

    @Test
    void aStepThatOutlivesItsTimeLimitIsStoppedAndLeavesNothing() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("slow", "1.0"),
                PluginDirs.rulesWhere("build", "echo started; sleep 300"));
        Path temp = Files.createDirectory(work.resolve("temp"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--temp-dir",
                temp.toString(), "--step-timeout", "2s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("wazo/rules build did not finish within 2s and was stopped; last lines:\n  started");
        assertNothingLeft(work.resolve("out"), temp);
    }

    @Test
    void aKilledStepIsReportedWithItsSignal() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("killed", "1.0"),
                PluginDirs.rulesWhere("package", "echo about to die; kill -9 $$"));
        Path temp = Files.createDirectory(work.resolve("temp"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--temp-dir",
                temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("wazo/rules package failed with exit status 137 (killed by signal 9)");
        assertNothingLeft(work.resolve("out"), temp);
    }

    @Test
    void anInvalidPluginExitsTwoWithOneLinePerProblemAndRunsNothing() throws Exception {
        Path plugin = PluginDirs.plugin(work, "name: no_underscore\nnamespace: Bad-Dash\nversion: \"1.0\"\n",
                PluginDirs.rulesWhere("build", "touch ran-build"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines())
                .anyMatch(line -> line.startsWith("wazo/plugin.yml:1:7: name \"no_underscore\" must match"))
                .anyMatch(line -> line.startsWith("wazo/plugin.yml:2:12: namespace \"Bad-Dash\" must match"));
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(plugin.resolve("ran-build")).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownCompressionIsAUsageError() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "--compression", "bzip2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("'bzip2' is not one of gzip, xz, zstd, none");
    }

    @Test
    void aCompressionLevelOutsideItsRangeIsAUsageError() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "--compression", "gzip",
                "--compression-level", "12");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("compression level 12 is outside 1..9 for gzip");
    }

    @Test
    void aBadSourceDateEpochIsAUsageError() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "yesterday"), "package", plugin.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("SOURCE_DATE_EPOCH \"yesterday\" must be a whole number");
    }

    @Test
    void skipRulesPackagesTheWazoFolderAlone() throws Exception {
        DpkgDeb.assumeAvailable();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"),
                PluginDirs.rulesWhere("build", "exit 9"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--skip-rules");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(DpkgDeb.contents(Path.of(run.out().strip())))
                .noneMatch(line -> line.contains("./usr/share/"))
                .anyMatch(line -> line.endsWith("./usr/lib/wazo-plugind/plugins/itest/hello/wazo/plugin.yml"));
    }

    private static void touchAll(Path dir, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, time);
            }
        }
    }

    private static void assertNothingLeft(Path outputDirectory, Path temporaryDirectory) throws IOException {
        if (Files.exists(outputDirectory)) {
            try (Stream<Path> left = Files.list(outputDirectory)) {
                assertThat(left.toList()).as("files left in the output directory").isEmpty();
            }
        }
        try (Stream<Path> left = Files.list(temporaryDirectory)) {
            List<Path> staging = left.toList();
            assertThat(staging).as("staging left behind").isEmpty();
        }
    }
}
