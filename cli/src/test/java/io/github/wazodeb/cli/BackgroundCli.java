package io.github.wazodeb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built jar started as a separate process that a test watches and signals while it builds, as a user
 * pressing Ctrl-C or a CI runner stopping a job would.
 *
 * <p>A process started with a signal ignored keeps it ignored, and a JVM that starts with SIGINT ignored
 * never answers it (a build started in the background by a non-interactive shell is such a case). So the
 * jar is started through {@code env --default-signal=INT}, and {@link #ignoresSigint()} lets the test check
 * what the JVM really got.
 */
final class BackgroundCli implements AutoCloseable {

    private static final int SIGINT = 2;

    private final Process process;
    private final Path stdout;
    private final List<String> stderrLines = new ArrayList<>();
    private final Thread stderrReader;

    private BackgroundCli(Process process, Path stdout) {
        this.process = process;
        this.stdout = stdout;
        this.stderrReader = new Thread(this::readStderr, "wazo-deb-it-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    static BackgroundCli start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CliRun.jar().toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("wazo-deb-it", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().putAll(environment);
        return new BackgroundCli(builder.start(), stdout);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until standard error shows a line that {@code wanted} accepts; fails if the CLI exits first or
     * the line does not come within {@code timeout}.
     */
    void awaitStderrLine(Predicate<String> wanted, String description, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stderrLines) {
            while (stderrLines.stream().noneMatch(wanted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !stderrReader.isAlive())) {
                    throw new AssertionError("the CLI never printed " + description
                            + (process.isAlive() ? " within " + timeout : "; it exited " + process.exitValue())
                            + "\n--- stderr so far:\n" + String.join("\n", stderrLines));
                }
                stderrLines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Whether the JVM runs with SIGINT ignored, from the SigIgn mask of {@code /proc/PID/status}. */
    boolean ignoresSigint() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (SIGINT - 1))) != 0;
            }
        }
        throw new IOException("no SigIgn line in /proc/" + pid() + "/status");
    }

    /** {@code kill -s SIGNAL PID}, as a user or a service manager sends it. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + signal + " " + pid() + " failed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the CLI has exited and its standard error has been read to the end. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the CLI did not exit within " + timeout + "\n" + this);
        }
        stderrReader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    String stderr() {
        synchronized (stderrLines) {
            return String.join("\n", stderrLines);
        }
    }

    String stdout() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (stderrLines) {
                    stderrLines.add(line);
                    stderrLines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        } finally {
            synchronized (stderrLines) {
                stderrLines.notifyAll();
            }
        }
    }

    /** Kills the CLI if a failed test left it running, and removes the captured output. */
    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stdout);
    }

    @Override
    public String toString() {
        return "pid " + pid() + (process.isAlive() ? " (running)" : " exit " + process.exitValue())
                + "\n--- stdout:\n" + stdout() + "--- stderr:\n" + stderr();
    }
}
