package io.github.wazodeb.deb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's process group is stopped whole: {@link ProcessGroup#stop} ends what the step left in its group,
 * politely when SIGTERM suffices and by SIGKILL after the grace when it does not, also when the build's
 * watchdog shell that signals the group has been killed; {@link Watchdog#close} ends the watchdog, which
 * stopping a group leaves running for the build's next step.
 */
class ProcessGroupTest {

    /** How long a signalled process gets to be scheduled and die, or the JVM to start the watchdog, on a loaded machine. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * The grace where SIGTERM is expected to suffice: long, so that a stop that waits it out cannot be
     * mistaken for one that saw the group empty, even on a loaded machine. (A member killed by SIGTERM is
     * a zombie until init reaps it, every second or two on some machines; stop does not count zombies,
     * see LiveGroupMembersTest.)
     */
    private static final Duration LONG_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(10);

    /** A background child that stays in the step's group after the step itself has exited. */
    private static final String LEAVES_A_CHILD = "sleep 300 & echo $! > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"";

    @TempDir
    Path temp;

    /** Everything a test started, killed after it whatever happened, so a failing test leaves no sleep 300. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void needsSetsid() {
        Requirements.assumeAvailable(Requirement.SETSID);
    }

    private Watchdog watchdog;

    @BeforeEach
    void startTheBuildsWatchdog() {
        watchdog = Watchdog.start("setsid", "sh");
    }

    @AfterEach
    void killWhatTheTestStarted() {
        watchdog.close();
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void stopEndsABackgroundChildTheStepLeftInItsGroupWithoutWaitingOutTheGrace() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        try (ProcessGroup group = start(LEAVES_A_CHILD, pidFile)) {
            long child = recordedPid(pidFile);
            assertThat(group.leader().waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS)).as("leader ended").isTrue();
            // The child outlived its parent: only the group can still reach it.
            assertThat(alive(child)).as("child %d still running", child).isTrue();

            long begin = System.nanoTime();
            group.stop(LONG_GRACE);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(awaitGone(child)).as("child %d ended", child).isTrue();
            // SIGTERM ended the sleep: stop saw the group empty and did not wait for SIGKILL's turn.
            assertThat(took).as("time stop took").isLessThan(LONG_GRACE.dividedBy(2));
        }
    }

    @Test
    void stopKillsWhatIgnoresSigtermOnceTheGraceHasPassed() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        // Both the leader and its child ignore SIGTERM (an ignored signal stays ignored across fork and exec).
        try (ProcessGroup group = start("trap '' TERM; " + LEAVES_A_CHILD + "; wait", pidFile)) {
            long child = recordedPid(pidFile);
            Duration grace = Duration.ofMillis(500);

            long begin = System.nanoTime();
            group.stop(grace);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(group.leader().waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS)).as("leader ended").isTrue();
            assertThat(awaitGone(child)).as("child %d ended", child).isTrue();
            // Nothing ended on SIGTERM, so it was SIGKILL, sent after the grace and not long after it.
            assertThat(took).as("time stop took").isGreaterThanOrEqualTo(grace).isLessThan(grace.plus(SETTLE));
        }
    }

    @Test
    void stopStillEndsTheGroupWhenTheWatchdogHasBeenKilled() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        try (ProcessGroup group = start(LEAVES_A_CHILD, pidFile)) {
            long child = recordedPid(pidFile);
            assertThat(group.leader().waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS)).as("leader ended").isTrue();
            ProcessHandle shell = awaitWatchdog();
            // SIGKILL, so the watchdog cannot stop the group itself on its way out.
            shell.destroyForcibly();
            assertThat(awaitGone(shell.pid())).as("watchdog %d ended", shell.pid()).isTrue();
            assertThat(alive(child)).as("child %d still running", child).isTrue();

            group.stop(LONG_GRACE);

            assertThat(awaitGone(child)).as("child %d ended", child).isTrue();
        }
    }

    @Test
    void stoppingAGroupLeavesTheWatchdogRunningForTheNextStepAndClosingItEndsIt() throws Exception {
        ProcessHandle shell;
        try (ProcessGroup first = start(LEAVES_A_CHILD, temp.resolve("first.pid"))) {
            long child = recordedPid(temp.resolve("first.pid"));
            shell = awaitWatchdog();
            first.stop(LONG_GRACE);
            assertThat(awaitGone(child)).as("child %d ended", child).isTrue();
        }
        // One watchdog per build: the next step's group is signalled by the same shell.
        try (ProcessGroup second = start(LEAVES_A_CHILD, temp.resolve("second.pid"))) {
            long child = recordedPid(temp.resolve("second.pid"));
            second.stop(LONG_GRACE);
            assertThat(awaitGone(child)).as("child %d ended", child).isTrue();
            assertThat(alive(shell.pid())).as("watchdog %d still running", shell.pid()).isTrue();
            assertThat(awaitWatchdog()).isEqualTo(shell);
        }

        watchdog.close();

        assertThat(awaitGone(shell.pid())).as("watchdog %d ended", shell.pid()).isTrue();
    }

    /** Starts {@code sh -c script} in a group of its own, with {@code argument} as {@code $1}. */
    private ProcessGroup start(String script, Path argument) throws IOException {
        ProcessGroup group = ProcessGroup.start("setsid", new ProcessBuilder("sh", "-c", script, "sh", argument.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))), watchdog, false);
        started.add(group.leader().toHandle());
        return group;
    }

    /** The pid a step wrote to {@code file} (renamed into place, so never half written), once it is there. */
    private long recordedPid(Path file) throws Exception {
        assertThat(poll(() -> Files.exists(file))).as("%s written", file).isTrue();
        long pid = Long.parseLong(Files.readString(file).strip());
        ProcessHandle.of(pid).ifPresent(started::add);
        return pid;
    }

    /**
     * The JVM's child running this test's watchdog shell: its command line is
     * {@code sh -c SCRIPT wazo-deb-watchdog JVM-PID}, and the one of an earlier test has been killed. The
     * watchdog starts in the background, so it may not be there yet.
     */
    private ProcessHandle awaitWatchdog() throws Exception {
        ProcessHandle[] found = new ProcessHandle[1];
        boolean there = poll(() -> {
            found[0] = ProcessHandle.current().children()
                    .filter(child -> alive(child.pid()) && commandLine(child.pid()).contains(Watchdog.NAME))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        assertThat(there).as("watchdog started").isTrue();
        started.add(found[0]);
        return found[0];
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of(); // it has just exited
        }
    }

    /** Whether {@code pid} runs: a zombie has ended, only its parent has not yet collected its status. */
    private static boolean alive(long pid) {
        return state(pid).map(state -> state != 'Z' && state != 'X').orElse(false);
    }

    /** The state letter of /proc/PID/stat, empty once the process is gone. */
    private static Optional<Character> state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // The command name in parentheses may hold spaces and parentheses: the state follows the last ')'.
            return Optional.of(stat.charAt(stat.lastIndexOf(')') + 2));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        return poll(() -> !alive(pid));
    }

    /** Polls {@code condition} until it holds or {@link #SETTLE} has passed; whether it held. */
    private static boolean poll(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
