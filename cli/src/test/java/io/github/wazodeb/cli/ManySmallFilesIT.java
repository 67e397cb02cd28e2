package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat in the payload's number of files (SPEC section 2): 100,000 small files build with a
 * 64 MiB heap. The wall time and peak memory of the build, and of {@code dpkg-deb --build} on the same tree,
 * are printed for the record.
 */
class ManySmallFilesIT {

    private static final int DIRECTORIES = 400;
    private static final int FILES_PER_DIRECTORY = 250;
    private static final int FILES = DIRECTORIES * FILES_PER_DIRECTORY;
    /**
     * xz level 1 (a 1 MiB dictionary), for both builders. The default level 6 cannot run in a 64 MiB heap
     * whatever the payload: its encoder alone takes about 94 MiB (xz(1), "Memory usage"), a fixed cost that
     * says nothing about the number of files.
     */
    private static final String XZ_LEVEL = "1";
    private static final Duration LIMIT = Duration.ofMinutes(5);

    /** Writes the 100,000 files under {@code <argv[1]>/usr/share/itest-many}. */
    private static final String GENERATOR = """
            import os, sys
            root = os.path.join(sys.argv[1], "usr", "share", "itest-many")
            for d in range(%d):
                folder = os.path.join(root, "d%%03d" %% d)
                os.makedirs(folder)
                for f in range(%d):
                    with open(os.path.join(folder, "f%%03d.txt" %% f), "w") as out:
                        out.write("file %%d of folder %%d\\n" %% (f, d))
            """.formatted(DIRECTORIES, FILES_PER_DIRECTORY);

    @TempDir
    Path work;

