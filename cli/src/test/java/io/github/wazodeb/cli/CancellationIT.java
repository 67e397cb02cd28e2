package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGINT and SIGTERM to the CLI cancel the build (SPEC section 2): exit 130 or 143, the running step's
 * processes stopped (a double-forked child that ignores SIGTERM included), staging and the partial package
 * removed, no package written. A build killed outright (SIGKILL) cannot clean up: its watchdog stops the
 * step's processes, and the next build in the same folders removes what it left.
 *
 * <p>Each test waits for an event it can see (a line on standard error, the partial package appearing)
 * before it sends the signal, so the signal lands at the moment the test names, on a loaded machine too.
 */
class CancellationIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    /** The build's cleanup: a step's 5 s grace for a TERM-ignoring child, then removing 400 MB of staging. */
    private static final Duration CLEANUP = Duration.ofSeconds(90);
    /** How long processes sent SIGKILL get to be scheduled and die on a loaded machine. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** The watchdog sends TERM, waits 2 s, sends KILL. */
    private static final Duration WATCHDOG = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private String marker;
    private Path temp;
    private Path out;

    @BeforeEach
    void needs() {
        // setsid for the steps' process groups; dpkg-deb to judge whatever package is left.
        Requirements.assumeAvailable(Requirement.SETSID, Requirement.DPKG_DEB);
        marker = MarkedProcesses.newMarker();
        temp = work.resolve("tmp-" + marker);
        out = work.resolve("out");
    }

    @ParameterizedTest(name = "SIG{1} during the {0} step exits {2} and leaves nothing")
    @CsvSource({"build, TERM, 143", "build, INT, 130", "package, TERM, 143", "package, INT, 130"})
    void aSignalDuringAStepStopsItsProcessesAndLeavesNothing(String step, String signal, int exitCode)
            throws Exception {
        try (BackgroundCli cli = startLingeringBuild(step)) {
            assertThat(cli.ignoresSigint()).as("the CLI's JVM was started with SIGINT ignored").isFalse();
            List<String> watchdogs = MarkedProcesses.awaitWatchdogsOf(marker, SETTLE);
            assertThat(watchdogs).as("the step's watchdog").isNotEmpty();
            cli.signal(signal);
            assertCancelled(cli, exitCode, false);
            assertThat(cli.stderr()).contains("wazo-deb: the build was cancelled; nothing was written");
            assertThat(MarkedProcesses.awaitGone(watchdogs, SETTLE)).as("watchdogs left").isEmpty();
        }
    }

    @Test
    void sigtermOnceThePackageIsBeingWrittenExits143AndLeavesNothing() throws Exception {
        try (BackgroundCli cli = startLargeBuild()) {
            cli.awaitStderrLine(line -> line.equals("wazo-deb: Writing the package"), "\"Writing the package\"", STARTUP);
            cli.signal("TERM");
            assertCancelled(cli, 143, false);
        }
    }

    @Test
    void sigintWhileThePartialPackageIsInTheOutputFolderExits130AndRemovesIt() throws Exception {
        try (BackgroundCli cli = startLargeBuild()) {
            awaitPartialPackage(cli);
            assertThat(cli.ignoresSigint()).as("the CLI's JVM was started with SIGINT ignored").isFalse();
            cli.signal("INT");
            assertCancelled(cli, 130, false);
        }
    }

    @Test
    void sigkillDuringTheBuildStepLetsTheWatchdogStopTheStepAndTheNextBuildRemoveTheStaging() throws Exception {
        try (BackgroundCli cli = startLingeringBuild("build")) {
            List<String> watchdogs = MarkedProcesses.awaitWatchdogsOf(marker, SETTLE);
            assertThat(watchdogs).as("the step's watchdog").isNotEmpty();
            cli.signal("KILL");
            assertThat(cli.awaitExit(CLEANUP)).isEqualTo(137);
            assertThat(MarkedProcesses.awaitNone(marker, WATCHDOG)).as("processes the killed build left").isEmpty();
            assertThat(MarkedProcesses.awaitGone(watchdogs, WATCHDOG)).as("watchdogs left").isEmpty();
            assertThat(Leftovers.stagingDirectories(temp)).as("what the killed build could not remove").hasSize(1);
        }
        assertTheNextBuildRemovesTheLeftovers();
    }

    @Test
    void sigkillWhileThePartialPackageIsInTheOutputFolderLeavesItForTheNextBuildToRemove() throws Exception {
        try (BackgroundCli cli = startLargeBuild()) {
            awaitPartialPackage(cli);
            cli.signal("KILL");
            assertThat(cli.awaitExit(CLEANUP)).isEqualTo(137);
            assertThat(Leftovers.partialPackages(out)).as("what the killed build could not remove").hasSize(1);
            assertThat(Leftovers.stagingDirectories(temp)).as("what the killed build could not remove").hasSize(1);
            assertThat(Leftovers.packages(out)).isEmpty();
        }
        assertTheNextBuildRemovesTheLeftovers();
    }

    /**
     * SIGTERM or SIGINT at moments nobody chose, from JVM start-up to the package's move into place. A
     * signal that lands after the move leaves the complete package (the build had succeeded), which is
     * allowed; a signal that lands before start-up has installed the JVM's handlers kills it with the same
     * exit code. The seed is printed so a failure can be replayed.
     */
    @Test
    void sigtermOrSigintAtRandomMomentsLeavesEitherNoPackageOrAWholeOne() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CancellationIT random moments: seed " + seed);
        Random random = new Random(seed);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String signal = i % 2 == 0 ? "TERM" : "INT";
            long delay = random.nextInt(8000);
            marker = MarkedProcesses.newMarker();
            temp = work.resolve("tmp-" + marker);
            out = work.resolve("out-" + i);
            try (BackgroundCli cli = startLargeBuild()) {
                Thread.sleep(delay);
                if (!cli.isAlive()) {
                    // The build was done before the moment came: nothing to cancel.
                    assertThat(cli.awaitExit(CLEANUP)).as(cli.toString()).isZero();
                    outcomes.add(delay + " ms: finished before the signal");
                    continue;
                }
                cli.signal(signal);
                assertCancelled(cli, signal.equals("TERM") ? 143 : 130, true);
                outcomes.add(delay + " ms " + signal + ": " + (Leftovers.packages(out).isEmpty()
                        ? "no package" : "complete package (the signal came after the move)"));
            }
        }
        System.out.println("CancellationIT random moments: " + outcomes);
    }

    /**
     * The step named {@code step} starts children that carry the marker (one double-forked, ignoring
     * SIGTERM), prints the marker and sleeps; returns once the marker line is on standard error.
     */
    private BackgroundCli startLingeringBuild(String step) throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("lingering", "1.0"), """
                #!/bin/sh
                set -e
                case "$1" in
                    build|package)
                        if [ "$1" = package ]; then
                            mkdir -p "$pkgdir/usr/share/lingering"
                            echo hello > "$pkgdir/usr/share/lingering/hello.txt"
                        fi
                        if [ "$1" = "$LINGER_IN" ]; then
                """ + MarkedProcesses.lingeringChildren(marker).indent(12) + """
                            echo "$MARKER $1 is running"
                            sleep 600
                        fi
                        ;;
                esac
                """);
        BackgroundCli cli = BackgroundCli.start(work, Map.of("LINGER_IN", step, "MARKER", marker), "package",
                plugin.toString(), "-o", out.toString(), "--temp-dir", temp.toString());
        cli.awaitStderrLine(line -> line.equals("  " + marker + " " + step + " is running"),
                "the " + step + " step's marker", STARTUP);
        return cli;
    }

    /** A package step that writes 200 MB of random bytes: long enough to write for a signal to land. */
    private BackgroundCli startLargeBuild() throws IOException {
        Path plugin = PluginDirs.plugin(work.resolve("large-" + marker), PluginDirs.pluginYml("large", "1.0"),
                PluginDirs.rulesWhere("package", "mkdir -p \"$pkgdir/usr/share/large\" && "
                        + "head -c 200M /dev/urandom > \"$pkgdir/usr/share/large/random.bin\""));
        // Uncompressed: random bytes do not compress, and the writing is then disk-bound, not CPU-bound.
        return BackgroundCli.start(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString(), "--compression", "none");
    }

    private void awaitPartialPackage(BackgroundCli cli) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (Leftovers.partialPackages(out).isEmpty()) {
            if (!cli.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the partial package never appeared in " + out + "\n" + cli);
            }
            Thread.sleep(5);
        }
    }

    /**
     * The CLI exits with {@code exitCode}, leaving no staging, no partial package and no process; the
     * output folder holds no package, or (with {@code completeAllowed}) one that dpkg-deb reads whole.
     */
    private void assertCancelled(BackgroundCli cli, int exitCode, boolean completeAllowed) throws Exception {
        assertThat(cli.awaitExit(CLEANUP)).as(cli.toString()).isEqualTo(exitCode);
        assertThat(MarkedProcesses.awaitNone(marker, SETTLE)).as("processes the build left\n" + cli).isEmpty();
        assertThat(Leftovers.stagingDirectories(temp)).as("staging left\n" + cli).isEmpty();
        assertThat(Leftovers.partialPackages(out)).as("partial package left\n" + cli).isEmpty();
        List<Path> packages = Leftovers.packages(out);
        if (!completeAllowed) {
            assertThat(packages).as("packages written\n" + cli).isEmpty();
        }
        for (Path deb : packages) {
            CommandResult info = Commands.run(List.of("dpkg-deb", "--info", deb.toString()));
            assertThat(info.succeeded()).as("dpkg-deb --info on what the cancelled build left: " + info.describe()).isTrue();
        }
    }

    /** A quick build with the same --temp-dir and -o removes what a killed build left there. */
    private void assertTheNextBuildRemovesTheLeftovers() throws Exception {
        Path plugin = PluginDirs.plugin(work.resolve("next"), PluginDirs.pluginYml("next", "1.0"),
                PluginDirs.packagingRules());
        CliRun next = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(Leftovers.stagingDirectories(temp)).as("staging left after the next build").isEmpty();
        assertThat(Leftovers.partialPackages(out)).as("partial packages left after the next build").isEmpty();
        assertThat(Leftovers.packages(out)).extracting(p -> p.getFileName().toString())
                .containsExactly("wazo-plugind-next-itest_1.0_all.deb");
    }
}
