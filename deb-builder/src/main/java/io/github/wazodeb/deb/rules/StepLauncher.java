package io.github.wazodeb.deb.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts one build's rules steps as {@link StepIsolation} decided, and stops them: each step with umask 022
 * (wazo-plugind's daemon runs the steps under it, and the payload's modes must not depend on ours), in a
 * process group of its own, in a PID namespace of its own where the machine allows. The execs are only
 * those that do something:
 *
 * <ul>
 *   <li>PID namespace: {@code setsid unshare ... sh -c INIT RULES STEP}: the session keeps Ctrl-C in a
 *       terminal away from the step, {@code unshare} makes the namespace, and the shell is its process 1,
 *       which sets the umask, runs the step and stops what the step leaves
 *       ({@code namespace-init.sh});
 *   <li>process group: {@code setsid sh -c 'umask 022 && exec "$@"' RULES STEP};
 *   <li>neither: {@code sh -c 'umask 022 && exec "$@"' RULES STEP}.
 * </ul>
 *
 * <p>One {@link Watchdog} serves every step of the build.
 */
final class StepLauncher implements AutoCloseable {

    /** How long a stopped step's processes get to exit after SIGTERM before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final String UMASK_022 = "umask 022 && exec \"$@\"";
    private static final String NAMESPACE_INIT = script("namespace-init.sh");
    /** The shell's {@code $0}, which its error messages begin with. */
    private static final String NAME = "wazo-rules";

    private final StepIsolation isolation;
    private final Watchdog watchdog;

    private StepLauncher(StepIsolation isolation, Watchdog watchdog) {
        this.isolation = isolation;
        this.watchdog = watchdog;
    }

    /** Starts the build's watchdog (in the background) where the steps get process groups. */
    static StepLauncher open(StepIsolation isolation) {
        return new StepLauncher(isolation, isolation.setsid()
                .map(setsid -> Watchdog.start(setsid, isolation.sh()))
                .orElse(null));
    }

    /**
     * Starts {@code step} (the rules call, with fakeroot before it if any) as {@code builder} says (working
     * directory, environment, redirections; its command is replaced).
     */
    Running start(ProcessBuilder builder, List<String> step) throws IOException {
        List<String> command = new ArrayList<>();
        switch (isolation.kind()) {
            case PID_NAMESPACE -> {
                command.addAll(isolation.unshare());
                command.addAll(List.of(isolation.sh(), "-c", NAMESPACE_INIT, NAME, Long.toString(GRACE.toMillis())));
            }
            case PROCESS_GROUP, PROCESS_TREE -> command.addAll(List.of(isolation.sh(), "-c", UMASK_022, NAME));
        }
        command.addAll(step);
        builder.command(command);
        if (isolation.kind() == StepIsolation.Kind.PROCESS_TREE) {
            Process process = builder.start();
            return new Running(process) {
                @Override
                void stop() throws InterruptedException {
                    ProcessTrees.stop(process, GRACE);
                }
            };
        }
        ProcessGroup group = ProcessGroup.start(isolation.setsid().orElseThrow(), builder, watchdog,
                isolation.kind() == StepIsolation.Kind.PID_NAMESPACE);
        return new Running(group.leader()) {
            @Override
            void stop() throws InterruptedException {
                group.stop(GRACE);
            }

            @Override
            public void close() {
                group.close();
            }
        };
    }

    /** Ends the watchdog: the build's steps are over. */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** A started step. */
    abstract static class Running implements AutoCloseable {
        private final Process process;

        Running(Process process) {
            this.process = process;
        }

        /** The process Java started: its exit is the step's, its output the step's output. */
        Process process() {
            return process;
        }

        /** Stops whatever the step left running; returns once it is gone (or after a last SIGKILL). */
        abstract void stop() throws InterruptedException;

        /** Stops the step although this thread's interrupt flag was set. */
        void stopAfterInterrupt() {
            boolean interrupted = Thread.interrupted();
            try {
                stop();
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                close();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
        }
    }

    /** A shell script kept beside this class, without its comment lines (they would only lengthen argv). */
    private static String script(String name) {
        try (InputStream in = StepLauncher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the wazo-deb jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.stripLeading().startsWith("#"))
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the wazo-deb jar", e);
        }
    }
}
