package io.github.wazodeb.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command in an environment holding only what the test gives (no LANG, no LC_ALL unless
 * given), as a user's shell with no locale runs it. Not the harness's {@code Commands}, which always
 * sets {@code LC_ALL=C}: the launcher's own locale is what these tests are about.
 */
record Run(int exitCode, String out, String err) {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    static Run of(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wazo-deb-dist", ".out");
        Path err = Files.createTempFile("wazo-deb-dist", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().put("PATH", PATH);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " hung");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run of(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        return of(environment, List.of(command));
    }

    /** The JAVA_HOME of the JVM running the tests: a Java 17 or later. */
    static String javaHome() {
        return System.getProperty("java.home");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
