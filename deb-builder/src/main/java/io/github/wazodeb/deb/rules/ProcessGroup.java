package io.github.wazodeb.deb.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A command started in a session and process group of its own ({@code setsid}), so that everything it
 * starts, double-forked daemons included, can be stopped together: {@code kill -- -PGID} reaches every
 * process that did not leave the group on purpose.
 *
 * <p>Java can neither start a process group nor signal one; util-linux's {@code setsid} and the shell's
 * {@code kill} can, and are on every Linux machine that has dpkg. One shell, the watchdog, does both of
 * the group's other jobs: it signals the group when asked (a line naming the signal, answered by whether
 * any process was there to receive it), and if the JVM dies without stopping the group (SIGKILL, an OOM
 * kill) its standard input reaches end of file and it stops the group. Asking a running shell costs a
 * pipe round trip, where starting a {@code kill} would cost a process, several milliseconds a step; the
 * watchdog itself is started while the step runs, off the step's path.
 */
final class ProcessGroup implements AutoCloseable {

    private static final String WATCHDOG = "while read -r signal; do "
            + "if kill -s \"$signal\" -- \"-$1\" 2>/dev/null; then echo 1; else echo 0; fi; done; "
            + "kill -s TERM -- \"-$1\" 2>/dev/null && { sleep 2; kill -s KILL -- \"-$1\" 2>/dev/null; }";
    private static final Duration POLL = Duration.ofMillis(10);

    private final Process leader;
    private final CompletableFuture<Watchdog> watchdog;

    private ProcessGroup(Process leader, CompletableFuture<Watchdog> watchdog) {
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
        CompletableFuture<Watchdog> watchdog = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                watchdog.complete(Watchdog.start(leader.pid()));
            } catch (IOException | RuntimeException e) {
                watchdog.completeExceptionally(e);
            }
        }, "wazo-deb-watchdog-start");
        starter.setDaemon(true);
        starter.start();
        return new ProcessGroup(leader, watchdog);
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

    /** Ends the watchdog (once it has started): the group has been stopped by us. */
    @Override
    public void close() {
        watchdog.thenAccept(Watchdog::close);
    }

    private boolean hasMembers() throws InterruptedException {
        // A zombie leader not yet reaped still counts for kill -0; reaping is the JVM's job, so look at
        // the leader apart. Other zombies are init's to reap, whenever it does: they do not count.
        return leader.isAlive() || signal("0") && LiveGroupMembers.any(leader.pid()).orElse(true);
    }

    /**
     * Sends {@code signal} to the group through the watchdog; a {@code kill} of its own if the watchdog
     * could not start or has gone (killed by someone): the group is stopped either way.
     */
    private boolean signal(String signal) throws InterruptedException {
        try {
            return watchdog.get().send(signal);
        } catch (ExecutionException | IOException e) {
            return kill(signal);
        }
    }

    private boolean kill(String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$1\" -- \"-$2\" 2>/dev/null", "kill", signal,
                    Long.toString(leader.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The shell that signals the group on request, and stops it if the JVM dies. */
    private static final class Watchdog {
        private final Process shell;
        private final OutputStream requests;
        private final BufferedReader answers;

        private Watchdog(Process shell) {
            this.shell = shell;
            this.requests = shell.getOutputStream();
            this.answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
        }

        static Watchdog start(long groupId) throws IOException {
            return new Watchdog(new ProcessBuilder("setsid", "sh", "-c", WATCHDOG, "wazo-deb-watchdog",
                    Long.toString(groupId))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }

        /** Sends {@code signal} ("0", "TERM", "KILL") to the group; whether any process received it. */
        synchronized boolean send(String signal) throws IOException {
            requests.write((signal + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.flush();
            String answer = answers.readLine();
            if (answer == null) {
                throw new IOException("the watchdog of wazo/rules's processes ended unexpectedly");
            }
            return answer.equals("1");
        }

        void close() {
            shell.destroyForcibly();
        }
    }
}
