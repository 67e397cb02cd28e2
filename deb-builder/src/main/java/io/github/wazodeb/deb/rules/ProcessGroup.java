package io.github.wazodeb.deb.rules;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command started in a session and process group of its own ({@code setsid}), so that everything it
 * starts, double-forked daemons included, can be stopped together: {@code kill -- -PGID} (sent by the
 * build's {@link Watchdog}) reaches every process that did not leave the group on purpose. The JVM's child
 * is not a group leader, so {@code setsid} makes the new session in place, without forking: the leader's
 * pid is the group's id.
 *
 * <p>When the command is a PID namespace's {@code unshare} ({@link StepIsolation}), the namespace's process
 * 1 stops what the step left and the leader exits only once the namespace is empty: the group then only
 * has to be signalled when the step is stopped before its end.
 */
final class ProcessGroup implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(10);

    private final Process leader;
    private final Watchdog watchdog;
    private final boolean namespace;

    private ProcessGroup(Process leader, Watchdog watchdog, boolean namespace) {
        this.leader = leader;
        this.watchdog = watchdog;
        this.namespace = namespace;
    }

    /**
     * Starts {@code builder}'s command as the leader of a new group, watched by {@code watchdog}.
     *
     * @param namespace whether the command runs the step in a PID namespace that ends with the leader
     */
    static ProcessGroup start(String setsid, ProcessBuilder builder, Watchdog watchdog, boolean namespace)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(setsid);
        command.addAll(builder.command());
        Process leader = builder.command(command).start();
        watchdog.watch(leader.pid());
        return new ProcessGroup(leader, watchdog, namespace);
    }

    Process leader() {
        return leader;
    }

    /**
     * Stops whatever is left in the group: SIGTERM, then SIGKILL to what is still there after
     * {@code grace}; returns once the leader has exited and the group is empty (or after a last SIGKILL).
     */
    void stop(Duration grace) throws InterruptedException {
        if (namespace) {
            stopNamespace(grace);
        } else {
            stopGroup(grace);
        }
    }

    /**
     * The namespace's process 1 stops what the step leaves once the step ends, and the leader exits after
     * it: a leader that has exited left nothing. One still running gets SIGTERM for its group (the step's
     * processes end, process 1 then stops the rest within the grace), and SIGKILL if that was not enough.
     */
    private void stopNamespace(Duration grace) throws InterruptedException {
        if (!leader.isAlive()) {
            return;
        }
        watchdog.signal("TERM", leader.pid());
        if (!leader.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            watchdog.signal("KILL", leader.pid());
            leader.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopGroup(Duration grace) throws InterruptedException {
        if (hasMembers()) {
            watchdog.signal("TERM", leader.pid());
            long deadline = System.nanoTime() + grace.toNanos();
            while (hasMembers() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            if (hasMembers()) {
                watchdog.signal("KILL", leader.pid());
            }
        }
        leader.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The group has been stopped: the watchdog no longer stops it if the JVM dies. */
    @Override
    public void close() {
        watchdog.forget(leader.pid());
    }

    private boolean hasMembers() throws InterruptedException {
        // A zombie leader not yet reaped still counts for kill -0; reaping is the JVM's job, so look at
        // the leader apart. Other zombies are init's to reap, whenever it does: they do not count.
        return leader.isAlive()
                || watchdog.signal("0", leader.pid()) && LiveGroupMembers.any(leader.pid()).orElse(true);
    }
}
