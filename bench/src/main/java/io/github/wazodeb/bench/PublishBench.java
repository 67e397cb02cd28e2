package io.github.wazodeb.bench;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.repo.Publisher;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times one publish into an empty repository and into one of 500 packages, in the same run, alternating the
 * two so both see the same load: a publish reads only the package it adds (issue 16, item 5), so both should
 * take about as long. Each run adds a new package (a no-op publish would prove nothing). Timed twice: the
 * command as users run it ({@code java -jar wazo-deb.jar publish}, a fresh JVM each time) and the library
 * call in one warm JVM, which shows the publishing work without the JVM's start.
 *
 * <pre>
 * java -cp bench/target/wazo-deb-bench.jar io.github.wazodeb.bench.PublishBench [cli/target/wazo-deb.jar]
 *     [--runs 5] [--size 500] [--work DIR]
 * </pre>
 */
public final class PublishBench {

    private final Path jar;
    private final int runs;
    private final int size;
    private final Path work;

    private PublishBench(Path jar, int runs, int size, Path work) {
        this.jar = jar;
        this.runs = runs;
        this.size = size;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("cli/target/wazo-deb.jar");
        int runs = 5;
        int size = 500;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "wazo-deb-publish-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> jar = Path.of(args[i]);
            }
        }
        new PublishBench(jar.toAbsolutePath(), runs, size, work.toAbsolutePath()).run();
    }

    private void run() throws Exception {
        Processes.deleteTree(work);
        Files.createDirectories(work);
        Path debs = work.resolve("debs");
        List<Path> filling = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            filling.add(build("filling" + i, "1.0", debs));
        }
        Path full = work.resolve("full");
        long fillStart = System.nanoTime();
        Publisher.into(full).suite("testing").publish(filling);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        List<Double> cliEmpty = new ArrayList<>();
        List<Double> cliFull = new ArrayList<>();
        List<Double> apiEmpty = new ArrayList<>();
        List<Double> apiFull = new ArrayList<>();
        // Warm-up of the library path (the CLI starts cold every time, as users see it).
        Publisher.into(work.resolve("warm")).suite("testing").publish(List.of(build("warm", "1.0", debs)));
        for (int run = 0; run < runs; run++) {
            Path added = build("added", (run + 1) + ".0", debs);
            Path again = build("again", (run + 1) + ".0", debs);
            cliEmpty.add(cli(added, work.resolve("empty-cli-" + run)));
            cliFull.add(cli(added, full));
            apiEmpty.add(api(again, work.resolve("empty-api-" + run)));
            apiFull.add(api(again, full));
        }
        System.out.printf(Locale.ROOT, "filling the repository: %d packages in one publish, %.1f s%n", size,
                fillSeconds);
        System.out.println("| publish one package | into an empty repository | into " + size
                + " packages | ratio |");
        System.out.println("|---|---|---|---|");
        line("`wazo-deb publish` (fresh JVM), median of " + runs, cliEmpty, cliFull);
        line("`Publisher.publish` (warm JVM), median of " + runs, apiEmpty, apiFull);
        System.out.println("load average after the run: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void line(String what, List<Double> empty, List<Double> full) {
        double a = median(empty);
        double b = median(full);
        System.out.printf(Locale.ROOT, "| %s | %.3f s | %.3f s | %.2fx |%n", what, a, b, b / a);
    }

    private double cli(Path deb, Path root) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "publish", deb.toString(), "--to", root.toString(), "--suite", "testing")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wazo-deb publish " + deb + " into " + root + " failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double api(Path deb, Path root) throws Exception {
        long start = System.nanoTime();
        Publisher.into(root).suite("testing").publish(List.of(deb));
        return (System.nanoTime() - start) / 1e9;
    }

    /** A small plugin package, {@code wazo-plugind-NAME-bench}, built with our builder. */
    private Path build(String name, String version, Path output) throws Exception {
        Path plugin = work.resolve("plugins").resolve(name + "-" + version);
        Files.createDirectories(plugin.resolve("wazo"));
        Files.writeString(plugin.resolve("wazo/plugin.yml"), "name: " + name + "\nnamespace: bench\nversion: \""
                + version + "\"\n", StandardCharsets.UTF_8);
        Path rules = Files.writeString(plugin.resolve("wazo/rules"), "#!/bin/sh\nexit 0\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new DebBuilder(BuildOptions.builder().outputDirectory(output)
                .timestamp(Instant.ofEpochSecond(Bench.SOURCE_DATE_EPOCH)).build()).build(plugin).debFile();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
