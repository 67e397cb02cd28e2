package io.github.wazodeb.deb.rules;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.deb.RulesStepException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code wazo/rules} step the way wazo-plugind does: the plugin directory as working directory,
 * the caller's environment plus the step's variables, output passed on line by line as it comes.
 */
public final class RulesRunner {

    /** How many of a failed step's last lines its error carries. */
    static final int TAIL_LINES = 20;
    /** How long a stopped step's process tree gets to exit after SIGTERM before SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Optional<Duration> timeout;
    private final BuildListener listener;
    private final FakerootDetector fakeroot;

    public RulesRunner(Optional<Duration> timeout, BuildListener listener, FakerootDetector fakeroot) {
        this.timeout = timeout;
        this.listener = listener;
        this.fakeroot = fakeroot;
    }

    /**
     * Runs {@code wazo/rules <step>} in {@code pluginDirectory}.
     *
     * @param environment variables added to the inherited environment ({@code pkgdir} for the package step)
     * @throws RulesStepException the step could not start, exited non-zero or outlived its time limit
     * @throws InterruptedException the calling thread was interrupted; the step's processes were stopped
     */
    public void run(RulesStep step, Path pluginDirectory, Map<String, String> environment)
            throws RulesStepException, InterruptedException {
        List<String> command = new ArrayList<>();
        // The package step is where real plugins call `install -o root -g root`: wazo-plugind runs it as
        // root, so a non-root builder needs fakeroot to let those calls succeed.
        if (step == RulesStep.PACKAGE) {
            fakeroot.command().ifPresent(command::add);
        }
        command.add(pluginDirectory.resolve("wazo").resolve("rules").toString());
        command.add(step.argument());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(pluginDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);

        String name = "wazo/rules " + step.argument();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RulesStepException(name + " could not start: " + e.getMessage(), step,
                    OptionalInt.empty(), false, List.of());
        }
        OutputTail tail = new OutputTail(TAIL_LINES);
        Thread reader = startReader(step, process, tail);
        try {
            boolean finished = waitFor(process);
            if (!finished) {
                ProcessTrees.stop(process, GRACE);
                finishReading(reader, process);
                throw new RulesStepException(
                        name + " did not finish within " + describe(timeout.orElseThrow()) + " and was stopped"
                                + tail.describe(),
                        step, OptionalInt.empty(), true, tail.lines());
            }
            // A step may leave a background child holding the output open; it must not hang the build.
            ProcessTrees.stopDescendants(process, GRACE);
            finishReading(reader, process);
            int status = process.exitValue();
            if (status != 0) {
                throw new RulesStepException(name + " failed with exit status " + status + explain(status)
                        + tail.describe(), step, OptionalInt.of(status), false, tail.lines());
            }
        } catch (InterruptedException e) {
            ProcessTrees.stop(process, GRACE);
            throw e;
        }
    }

    private boolean waitFor(Process process) throws InterruptedException {
        if (timeout.isEmpty()) {
            process.waitFor();
            return true;
        }
        return process.waitFor(timeout.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private Thread startReader(RulesStep step, Process process, OutputTail tail) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    tail.add(line);
                    listener.rulesOutput(step, line);
                }
            } catch (IOException e) {
                // The stream was closed under us because the step was stopped: nothing more to read.
            }
        }, "wazo-rules-" + step.argument() + "-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void finishReading(Thread reader, Process process) throws InterruptedException {
        reader.join(GRACE.toMillis());
        if (reader.isAlive()) {
            // Something outside the process tree still holds the pipe; stop reading rather than hang.
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // Closing is best effort: the reader ends either way.
            }
            reader.join(GRACE.toMillis());
        }
    }

    private static String explain(int status) {
        // Java reports a process killed by signal N as 128+N, as shells do.
        if (status > 128 && status < 128 + 65) {
            return " (killed by signal " + (status - 128) + ")";
        }
        return "";
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        if (duration.toMillis() % 1000 == 0) {
            return seconds + "s";
        }
        return duration.toMillis() + "ms";
    }
}
