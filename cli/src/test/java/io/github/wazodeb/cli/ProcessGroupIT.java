package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rules step runs in a process group of its own that is stopped when the step ends, whether it ran
 * out of time or exited leaving children behind (SPEC section 2): no step leaves a process running, and
 * the payload is read only once nothing can write to it any more.
 */
class ProcessGroupIT {

    /** How long processes sent SIGKILL get to be scheduled and die on a loaded machine. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @TempDir
    Path work;

    @Test
    void aStepOverItsTimeLimitFailsTheBuildAndItsDoubleForkedTermIgnoringChildIsStopped() throws Exception {
        Requirements.assumeAvailable(Requirement.SETSID);
        String marker = MarkedProcesses.newMarker();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("slow", "1.0"), PluginDirs.rulesWhere("build",
                MarkedProcesses.lingeringChildren(marker) + "echo \"" + marker + " build is running\"\nsleep 600"));
        Path temp = work.resolve("tmp-" + marker);
        Path out = work.resolve("out");

        long start = System.nanoTime();
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString(), "--step-timeout", "2s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains(marker + " build is running")
                .contains("wazo/rules build did not finish within 2s and was stopped");
        assertThat(MarkedProcesses.awaitNone(marker, SETTLE)).as("processes the step left").isEmpty();
        assertThat(Leftovers.stagingDirectories(temp)).isEmpty();
        assertThat(Leftovers.packages(out)).isEmpty();
        // 2 s limit, 5 s grace for the TERM-ignoring child, JVM start: far from the child's 600 s.
        assertThat(took).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void aStepThatExitsLeavingChildrenBehindSucceedsAndItsChildrenStopBeforeThePayloadIsRead() throws Exception {
        Requirements.assumeAvailable(Requirement.SETSID, Requirement.DPKG_DEB, Requirement.MD5SUM);
        String marker = MarkedProcesses.newMarker();
        // One child keeps appending to a payload file until the step's group is stopped: the package must
        // still be whole (dpkg-deb extracts it, md5sums match) and the child must be gone.
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("busy", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/busy\"\n"
                        + MarkedProcesses.lingeringChildren(marker)
                        + "( while :; do echo tick >> \"$pkgdir/usr/share/busy/ticks.log\"; sleep 0.05; done ) &\n"
                        // The step exits only once the child has written: on a loaded machine it could
                        // otherwise be stopped with the step before its first tick.
                        + "while [ ! -s \"$pkgdir/usr/share/busy/ticks.log\" ]; do sleep 0.01; done\n"
                        + "echo \"" + marker + " package step exits\""));
        Path temp = work.resolve("tmp-" + marker);
        Path out = work.resolve("out");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path deb = Path.of(run.out().strip());
        assertThat(DpkgDeb.info(deb)).contains("Package: wazo-plugind-busy-itest");
        assertThat(DpkgDeb.contents(deb)).contains("./usr/share/busy/ticks.log");
        Path extracted = work.resolve("extracted");
        Path control = work.resolve("control");
        DpkgDeb.extract(deb, extracted);
        DpkgDeb.extractControl(deb, control);
        Commands.shell("cd \"$1\" && md5sum --check --quiet \"$2\"", extracted.toString(),
                control.resolve("md5sums").toString());
        assertThat(MarkedProcesses.awaitNone(marker, SETTLE)).as("processes the step left").isEmpty();
        assertThat(Leftovers.stagingDirectories(temp)).isEmpty();
        assertThat(Leftovers.partialPackages(out)).isEmpty();
    }
}