    @Test
    void aHundredThousandSmallFilesBuildWithASixtyFourMebibyteHeap() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3, Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("many", "1.0"),
                // The step times itself, so that the build's own time can be told from the files' making.
                PluginDirs.rulesWhere("package", """
                        start=$(date +%s%N)
                        python3 generate.py "$pkgdir"
                        echo $(( $(date +%s%N) - start )) > "$STEP_NANOS"
                        """));
        Path stepNanos = work.resolve("step-nanos");
        Files.writeString(plugin.resolve("generate.py"), GENERATOR, StandardCharsets.UTF_8);
        Path out = work.resolve("out");

        List<String> wazoDeb = new ArrayList<>(List.of(javaExecutable(), "-Xmx64m", "-jar", CliRun.jar().toString(),
                "package", plugin.toString(), "-o", out.toString(), "--temp-dir", work.toString(), "-q",
                "--compression", "xz", "--compression-level", XZ_LEVEL));
        Measurement built = Measurement.of(wazoDeb, work, Map.of("STEP_NANOS", stepNanos.toString()));

        assertThat(built.exitCode()).as(built.stderr()).isZero();
        Path deb = out.resolve("wazo-plugind-many-itest_1.0_all.deb");
        List<String> listing =
                Commands.stdoutOf(LIMIT, List.of("dpkg-deb", "--contents", deb.toString())).lines().toList();
        assertThat(listing.stream().filter(line -> line.startsWith("-") && line.contains("./usr/share/itest-many/")))
                .hasSize(FILES);
        assertThat(listing).hasSizeGreaterThan(FILES);
        Path extracted = work.resolve("extracted");
        Commands.stdoutOf(LIMIT, List.of("dpkg-deb", "--extract", deb.toString(), extracted.toString()));
        assertThat(countFiles(extracted.resolve("usr/share/itest-many"))).isEqualTo(FILES);
        assertThat(extracted.resolve("usr/share/itest-many/d399/f249.txt")).hasContent("file 249 of folder 399");

        Path tree = withControlFile(extracted);
        Path reference = work.resolve("dpkg-deb.deb");
        Measurement dpkgDeb = Measurement.of(List.of("dpkg-deb", "--root-owner-group", "-Zxz", "-z" + XZ_LEVEL,
                "--build",
                tree.toString(), reference.toString()), work, Map.of());
        assertThat(dpkgDeb.exitCode()).as(dpkgDeb.stderr()).isZero();

        double stepSeconds = Long.parseLong(Files.readString(stepNanos).strip()) / 1e9;
        // The .deb's time is when its last byte was written: what comes after is the staging's removal.
        double inPlaceSeconds =
                Duration.between(built.started(), Files.getLastModifiedTime(deb).toInstant()).toMillis() / 1000.0;
        System.out.println(built.report("java -Xmx64m -jar wazo-deb.jar package --compression xz --compression-level "
                + XZ_LEVEL + ", " + listing.size() + " entries", Files.size(deb))
                + String.format(Locale.ROOT, "; of which %.1f s in the package step making the files; the package"
                        + " was in place after %.1f s, the rest is removing the staging", stepSeconds, inPlaceSeconds));
        System.out.println(dpkgDeb.report("dpkg-deb --root-owner-group -Zxz -z" + XZ_LEVEL + " --build, same payload",
                Files.size(reference)));
    }

    /**
     * The payload as the build packed it (extracted by dpkg-deb: the same entries, modes and bytes) with a
     * control file, for dpkg-deb to pack. Generating the files again would double the test's time.
     */
    private static Path withControlFile(Path payload) throws IOException {
        Path debian = Files.createDirectories(payload.resolve("DEBIAN"));
        Files.writeString(debian.resolve("control"), """
                Package: wazo-plugind-many-itest
                Version: 1.0
                Architecture: all
                Maintainer: Tester <tester@example.org>
                Description: the same payload, packed by dpkg-deb
                """, StandardCharsets.UTF_8);
        return payload;
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A command's exit code, wall time and peak resident memory. With GNU time installed the peak is its
     * {@code Maximum resident set size} (the largest process of the command's tree); without it, the
     * command's own {@code VmHWM}, read from {@code /proc} until it ends.
     */
    private record Measurement(int exitCode, String stderr, Instant started, Duration wallTime, long peakKiB,
            String peakSource) {

        private static final Path GNU_TIME = Path.of("/usr/bin/time");
        private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
        private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

        static Measurement of(List<String> command, Path directory, Map<String, String> environment)
                throws IOException, InterruptedException {
            boolean gnuTime = Files.isExecutable(GNU_TIME);
            Path timeReport = Files.createTempFile(directory, "time", ".txt");
            Path stderr = Files.createTempFile(directory, "stderr", ".txt");
            List<String> full = new ArrayList<>();
            if (gnuTime) {
                full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeReport.toString()));
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PATH", Commands.PATH + ":" + builder.environment().getOrDefault("PATH", ""));
            Instant started = Instant.now();
            long start = System.nanoTime();
            Process process = builder.start();
            long polledPeak = 0;
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                polledPeak = Math.max(polledPeak, vmHwm(process.pid()).orElse(0L));
                if (System.nanoTime() - start > LIMIT.toNanos()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + LIMIT);
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            if (gnuTime) {
                Matcher peak = MAX_RSS.matcher(Files.readString(timeReport, StandardCharsets.UTF_8));
                if (peak.find()) {
                    return new Measurement(process.exitValue(), errors, started, wall, Long.parseLong(peak.group(1)),
                            "GNU time, largest process");
                }
            }
            return new Measurement(process.exitValue(), errors, started, wall, polledPeak, "VmHWM polled");
        }

        private static Optional<Long> vmHwm(long pid) {
            try {
                Matcher matcher = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
                return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty(); // the process ended between two polls
            }
        }

        String report(String what, long packageBytes) {
            return String.format(Locale.ROOT, "%s: wall %.1f s, peak RSS %.1f MiB (%s), package %.1f MiB", what,
                    wallTime.toMillis() / 1000.0, peakKiB / 1024.0, peakSource, packageBytes / 1048576.0);
        }
    }
}
