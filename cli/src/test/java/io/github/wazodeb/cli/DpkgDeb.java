package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real dpkg-deb, to read what the CLI wrote. */
final class DpkgDeb {

    private DpkgDeb() {
    }

    /** Skips the test where dpkg-deb is missing, unless CI requires it (WAZODEB_REQUIRE_DPKG=1). */
    static void assumeAvailable() {
        boolean available = Files.isExecutable(Path.of("/usr/bin/dpkg-deb"));
        if (!available && "1".equals(System.getenv("WAZODEB_REQUIRE_DPKG"))) {
            throw new AssertionError("dpkg-deb is required (WAZODEB_REQUIRE_DPKG=1) but /usr/bin/dpkg-deb is missing");
        }
        if (!available) {
            System.out.println("Skipping: dpkg-deb is not installed");
        }
        Assumptions.assumeTrue(available, "dpkg-deb is not installed");
    }

    static String field(Path deb, String field) throws IOException, InterruptedException {
        return run("dpkg-deb", "--field", deb.toString(), field).strip();
    }

    static List<String> contents(Path deb) throws IOException, InterruptedException {
        return run("dpkg-deb", "--contents", deb.toString()).lines().toList();
    }

    /** The ar member names, in order, as {@code ar t} lists them. */
    static List<String> members(Path deb) throws IOException, InterruptedException {
        return run("ar", "t", deb.toString()).lines().toList();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dpkg-deb", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("TZ", "UTC");
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " hung");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
