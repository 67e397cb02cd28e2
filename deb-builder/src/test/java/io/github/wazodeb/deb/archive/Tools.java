package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the real Debian tools; a missing one skips the test, unless WAZODEB_REQUIRE_DPKG=1 says it must be there. */
final class Tools {

    private Tools() {
    }

    /** Skips (or fails, in CI) when {@code tool} is not on the PATH. */
    static void require(String tool) {
        if (onPath(tool)) {
            return;
        }
        String reason = tool + " is not on the PATH";
        if ("1".equals(System.getenv("WAZODEB_REQUIRE_DPKG"))) {
            Assertions.fail(reason + " but WAZODEB_REQUIRE_DPKG=1 requires it");
        }
        System.out.println("Skipping: " + reason);
        Assumptions.abort(reason);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command and returns what it did, whatever its exit code. */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] stdout = readAll(process.getInputStream());
            int exit = process.waitFor();
            return new Result(exit, stdout, new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command that must succeed and returns its standard output. */
    static String ok(String... command) {
        Result result = run(command);
        assertThat(result.exitCode()).as("%s failed: %s", String.join(" ", command), result.stderr()).isZero();
        return result.out();
    }

    /** Runs a shell pipeline that must succeed; arguments are passed as "$1", "$2"... never spliced into it. */
    static String shell(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -o pipefail; " + script, "bash"));
        command.addAll(List.of(args));
        return ok(command.toArray(String[]::new));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
