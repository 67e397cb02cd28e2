package io.github.wazodeb.deb.rules;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.deb.RulesStepException;
import io.github.wazodeb.deb.archive.FakedModes;
import io.github.wazodeb.deb.stage.PayloadChecks;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code wazo/rules} steps the way wazo-plugind does: in the working copy, with umask 022, the
 * caller's environment plus the step's variables, output passed on line by line as it comes. Each step
 * runs in a process group of its own, and in a PID namespace of its own where the machine allows
 * ({@link StepIsolation}, decided once per build), that is stopped when the step ends, for any reason, so
 * no step leaves a process behind.
 */
public final class RulesRunner {

    /** How many of a failed step's last lines its error carries. */
    static final int TAIL_LINES = 20;

    private final Optional<Duration> timeout;
    private final BuildListener listener;
    private final FakerootDetector fakeroot;

    public RulesRunner(Optional<Duration> timeout, BuildListener listener, FakerootDetector fakeroot) {
        this.timeout = timeout;
        this.listener = listener;
        this.fakeroot = fakeroot;
    }

    /**
     * Runs {@code wazo/rules build}, then {@code wazo/rules package} with {@code pkgdir}, in
     * {@code workingDirectory}. The package step is where real plugins call {@code install -o root}:
     * wazo-plugind runs it as root, so a non-root builder runs it under fakeroot, whose record of modes
     * and file types is returned for the payload to be read as the step left it.
     *
     * @param scratch a private folder for fakeroot's state
     * @throws RulesStepException a step could not start, exited non-zero or outlived its time limit
     * @throws BuildException the build step removed {@code wazo/rules} or made it non-executable
     * @throws InterruptedException the calling thread was interrupted; the step's processes were stopped
     */
    public FakedModes buildAndPackage(Path workingDirectory, Path pkgdir, Path scratch)
            throws BuildException, InterruptedException, IOException {
        StepIsolation isolation = StepIsolation.detect(fakeroot.root(), System.getenv("PATH"));
        isolation.warning().ifPresent(listener::warning);
        Optional<String> fakerootCommand = fakeroot.command();
        Path state = scratch.resolve("fakeroot.state");
        try (StepLauncher launcher = StepLauncher.open(isolation)) {
            listener.progress("Running wazo/rules build");
            run(launcher, RulesStep.BUILD, workingDirectory, Map.of(), List.of());
            PayloadChecks.rulesIntact(workingDirectory);
            listener.progress("Running wazo/rules package");
            if (fakerootCommand.isEmpty()) {
                run(launcher, RulesStep.PACKAGE, workingDirectory, Map.of("pkgdir", pkgdir.toString()), List.of());
                return FakedModes.NONE;
            }
            Map<String, String> environment = new HashMap<>(Map.of("pkgdir", pkgdir.toString()));
            if (isolation.userNamespace()) {
                // Only the builder is mapped in its user namespace: a real chown to root (or any other user)
                // fails there with EINVAL, which fakeroot does not ignore as it ignores EPERM outside. Its
                // record of owners is all the package needs (every entry is recorded as root's anyway).
                environment.put("FAKEROOTDONTTRYCHOWN", "1");
            }
            run(launcher, RulesStep.PACKAGE, workingDirectory, environment,
                    List.of(fakerootCommand.get(), "-s", state.toString(), "--"));
        }
        return FakerootListing.read(fakerootCommand.get(), state, pkgdir, scratch);
    }

    /**
     * Runs {@code wazo/rules <step>} in {@code workingDirectory}.
     *
     * @param environment variables added to the inherited environment ({@code pkgdir} for the package step)
     * @param wrapper a command the rules call is handed to (fakeroot), or empty
     */
    private void run(StepLauncher launcher, RulesStep step, Path workingDirectory, Map<String, String> environment,
            List<String> wrapper) throws RulesStepException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(workingDirectory.resolve("wazo").resolve("rules").toString());
        command.add(step.argument());

        ProcessBuilder builder = new ProcessBuilder()
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);

        String name = "wazo/rules " + step.argument();
        StepLauncher.Running running;
        try {
            running = launcher.start(builder, command);
        } catch (IOException e) {
            throw new RulesStepException(name + " could not start: " + e.getMessage(), step,
                    OptionalInt.empty(), false, List.of());
        }
        OutputTail tail = new OutputTail(TAIL_LINES);
        Thread reader = startReader(step, running.process(), tail);
        try (running) {
            boolean finished = waitFor(running.process());
            // Whatever the step left running in the background is stopped with it, also when it exited
            // normally: no step leaves a process behind.
            running.stop();
            finishReading(reader, running.process());
            if (!finished) {
                throw new RulesStepException(
                        name + " did not finish within " + describe(timeout.orElseThrow()) + " and was stopped"
                                + tail.describe(),
                        step, OptionalInt.empty(), true, tail.lines());
            }
            int status = running.process().exitValue();
            if (status != 0) {
                throw new RulesStepException(name + " failed with exit status " + status + explain(status)
                        + tail.describe(), step, OptionalInt.of(status), false, tail.lines());
            }
        } catch (InterruptedException e) {
            running.stopAfterInterrupt();
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
        reader.join(StepLauncher.GRACE.toMillis());
        if (reader.isAlive()) {
            // Something outside the step's group still holds the pipe; stop reading rather than hang.
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // Closing is best effort: the reader ends either way.
            }
            reader.join(StepLauncher.GRACE.toMillis());
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
