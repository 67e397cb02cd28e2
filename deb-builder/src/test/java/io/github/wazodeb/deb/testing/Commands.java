package io.github.wazodeb.deb.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the external tools the tests drive (dpkg, dpkg-deb, lintian, shells, ...), each with a time limit,
 * in a clean environment: only PATH, {@code LC_ALL=C} (messages tests can read), {@code TZ=UTC} and what
 * the caller adds, so the caller's variables cannot change what a tool or a maintainer script does. A
 * program named without a slash is looked up on {@link #PATH}, the same PATH {@link Requirement} checks.
 */
public final class Commands {

    /** Long enough for any dpkg call on a small package on a loaded machine; short enough to end a hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The PATH every command gets. dpkg checks it on the host for the programs it needs (ldconfig and
     * start-stop-daemon live in the sbin directories), and maintainer scripts inherit it inside the
     * chroot, where busybox's applets are in {@code /bin}.
     */
    public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private Commands() {
    }

    /** Runs {@code command} with the default time limit; what it printed comes back interleaved. */
    public static CommandResult run(List<String> command) {
        return run(command, Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} with {@code extraEnvironment} added to the clean one (it may replace PATH);
     * standard output and error come back interleaved as they came.
     *
     * @throws IllegalStateException when the command cannot start or does not finish within {@code timeout}:
     *     never an expected outcome, so it ends the test with what the command printed so far
     */
    public static CommandResult run(List<String> command, Map<String, String> extraEnvironment, Duration timeout) {
        try (Outputs outputs = Outputs.create()) {
            int exitCode = execute(command, extraEnvironment, timeout, outputs.out(), outputs.out());
            return new CommandResult(command, exitCode, read(outputs.out()));
        }
    }

    /** Runs {@code command} with the default time limit, keeping its standard output and error apart. */
    public static SplitResult runSplit(List<String> command) {
        return runSplit(command, Map.of(), DEFAULT_TIMEOUT);
    }

    /** As {@link #run(List, Map, Duration)}, keeping standard output and error apart. */
    public static SplitResult runSplit(List<String> command, Map<String, String> extraEnvironment, Duration timeout) {
        try (Outputs outputs = Outputs.create()) {
            int exitCode = execute(command, extraEnvironment, timeout, outputs.out(), outputs.err());
            return new SplitResult(command, exitCode, read(outputs.out()), read(outputs.err()));
        }
    }

    /** The standard output of {@code command}, which must succeed (else the test fails with what it said). */
    public static String stdoutOf(String... command) {
        return stdoutOf(DEFAULT_TIMEOUT, List.of(command));
    }

    /** As {@link #stdoutOf(String...)}, with a time limit for a command that has much to read. */
    public static String stdoutOf(Duration timeout, List<String> command) {
        SplitResult result = runSplit(command, Map.of(), timeout);
        if (!result.succeeded()) {
            throw new AssertionError(result.describe());
        }
        return result.stdout();
    }

    /**
     * The standard output of a bash pipeline that must succeed, {@code pipefail} on, so a failure anywhere in
     * it fails the test. {@code arguments} reach the script as {@code "$1"}, {@code "$2"}, ..., never spliced
     * into its text.
     */
    public static String shell(String script, String... arguments) {
        return shell(DEFAULT_TIMEOUT, script, arguments);
    }

    /** As {@link #shell(String, String...)}, with a time limit for a pipeline that has much to read. */
    public static String shell(Duration timeout, String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -o pipefail; " + script, "bash"));
        command.addAll(List.of(arguments));
        return stdoutOf(timeout, command);
    }

    /**
     * The first {@code length} bytes {@code command} writes to its standard output (fewer if it ends
     * sooner); the command is then stopped. For a stream too large to keep, such as the tar of a
     * many-gigabyte payload. Its standard error is discarded.
     */
    public static byte[] headOfStdout(List<String> command, int length, Duration timeout) {
        Process process = start(builder(command, Map.of()).redirectError(ProcessBuilder.Redirect.DISCARD));
        try (InputStream stdout = process.getInputStream()) {
            CompletableFuture<byte[]> head = CompletableFuture.supplyAsync(() -> readN(stdout, length));
            return head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(String.join(" ", command) + " did not print " + length
                    + " bytes within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            stop(process);
        }
    }

    /** Where {@code program} is: an executable file in one of {@link #PATH}'s directories. */
    public static Optional<Path> locate(String program) {
        for (String directory : PATH.split(":")) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int execute(List<String> command, Map<String, String> extraEnvironment, Duration timeout,
            File out, File err) {
        ProcessBuilder builder = builder(command, extraEnvironment);
        // Files, not pipes: nothing has to drain them while we wait, and they survive a kill.
        builder.redirectOutput(out);
        if (out.equals(err)) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(err);
        }
        Process process = start(builder);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s; it printed:\n" + read(out) + (out.equals(err) ? "" : read(err)));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> extraEnvironment) {
        List<String> resolved = new ArrayList<>(command);
        if (!resolved.get(0).contains("/")) {
            locate(resolved.get(0)).ifPresent(program -> resolved.set(0, program.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(resolved)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().put("PATH", PATH);
        builder.environment().put("LC_ALL", "C");
        // Times a tool prints (dpkg-deb --contents, tar -tv) are then UTC, whatever the host's zone.
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(extraEnvironment);
        return builder;
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", builder.command()), e);
        }
    }

    /** Kills the process and whatever it started, and waits a little for it to go. */
    private static void stop(Process process) {
        // The parent goes first: killed after its children, a shell would run its next command meanwhile.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readN(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(File file) {
        try {
            // Lenient decoding: a tool's odd byte must not hide the rest of what it said.
            return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary files a command writes its output to, deleted when done. */
    private record Outputs(File out, File err) implements AutoCloseable {

        static Outputs create() {
            try {
                return new Outputs(Files.createTempFile("wazodeb-command", ".out").toFile(),
                        Files.createTempFile("wazodeb-command", ".err").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            out.delete();
            err.delete();
        }
    }
}
