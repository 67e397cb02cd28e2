package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/**
 * Host tools for tests that check our text against the real Debian tools. Where one is missing the test
 * is skipped with the reason printed, unless {@code WAZODEB_REQUIRE_DPKG=1} (CI) makes it a failure.
 */
final class ExternalTools {

    private static final boolean REQUIRED = "1".equals(System.getenv("WAZODEB_REQUIRE_DPKG"));

    private ExternalTools() {
    }

    /** The tool's path on the PATH, or the test is skipped (failed under WAZODEB_REQUIRE_DPKG=1). */
    static Path require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        unavailable(tool + " is not on the PATH");
        throw new AssertionError("unreachable");
    }

    /** The test runs as root (chroot needs it), or is skipped (failed under WAZODEB_REQUIRE_DPKG=1). */
    static void requireRoot() {
        Result id = run(List.of("id", "-u"), Map.of());
        if (!id.stdout().strip().equals("0")) {
            unavailable("not running as root (uid " + id.stdout().strip() + "), chroot needs it");
        }
    }

    private static void unavailable(String reason) {
        if (REQUIRED) {
            fail(reason + ", and WAZODEB_REQUIRE_DPKG=1 requires it");
        }
        System.err.println("Skipping: " + reason);
        Assumptions.abort(reason);
    }

    /**
     * Runs a command to its end. {@code environment} replaces the inherited one when not empty.
     */
    static Result run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!environment.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            int status = process.waitFor();
            return new Result(status, stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int status, String stdout, String stderr) {
        /** For assertion messages. */
        String describe() {
            return "status " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
