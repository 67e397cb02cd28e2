package io.github.wazodeb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs whole processes under GNU time, for their wall time and peak RSS. */
final class Processes {

    private final Path work;

    Processes(Path work) {
        this.work = work;
    }

    /**
     * Runs {@code command} under {@code /usr/bin/time} (for the peak RSS) with {@code environment} added; the
     * package it wrote is the one .deb in {@code outDir}. The wall time is this JVM's clock around the whole
     * (time's own 10 ms steps are too coarse for a short command); both tools pay the same for time's exec.
     */
    Sample timed(List<String> command, Map<String, String> environment, Path outDir)
            throws IOException, InterruptedException {
        Path times = work.resolve("time.txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        full.addAll(command);
        long start = System.nanoTime();
        run(full, environment);
        double wall = (System.nanoTime() - start) / 1e9;
        String[] fields = Files.readString(times).trim().split("\\s+");
        Path deb = Bench.onlyDeb(outDir);
        return new Sample(wall, Long.parseLong(fields[fields.length - 1]), Files.size(deb));
    }

    /** The wall time of one run of {@code command}, which must succeed; its output is dropped. */
    double wall(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        long start = System.nanoTime();
        run(command, environment);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs {@code command}, failing with its output when it fails. */
    void run(List<String> command) throws IOException, InterruptedException {
        run(command, Map.of());
    }

    /** Runs {@code command} with {@code environment} added, failing with its output when it fails. */
    void run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOURCE_DATE_EPOCH", Long.toString(Bench.SOURCE_DATE_EPOCH));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    String output(List<String> command) throws IOException, InterruptedException {
        return output(command, Map.of());
    }

    String output(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    /** The 1-minute load average, as uptime prints it. */
    String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** {@code rm -rf}: several times faster than a walk from Java on 100,000 files. */
    static void deleteTree(Path root) throws IOException, InterruptedException {
        if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && new ProcessBuilder("rm", "-rf", "--", root.toString()).inheritIO().start().waitFor() != 0) {
            throw new IOException("rm -rf " + root + " failed");
        }
    }
}
