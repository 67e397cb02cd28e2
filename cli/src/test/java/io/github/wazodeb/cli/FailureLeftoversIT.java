package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure leaves nothing (SPEC section 2), also where the staging's paths pass the kernel's 4,096
 * bytes and where a process a step left behind keeps writing into the payload: what the build cannot
 * remove at once, the next build in the same temporary directory removes.
 */
class FailureLeftoversIT {

    @TempDir
    Path work;

    @Test
    void aPayloadTenThousandDirectoriesDeepFailsAndLeavesNoStaging() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        // Made relative to each new directory: no path the step hands the kernel passes the limit.
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("deep", "1.0"), PluginDirs.rulesWhere("package",
                "python3 -c 'import os\nos.chdir(os.environ[\"pkgdir\"])\nfor _ in range(10000):\n"
                        + "    os.mkdir(\"d\"); os.chdir(\"d\")'"));

        assertFailsLeavingNothing(plugin, work.resolve("tmp"));
    }

    @Test
    void aStagingWhosePathsPassTheKernelsLimitIsRemovedAfterTheBuildFails() throws Exception {
        // A temporary directory 4,000 bytes deep: the staging's payload paths pass 4,096 bytes, as the
        // package step makes them relative to $pkgdir.
        Path temp = work.resolve("tmp");
        while (temp.toString().length() < 4_000) {
            temp = temp.resolve("t".repeat(Math.min(200, 4_000 - temp.toString().length())));
        }
        Files.createDirectories(temp);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("long", "1.0"), PluginDirs.rulesWhere("package",
                "cd \"$pkgdir\" && mkdir -p usr/share/long/" + ("n".repeat(200) + "/").repeat(3)
                        + " && echo data > usr/share/long/" + ("n".repeat(200) + "/").repeat(3) + "file"));

        assertFailsLeavingNothing(plugin, temp);
    }

    @Test
    void aStagingAProcessKeepsWritingIntoAfterTheBuildIsRemovedByTheNextBuild() throws Exception {
        Requirements.assumeAvailable(Requirement.SETSID);
        String marker = MarkedProcesses.newMarker();
        Path stop = work.resolve("stop-" + marker);
        // setsid: the writer leaves the step's process group, so nothing stops it when the step ends; it
        // makes its folder again whenever the build removes it, until the test says stop.
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("writer", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/writer\"\n"
                        + "        setsid sh -c 'i=0; while [ ! -e \"$2\" ]; do mkdir -p \"$1/usr/share/writer\"; "
                        + "echo tick > \"$1/usr/share/writer/f$i\" 2>/dev/null; i=$((i+1)); done' " + marker
                        + " \"$pkgdir\" '" + stop + "' </dev/null >/dev/null 2>&1 &\n"
                        + "        sleep 1"));
        Path temp = work.resolve("tmp");
        Path out = work.resolve("out");

        CliRun first = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());
        Files.createFile(stop);
        assertThat(MarkedProcesses.awaitNone(marker, Duration.ofSeconds(10))).as("the writer").isEmpty();

        assertThat(first.err()).as(first.toString()).doesNotContain("remove it by hand");
        Path next = PluginDirs.plugin(work.resolve("next"), PluginDirs.pluginYml("next", "1.0"),
                PluginDirs.packagingRules());
        CliRun second = CliRun.wazoDeb(work, Map.of(), "package", next.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(TreeState.namesIn(temp)).as("left in the temporary directory").isEmpty();
    }

    /** Building {@code plugin} staged in {@code temp} fails (exit 1), with no cleanup warning, leaving nothing. */
    private void assertFailsLeavingNothing(Path plugin, Path temp) throws Exception {
        Path out = work.resolve("out");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(shortened(run)).isEqualTo(1);
        assertThat(run.err()).as(shortened(run)).doesNotContain("warning: could not remove");
        assertThat(TreeState.namesIn(temp)).as("left in the temporary directory").isEmpty();
        assertThat(Leftovers.packages(out)).isEmpty();
    }

    /** The run, its lines cut short: a message may name a path tens of thousands of bytes long. */
    private static String shortened(CliRun run) {
        return run.toString().lines().map(line -> line.length() > 500 ? line.substring(0, 500) + "..." : line)
                .reduce("", (all, line) -> all + line + "\n");
    }
}
