package io.github.wazodeb.deb.rules;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command started in a session and process group of its own ({@code setsid}), so that everything it
 * starts, double-forked daemons included, can be stopped together: {@code kill -- -PGID} reaches every
 * process that did not leave the group on purpose.
 *
 * <p>A watchdog outlives the JVM for one purpose: if the JVM dies without stopping the group (SIGKILL,
 * an OOM kill), its standard input reaches end of file and it stops the group. Java cannot signal a
 * process group, nor start one; util-linux's {@code setsid} and the shell's {@code kill} can, and are on
 * every Linux machine that has dpkg.
 */
final class ProcessGroup implements AutoCloseable {

    private static final String WATCHDOG = "while read -r _; do :; done; "
            + "kill -s TERM -- \"-$1\" 2>/dev/null; sleep 2; kill -s KILL -- \"-$1\" 2>/dev/null";
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process leader;
    private final Process watchdog;

    private ProcessGroup(Process leader, Process watchdog) {
        this.leader = leader;
        this.watchdog = watchdog;
    }

    /** Whether this machine has what it takes: {@code setsid} and {@code sh} on the {@code PATH}. */
    static boolean supported(String path) {
        return FakerootDetector.findOnPath("setsid", path).isPresent()
                && FakerootDetector.findOnPath("sh", path).isPresent();
    }

    /**
     * Starts {@code builder}'s command as the leader of a new group. The JVM's child is not a group
     * leader, so {@code setsid} makes the new session in place, without forking: the leader's pid is the
     * group's id.
     */
    static ProcessGroup start(ProcessBuilder builder) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(builder.command());
        Process leader = builder.command(command).start();
        try {
            Process watchdog = new ProcessBuilder("setsid", "sh", "-c", WATCHDOG, "wazo-deb-watchdog",
                    Long.toString(leader.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ProcessGroup(leader, watchdog);
        } catch (IOException | RuntimeException e) {
            leader.destroyForcibly();
            throw e;
        }
    }

    Process leader() {
        return leader;
    }

    /**
     * Stops whatever is left in the group: SIGTERM, then SIGKILL to what is still there after
     * {@code grace}; returns once the leader has exited and the group is empty (or after a last SIGKILL).
     */
    void stop(Duration grace) throws InterruptedException {
        if (hasMembers()) {
            signal("TERM");
            long deadline = System.nanoTime() + grace.toNanos();
            while (hasMembers() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            if (hasMembers()) {
                signal("KILL");
            }
        }
        leader.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the watchdog: the group has been stopped by us. */
    @Override
    public void close() {
        watchdog.destroyForcibly();
    }

    private boolean hasMembers() throws InterruptedException {
        // A zombie leader not yet reaped still counts for kill -0; reaping is the JVM's job, so look at
        // the leader apart.
        return leader.isAlive() || kill("0") == 0;
    }

    private void signal(String name) throws InterruptedException {
        kill(name);
    }

    private int kill(String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$1\" -- \"-$2\" 2>/dev/null", "kill", signal,
                    Long.toString(leader.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor();
        } catch (IOException e) {
            return 1;
        }
    }
}
