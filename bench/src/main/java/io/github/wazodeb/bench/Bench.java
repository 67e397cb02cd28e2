package io.github.wazodeb.bench;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.DebBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times wazo-deb against the reference pipeline (the same rules steps, then {@code dpkg-deb --build}) on
 * generated plugins, alternating the tools run by run so that both see the same load, checks every package
 * with {@code dpkg-deb -x}, prints a Markdown table per compression and draws a chart.
 *
 * <pre>
 * java -jar bench/target/wazo-deb-bench.jar [--command PATH/bin/wazo-deb] [--shapes small,medium,large,many]
 *     [--compressions gzip,xz,zstd,none] [--runs 3] [--large-runs 1] [--java HOME,HOME] [--startup-runs 10]
 *     [--work DIR] [--chart bench/speed.png]
 * </pre>
 *
 * <p>wazo-deb is timed as users run it, the installed command: by default the launcher of the archive
 * {@code distribution/target/wazo-deb-*.tar.gz}, unpacked into the work folder, whose first run with each
 * runtime made its start-up cache. With several {@code --java} homes, every wazo-deb cell is timed on each.
 * The start-up table times {@code wazo-deb --version} against {@code java -version} of the same runtime;
 * {@code --shapes none} leaves only that table.
 */
public final class Bench {

    static final long SOURCE_DATE_EPOCH = 1_700_000_000L;
    private static final int WARM_RUNS = 20;

    private final Path archive;
    private Path command;
    private final Path work;
    private final List<Shape> shapes = new ArrayList<>();
    private final List<String> compressions = new ArrayList<>();
    private final int runs;
    private final int largeRuns;
    private final int startupRuns;
    /** The JAVA_HOMEs the command runs with, each with its runtime's name ("Java 17"). */
    private final Map<String, String> javas = new LinkedHashMap<>();
    private final Path chart;
    private final PrintStream out = System.out;
    private final List<String> loads = new ArrayList<>();

