package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code wazo-deb.jar} as a user would: a separate JVM, real exit code and streams. */
record CliRun(int exitCode, String out, String err) {

    static Path jar() {
        String jar = System.getProperty("wazodeb.cli.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the integration tests need -Dwazodeb.cli.jar=<cli/target/wazo-deb.jar>, "
                    + "which `mvn verify` sets; got " + jar);
        }
        return Path.of(jar);
    }

    static CliRun wazoDeb(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(workingDirectory, environment, command);
    }

    /** Runs the jar through {@code sh -c} so the test can set the umask the JVM inherits. */
    static CliRun wazoDebWithUmask(String umask, Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh",
                javaExecutable(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(workingDirectory, environment, command);
    }

    private static CliRun run(Path workingDirectory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("wazo-deb-it", ".out");
        Path err = Files.createTempFile("wazo-deb-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().remove("SOURCE_DATE_EPOCH");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("wazo-deb " + command + " hung");
            }
            return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
