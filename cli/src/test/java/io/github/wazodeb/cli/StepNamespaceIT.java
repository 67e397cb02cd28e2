package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.FileTrees;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the kernel allows it, each rules step runs in a PID namespace of its own (SPEC section 2): what a
 * step starts with {@code setsid}, and a double-forked daemon, leave its process group but not its
 * namespace, and are gone when {@code wazo-deb package} exits, whether the build succeeded, for root or
 * for an ordinary user under fakeroot, was cancelled by SIGTERM or SIGINT, or the step ran out of time.
 * Without a namespace the build says once, in a warning, that such processes can escape, and still stops
 * the step's group.
 */
class StepNamespaceIT {

    private static final String NOBODY = "65534";
    private static final List<String> AS_NOBODY =
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    /** Root without CAP_SYS_ADMIN, as in a container: the kernel refuses it a PID namespace. */
    private static final List<String> AS_ROOT_WITHOUT_SYS_ADMIN =
            List.of("setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin");
    private static final String NO_NAMESPACE_WARNING = "warning: the rules steps run without a PID namespace";
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration CLEANUP = Duration.ofSeconds(90);
    /** How long processes sent SIGKILL get to be scheduled and die on a loaded machine. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private Path work;
    private String marker;
    private Path temp;
    private Path out;

    @BeforeEach
    void makeAWorkDirectoryNobodyCanUse() throws IOException {
        Requirements.assumeAvailable(Requirement.SETSID);
        // @TempDir is private to root; the ordinary user must read the plugin and write its build.
        work = Files.createTempDirectory(Path.of("/tmp"), "wazo-deb-namespace");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        marker = MarkedProcesses.newMarker();
        temp = work.resolve("tmp-" + marker);
        out = work.resolve("out");
    }

    @AfterEach
    void removeItAndWhatEscaped() throws InterruptedException {
        // What a build without a namespace let escape, or a failed test left: never a sleep 600 for later.
        for (String process : MarkedProcesses.mentioning(marker)) {
            ProcessHandle.of(Long.parseLong(process.substring(0, process.indexOf(':'))))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
        MarkedProcesses.awaitNone(marker, SETTLE);
        FileTrees.delete(work);
    }

    @Test
    void asRootNothingTheSucceedingPackageStepStartedWithSetsidOutlivesTheBuild() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.DPKG_DEB);
        String refusal = namespaceRefusal(List.of(), List.of("--pid"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", escapingPlugin().toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(DpkgDeb.contents(Path.of(run.out().strip()))).contains("./usr/share/escaping/hello.txt");
        assertNothingEscapedOrSaySo(run.err(), refusal);
    }

    @Test
    void asAnOrdinaryUserUnderFakerootNothingTheStepStartedWithSetsidOutlivesTheBuildAndModesAreKept()
            throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT, Requirement.DPKG_DEB,
                Requirement.FIND);
        String refusal = namespaceRefusal(AS_NOBODY, List.of("--user", "--map-current-user", "--pid"));
        Path plugin = escapingPlugin();
        PluginDirs.makeReadableByAll(plugin);

        CliRun run = CliRun.wazoDebThrough(AS_NOBODY, List.of("-Djava.io.tmpdir=" + work), work,
                Map.of("HOME", work.toString()), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("package step sees uid 0");
        // fakeroot works inside the namespace as outside: install -o root, a mode only fakeroot recorded.
        assertThat(DpkgDeb.contents(Path.of(run.out().strip())).lines())
                .anyMatch(line -> line.startsWith("-rw-r----- root/root") && line.endsWith("./usr/share/escaping/owned.yml"))
                .anyMatch(line -> line.startsWith("-r--r--r-- root/root") && line.endsWith("./usr/share/escaping/hello.txt"));
        assertNothingEscapedOrSaySo(run.err(), refusal);
    }

    @ParameterizedTest(name = "SIG{0} during the package step exits {1} and nothing the step started is left")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalDuringTheStepLeavesNothingItStartedWithSetsid(String signal, int exitCode) throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT);
        String refusal = namespaceRefusal(List.of(), List.of("--pid"));
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("escaping", "1.0"), PluginDirs.rulesWhere("package",
                MarkedProcesses.escapingChildren(marker) + MarkedProcesses.lingeringChildren(marker)
                        + "echo \"" + marker + " package is running\"\nsleep 600"));

        try (BackgroundCli cli = BackgroundCli.start(work, Map.of(), "package", plugin.toString(), "-o",
                out.toString(), "--temp-dir", temp.toString())) {
            cli.awaitStderrLine(line -> line.equals("  " + marker + " package is running"), "the step's marker",
                    STARTUP);
            cli.signal(signal);

            assertThat(cli.awaitExit(CLEANUP)).as(cli.toString()).isEqualTo(exitCode);
            assertThat(cli.stderr()).contains("wazo-deb: the build was cancelled; nothing was written");
            assertThat(Leftovers.stagingDirectories(temp)).as("staging left").isEmpty();
            assertThat(Leftovers.packages(out)).as("packages written").isEmpty();
            assertNothingEscapedOrSaySo(cli.stderr(), refusal);
        }
    }

    @Test
    void aStepOverItsTimeLimitLeavesNothingItStartedWithSetsid() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT);
        String refusal = namespaceRefusal(List.of(), List.of("--pid"));
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("escaping", "1.0"), PluginDirs.rulesWhere("build",
                MarkedProcesses.escapingChildren(marker) + "echo \"" + marker + " build is running\"\nsleep 600"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString(), "--step-timeout", "2s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains(marker + " build is running")
                .contains("wazo/rules build did not finish within 2s and was stopped");
        assertThat(Leftovers.stagingDirectories(temp)).as("staging left").isEmpty();
        assertNothingEscapedOrSaySo(run.err(), refusal);
    }

    @Test
    void withoutANamespaceTheBuildWarnsOnceThatSetsidEscapesAndStillStopsTheStepsGroup() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV);
        String inGroup = MarkedProcesses.newMarker();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("escaping", "1.0"), PluginDirs.rulesWhere("package",
                MarkedProcesses.escapingChildren(marker) + MarkedProcesses.lingeringChildren(inGroup)));

        CliRun run = CliRun.wazoDebThrough(AS_ROOT_WITHOUT_SYS_ADMIN, List.of(), work, Map.of(), "package",
                plugin.toString(), "-o", out.toString(), "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(occurrences(run.err(), NO_NAMESPACE_WARNING)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("unshare --pid: unshare failed: Operation not permitted")
                .contains("a process they start with setsid, such as a daemon, can outlive the build");
        assertThat(MarkedProcesses.awaitNone(inGroup, SETTLE)).as("processes left in the step's group").isEmpty();
    }

    /** A plugin whose package step writes two files and starts processes that leave its group, then exits 0. */
    private Path escapingPlugin() {
        return PluginDirs.plugin(work, PluginDirs.pluginYml("escaping", "1.0"), """
                #!/bin/sh
                set -e
                if [ "$1" = package ]; then
                    echo "package step sees uid $(id -u)"
                    install -d -m 0755 "$pkgdir/usr/share/escaping"
                    echo hello > "$pkgdir/usr/share/escaping/hello.txt"
                    chmod 0444 "$pkgdir/usr/share/escaping/hello.txt"
                    install -o root -g root -m 0640 wazo/plugin.yml "$pkgdir/usr/share/escaping/owned.yml"
                """ + MarkedProcesses.escapingChildren(marker).indent(4) + """
                    echo "the package step exits"
                fi
                """);
    }

    /**
     * Where the steps got a namespace ({@code refusal} empty), nothing carrying the marker is left; where
     * the kernel refused one, the warning was given once, and the test says it could not check the rest.
     */
    private void assertNothingEscapedOrSaySo(String stderr, String refusal) throws InterruptedException {
        if (!refusal.isEmpty()) {
            assertThat(occurrences(stderr, NO_NAMESPACE_WARNING)).as(stderr).isEqualTo(1);
            Assumptions.abort("this machine gives the builder no PID namespace (" + refusal + "): the warning "
                    + "was given once; processes started with setsid escape, as the warning says");
        }
        assertThat(stderr).doesNotContain(NO_NAMESPACE_WARNING);
        assertThat(MarkedProcesses.awaitNone(marker, SETTLE)).as("processes the step started\n" + stderr).isEmpty();
    }

    /** Empty if {@code unshare namespaces} works for the user {@code launcher} switches to, else why not. */
    private static String namespaceRefusal(List<String> launcher, List<String> namespaces) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.add("unshare");
        command.addAll(namespaces);
        command.addAll(List.of("sh", "-c", ":"));
        CommandResult probe = Commands.run(command);
        return probe.succeeded() ? "" : probe.describe();
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

}