    private Bench(Map<String, String> options) {
        work = Path.of(options.getOrDefault("work", System.getProperty("java.io.tmpdir") + "/wazo-deb-bench"))
                .toAbsolutePath();
        command = options.containsKey("command") ? Path.of(options.get("command")).toAbsolutePath() : null;
        archive = command != null ? null : distributionArchive(Path.of("distribution/target"));
        for (String id : options.getOrDefault("shapes", "small,medium,large,many").split(",")) {
            if (!id.equals("none")) {
                shapes.add(Shape.of(id));
            }
        }
        for (String home : options.getOrDefault("java", System.getProperty("java.home")).split(",")) {
            javas.put(Path.of(home).toAbsolutePath().toString(), null);
        }
        startupRuns = Integer.parseInt(options.getOrDefault("startup-runs", "10"));
        compressions.addAll(List.of(options.getOrDefault("compressions", "gzip,xz,zstd,none").split(",")));
        runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        largeRuns = Integer.parseInt(options.getOrDefault("large-runs", "1"));
        chart = Path.of(options.getOrDefault("chart", "bench/speed.png"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Processes processes = new Processes(work);
        for (String home : javas.keySet()) {
            javas.put(home, runtimeName(processes, home));
        }
        if (command == null) {
            command = install(processes);
        }
        machine(processes);
        if (startupRuns > 0) {
            startup(processes);
        }
        List<Cell> cells = new ArrayList<>();
        for (Shape shape : shapes) {
            Path payload = work.resolve("payload-" + shape.id);
            System.err.println("generating " + shape.id + " ...");
            long bytes = shape.generate(payload);
            Path plugin = plugin(shape, payload);
            Path reference = referenceScript();
            int n = shape == Shape.LARGE ? largeRuns : runs;
            for (String compression : compressions) {
                int level = Compression.fromUserName(compression).orElseThrow().defaultLevel();
                Map<String, Cell> wazo = new LinkedHashMap<>();
                javas.forEach((home, name) -> wazo.put(home,
                        new Cell(shape, compression, Tool.WAZO_DEB, javas.size() > 1 ? name : null)));
                Cell dpkg = new Cell(shape, compression, Tool.DPKG_DEB);
                List<String> wazoCommand = new ArrayList<>(List.of(command.toString(), "package",
                        plugin.toString(), "--compression", compression, "-q"));
                if (!compression.equals("none")) {
                    wazoCommand.addAll(List.of("--compression-level", Integer.toString(level)));
                }
                for (int run = 0; run < n; run++) {
                    for (Map.Entry<String, Cell> java : wazo.entrySet()) {
                        loads.add(processes.load());
                        Path outDir = freshDir("out-wazo");
                        List<String> into = new ArrayList<>(wazoCommand);
                        into.addAll(List.of("-o", outDir.toString()));
                        java.getValue().samples.add(processes.timed(into, Map.of("JAVA_HOME", java.getKey()), outDir));
                        Checks.extracted(processes, onlyDeb(outDir), payload, shape, work);
                        Path dpkgOut = freshDir("out-dpkg").resolve("x.deb");
                        dpkg.samples.add(processes.timed(List.of("bash", reference.toString(), plugin.toString(),
                                compression, Integer.toString(level), dpkgOut.toString()), Map.of(), dpkgOut.getParent()));
                        Checks.extracted(processes, dpkgOut, payload, shape, work);
                        System.err.printf("%s %s run %d: wazo-deb (%s) %.3f s, dpkg-deb %.3f s (load %s)%n", shape.id,
                                compression, run + 1, javas.get(java.getKey()), last(java.getValue()).wallSeconds(),
                                last(dpkg).wallSeconds(), loads.get(loads.size() - 1));
                    }
                }
                cells.addAll(wazo.values());
                cells.add(dpkg);
                if (shape == Shape.SMALL) {
                    cells.add(warm(plugin, compression, level));
                }
            }
            Report.payloadSize.put(shape, bytes);
        }
        if (!cells.isEmpty()) {
            Report.print(out, cells, compressions, loads);
        }
        // A chart of one size says nothing and would replace the full run's.
        if (shapes.stream().filter(shape -> shape != Shape.MANY).count() > 1) {
            Chart.draw(cells, chart);
            out.println();
            out.println("Chart: " + chart);
        }
    }

    /**
     * {@code wazo-deb --version} against {@code java -version} of the same runtime, alternately, whole
     * processes: what a short command costs over the JVM's own start.
     */
    private void startup(Processes processes) throws IOException, InterruptedException {
        out.println("### Start-up");
        out.println();
        out.println("| runtime | java -version, median (s) | wazo-deb --version, median (s) | min-max (s) | runs | ratio |");
        out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, String> java : javas.entrySet()) {
            Cell jvm = new Cell(Shape.SMALL, "", Tool.DPKG_DEB);
            Cell wazo = new Cell(Shape.SMALL, "", Tool.WAZO_DEB);
            for (int run = 0; run < startupRuns; run++) {
                loads.add(processes.load());
                jvm.samples.add(new Sample(processes.wall(List.of(java.getKey() + "/bin/java", "-version"), Map.of()), 0, 0));
                wazo.samples.add(new Sample(processes.wall(List.of(command.toString(), "--version"),
                        Map.of("JAVA_HOME", java.getKey())), 0, 0));
            }
            out.printf("| %s | %.3f | %.3f | %.3f-%.3f | %d | %.2fx |%n", java.getValue(), jvm.median(), wazo.median(),
                    wazo.min(), wazo.max(), startupRuns, wazo.median() / jvm.median());
            System.err.printf("start-up %s: java -version %.3f s, wazo-deb --version %.3f s%n", java.getValue(),
                    jvm.median(), wazo.median());
        }
        out.println();
    }

    /** "Java 17.0.15+6-Debian-1deb12u1", from the runtime's own java -version. */
    private static String runtimeName(Processes processes, String home) throws IOException, InterruptedException {
        String version = processes.output(List.of(home + "/bin/java", "-version")).lines()
                .filter(line -> line.contains("Runtime Environment")).findFirst().orElse("?");
        return "Java " + version.replaceAll(".*\\(build ([^)]*)\\).*", "$1");
    }

    private static Sample last(Cell cell) {
        return cell.samples.get(cell.samples.size() - 1);
    }

    private void machine(Processes processes) throws IOException, InterruptedException {
        out.println("## Machine");
        out.println();
        out.println("```");
        out.println("date:      " + Instant.now());
        out.println("cpu:       " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println("java:      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (this benchmark, the warm API)");
        javas.forEach((home, name) -> out.println("runtime:   " + name + " (" + home + ", the command)"));
        out.println("dpkg-deb:  " + processes.output(List.of("dpkg-deb", "--version")).lines().findFirst().orElse("?"));
        out.println("wazo-deb:  " + processes.output(List.of(command.toString(), "--version")).trim()
                + " (" + command + ")");
        out.println("load:      " + processes.load() + " (uptime at the start)");
        out.println("```");
        out.println();
    }

    private static Path distributionArchive(Path target) {
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("wazo-deb-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no wazo-deb-*.tar.gz in " + target.toAbsolutePath()
                            + ": mvn -B -Pbench package -DskipTests -pl distribution,bench -am"));
        } catch (IOException e) {
            throw new IllegalStateException(target.toAbsolutePath() + " cannot be read: "
                    + "mvn -B -Pbench package -DskipTests -pl distribution,bench -am", e);
        }
    }

