package io.github.wazodeb.deb.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the external tools the harness drives (dpkg, dpkg-deb, lintian), each with a time limit. */
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

    /** Runs {@code command} in a clean environment (PATH, LC_ALL=C) with the default time limit. */
    public static CommandResult run(List<String> command) {
        return run(command, Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} in a clean environment: only PATH, {@code LC_ALL=C} (messages tests can read)
     * and {@code extraEnvironment}, so the caller's variables cannot change what dpkg or a maintainer
     * script does.
     *
     * @throws IllegalStateException when the command cannot start or does not finish within {@code timeout}:
     *     never an expected outcome, so it ends the test with what the command printed so far
     */
    public static CommandResult run(List<String> command, Map<String, String> extraEnvironment, Duration timeout) {
        File outputFile = null;
        Process process = null;
        try {
            // A file, not a pipe: nothing has to drain it while we wait, and it survives a kill.
            outputFile = Files.createTempFile("wazodeb-command", ".out").toFile();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().put("PATH", PATH);
            builder.environment().put("LC_ALL", "C");
            builder.environment().putAll(extraEnvironment);
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s; it printed:\n" + read(outputFile));
            }
            return new CommandResult(command, process.exitValue(), read(outputFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (outputFile != null) {
                outputFile.delete();
            }
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

    /** Whether {@code program} is an executable file in one of {@link #PATH}'s directories. */
    static boolean onPath(String program) {
        for (String directory : PATH.split(":")) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
