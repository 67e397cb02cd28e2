package io.github.wazodeb.deb.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One shell per build that signals the running step's process group: Java can neither signal a group nor
 * start one, the shell's {@code kill} can. It does two jobs. It signals a group when asked (a line naming
 * the signal and the group, answered by whether any process was there to receive it): a pipe round trip,
 * where starting a {@code kill} would cost a process. And if the JVM dies without stopping the step
 * (SIGKILL, an OOM kill), its standard input reaches end of file and it stops the group it was told to
 * watch: SIGTERM, then SIGKILL two seconds later (in a PID namespace, SIGKILL to the group kills the
 * namespace's process 1, which ends the namespace).
 *
 * <p>It is started in a session of its own, so that Ctrl-C in a terminal does not end it with the JVM's
 * group, and in the background, off the first step's path; its command line ends with the JVM's pid, so
 * that a person (or a test) can tell whose it is.
 */
final class Watchdog implements AutoCloseable {

    private static final String SCRIPT = "group=; "
            + "while read -r request id; do case $request in "
            + "watch) group=$id ;; "
            + "forget) [ \"$group\" != \"$id\" ] || group= ;; "
            + "*) if kill -s \"$request\" -- \"-$id\" 2>/dev/null; then echo 1; else echo 0; fi ;; "
            + "esac; done; "
            + "[ -n \"$group\" ] && kill -s TERM -- \"-$group\" 2>/dev/null "
            + "&& { sleep 2; kill -s KILL -- \"-$group\" 2>/dev/null; }";
    /** The name the shell runs under ({@code $0}), which its command line shows. */
    static final String NAME = "wazo-deb-watchdog";

    private final String sh;
    private final CompletableFuture<Shell> shell = new CompletableFuture<>();
    /** The group to stop if the JVM dies; 0 for none. Guarded by this. */
    private long watched;
    /** The shell once started, for watch and forget, which must reach it in order. Guarded by this. */
    private Shell started;

    private Watchdog(String sh) {
        this.sh = sh;
    }

    /** Starts the watchdog in the background; it can be told what to watch before it is up. */
    static Watchdog start(String setsid, String sh) {
        Watchdog watchdog = new Watchdog(sh);
        Thread starter = new Thread(() -> watchdog.startShell(setsid), "wazo-deb-watchdog-start");
        starter.setDaemon(true);
        starter.start();
        return watchdog;
    }

    private void startShell(String setsid) {
        try {
            Shell shell = new Shell(new ProcessBuilder(setsid, sh, "-c", SCRIPT, NAME,
                    Long.toString(ProcessHandle.current().pid()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
            synchronized (this) {
                started = shell;
                if (watched != 0) {
                    shell.tell("watch " + watched);
                }
            }
            this.shell.complete(shell);
        } catch (IOException | RuntimeException e) {
            this.shell.completeExceptionally(e);
        }
    }

    /** From now on, the JVM's death stops group {@code group} (a step's, just started). */
    synchronized void watch(long group) {
        watched = group;
        if (started != null) {
            started.tell("watch " + group);
        }
    }

    /** Group {@code group} has been stopped: the JVM's death no longer concerns it. */
    synchronized void forget(long group) {
        if (watched == group) {
            watched = 0;
            if (started != null) {
                started.tell("forget " + group);
            }
        }
    }

    /**
     * Sends {@code signal} ("0", "TERM", "KILL") to group {@code group}; whether any process received it. A
     * {@code kill} of its own if the shell could not start or has gone (killed by someone): the group is
     * signalled either way.
     */
    boolean signal(String signal, long group) throws InterruptedException {
        try {
            return shell.get().send(signal + " " + group);
        } catch (ExecutionException | IOException e) {
            return kill(signal, group);
        }
    }

    private boolean kill(String signal, long group) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder(sh, "-c", "kill -s \"$1\" -- \"-$2\" 2>/dev/null", "kill", signal,
                    Long.toString(group))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends the shell (once it has started): the build's steps are over. */
    @Override
    public void close() {
        shell.thenAccept(Shell::close);
    }

    /** The running shell: requests on its standard input, answers on its standard output. */
    private static final class Shell {
        private final Process process;
        private final OutputStream requests;
        private final BufferedReader answers;

        Shell(Process process) {
            this.process = process;
            this.requests = process.getOutputStream();
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        }

        /** A request with no answer (watch, forget); lost if the shell has gone, which then watches nothing. */
        synchronized void tell(String request) {
            try {
                write(request);
            } catch (IOException e) {
                // Gone (killed by someone): signal falls back to kill, and there is nothing left to tell.
            }
        }

        synchronized boolean send(String request) throws IOException {
            write(request);
            String answer = answers.readLine();
            if (answer == null) {
                throw new IOException("the watchdog of wazo/rules's processes ended unexpectedly");
            }
            return answer.equals("1");
        }

        private void write(String request) throws IOException {
            requests.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.flush();
        }

        void close() {
            process.destroyForcibly();
        }
    }
}