    /**
     * Unpacks the distribution archive and runs it once with each runtime, which makes its start-up cache
     * (as on a user's first run, or in the package's postinst); returns its bin/wazo-deb.
     */
    private Path install(Processes processes) throws IOException, InterruptedException {
        Path installed = work.resolve("installed");
        Processes.deleteTree(installed);
        Files.createDirectories(installed);
        processes.run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", installed.toString()));
        Path launcher;
        try (var tops = Files.list(installed)) {
            launcher = tops.findFirst().orElseThrow().resolve("bin/wazo-deb");
        }
        for (String home : javas.keySet()) {
            processes.run(List.of(launcher.toString(), "--version"), Map.of("JAVA_HOME", home));
        }
        return launcher;
    }

    /** A plugin whose package step copies the payload into ${pkgdir}, as real plugins do. */
    private Path plugin(Shape shape, Path payload) throws IOException {
        Path plugin = work.resolve("plugin-" + shape.id);
        Files.createDirectories(plugin.resolve("wazo"));
        Files.writeString(plugin.resolve("wazo/plugin.yml"), "name: bench-" + shape.id + "\nnamespace: wazodeb\n"
                + "version: \"1.0\"\ndescription: benchmark plugin, " + shape.id + " shape\n");
        Path rules = plugin.resolve("wazo/rules");
        Files.writeString(rules, "#!/bin/sh\nset -e\ncase \"$1\" in\n"
                + "    build) ;;\n"
                + "    package) mkdir -p \"$pkgdir/usr/share/bench\" && cp -a '" + payload + "/.' \"$pkgdir/usr/share/bench/\" ;;\n"
                + "    install|uninstall) ;;\n"
                + "    *) echo \"unknown $1\" >&2; exit 1 ;;\nesac\n");
        Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxr-xr-x"));
        return plugin;
    }

    /**
     * The reference pipeline: the rules steps into a fresh staging directory (as wazo-plugind runs them),
     * the plugin's wazo/ folder, a control file, then dpkg-deb. It writes no md5sums (dh_md5sums would).
     */
    private Path referenceScript() throws IOException {
        Path script = work.resolve("dpkg-deb-pipeline.sh");
        Files.writeString(script, String.join("\n",
                "#!/bin/bash",
                "# dpkg-deb-pipeline.sh PLUGIN COMPRESSION LEVEL OUT.deb",
                "set -e",
                "stage=$(mktemp -d \"$(dirname \"$4\")/stage.XXXXXX\")",
                "name=$(sed -n 's/^name: //p' \"$1/wazo/plugin.yml\")",
                "(cd \"$1\" && wazo/rules build && pkgdir=\"$stage\" wazo/rules package)",
                "mkdir -p \"$stage/DEBIAN\" \"$stage/usr/lib/wazo-plugind/plugins/wazodeb/$name\"",
                "cp -a \"$1/wazo\" \"$stage/usr/lib/wazo-plugind/plugins/wazodeb/$name/\"",
                "printf 'Package: wazo-plugind-%s-wazodeb\\nVersion: 1.0\\nArchitecture: all\\n"
                        + "Maintainer: Bench <bench@example.org>\\nDescription: benchmark package\\n' \"$name\" > \"$stage/DEBIAN/control\"",
                "if [ \"$2\" = none ]; then level=; else level=-z$3; fi",
                "dpkg-deb --root-owner-group -Z\"$2\" $level --build \"$stage\" \"$4\" >/dev/null",
                "rm -rf \"$stage\"", ""), StandardCharsets.UTF_8);
        return script;
    }

    /** The library called in this JVM, after warm-up runs: the median of the timed ones. */
    private Cell warm(Path plugin, String compression, int level) throws Exception {
        Cell cell = new Cell(Shape.SMALL, compression, Tool.API_WARM);
        Path outDir = freshDir("out-api");
        DebBuilder builder = new DebBuilder(BuildOptions.builder()
                .outputDirectory(outDir)
                .compression(Compression.fromUserName(compression).orElseThrow())
                .compressionLevel(level)
                .timestamp(Instant.ofEpochSecond(SOURCE_DATE_EPOCH))
                .build());
        for (int i = 0; i < WARM_RUNS; i++) {
            builder.build(plugin);
        }
        for (int i = 0; i < Math.max(runs, 5); i++) {
            long start = System.nanoTime();
            BuildResult result = builder.build(plugin);
            cell.samples.add(new Sample((System.nanoTime() - start) / 1e9, 0, result.size()));
        }
        return cell;
    }

    private Path freshDir(String name) throws IOException, InterruptedException {
        Path dir = work.resolve(name);
        Processes.deleteTree(dir);
        return Files.createDirectories(dir);
    }

    static Path onlyDeb(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElse(dir.resolve("missing.deb"));
        }
    }
}
