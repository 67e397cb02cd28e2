package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's launcher makes its own start-up cache (a class-data-sharing archive, or Java 25's
 * ahead-of-time cache) on first use, beside the jar, as the package's postinst does; and a package run
 * then loads every class of its own from that cache, none from the jar.
 */
class StartUpCacheIT {

    private static final String NOBODY = "65534";
    /** How -Xlog:class+load names a class taken from a class-data-sharing archive or an AOT cache. */
    private static final String FROM_CACHE = "source: shared objects file";

    @TempDir
    Path work;

    @Test
    void theFirstRunMakesTheCacheAndAPackageRunThenLoadsNoClassFromTheJar() throws Exception {
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Path launcher = home.resolve("bin/wazo-deb");
        // A plugin as plugins are, not the one the cache is made with: a description, dependencies, files.
        Path plugin = PluginDirectory.write(work.resolve("plugin"), """
                name: cached
                namespace: dist
                version: "1.0-2"
                description: |
                  A plugin with what plugins have.
                  Its second line.
                depends:
                  - name: base
                    namespace: dist
                debian_depends:
                  - "python3 (>= 3.9)"
                """, """
                #!/bin/sh
                set -e
                case "$1" in
                    build) ;;
                    package)
                        dir="$pkgdir/usr/lib/python3/dist-packages/cached_plugin/a-module-folder-whose-name-is-long-enough"
                        mkdir -p "$dir"
                        echo 'print("hello")' > "$dir/__init__.py"
                        ;;
                    install|uninstall) ;;
                esac
                """);
        assertThat(caches(home.resolve("lib"))).isEmpty();

        Run first = Run.of(Map.of("JAVA_HOME", Run.javaHome()), launcher.toString(), "--version");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("wazo-deb " + Built.version() + "\n");
        assertThat(first.err()).isEmpty();
        assertThat(caches(home.resolve("lib"))).singleElement().asString()
                .startsWith("wazo-deb-" + Runtime.version() + "-" + Files.size(home.resolve("lib/wazo-deb.jar")) + "-");
        assertThat(leftovers(home.resolve("lib"))).isEmpty();

        Path log = work.resolve("class-load.log");
        Run logged = Run.of(Map.of("JAVA_HOME", Run.javaHome(), "WAZO_DEB_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log),
                launcher.toString(), "package", plugin.toString(), "-o", work.resolve("out").toString(), "-q");

        assertThat(logged.exitCode()).as(logged.toString()).isZero();
        assertThat(logged.err()).isEmpty();
        List<String> loads = Files.readAllLines(log);
        assertThat(loads).anyMatch(line -> line.contains(" picocli.CommandLine " + FROM_CACHE))
                .anyMatch(line -> line.contains(" io.github.wazodeb.cli.PackageCommand " + FROM_CACHE))
                .anyMatch(line -> line.contains(" io.github.wazodeb.deb.DebBuilder " + FROM_CACHE));
        assertThat(loads.stream().filter(line -> line.contains("wazo-deb.jar")).filter(line -> !xzMultiReleaseClassOnAot(line)))
                .as("classes a package run loads from the jar rather than the cache")
                .isEmpty();
        assertThat(loads).as("picocli's java.sql and java.time converters, which no option uses, are not registered")
                .noneMatch(line -> line.contains(" java.sql.DriverManager ") || line.contains(" java.time.MonthDay "));
    }

    @Test
    void aJava25RuntimeGetsAnAheadOfTimeCache() throws Exception {
        Path java25 = java25OrLater();
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Map<String, String> java = Map.of("JAVA_HOME", java25.toString());

        Run first = version(java, home.resolve("bin/wazo-deb"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).isEmpty();
        // Its training child has crashed before (NOTES): then the launcher falls back to an archive.
        assertThat(caches(home.resolve("lib"))).singleElement().asString().endsWith(".aot");
        Path log = work.resolve("class-load.log");
        Run logged = Run.of(Map.of("JAVA_HOME", java25.toString(), "WAZO_DEB_JAVA_OPTIONS",
                "-Xlog:class+load=info:file=" + log), home.resolve("bin/wazo-deb").toString(), "--version");
        assertThat(logged.err()).isEmpty();
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" picocli.CommandLine " + FROM_CACHE));
    }

    @Test
    void twoFirstRunsAtOnceBothSucceedAndLeaveOneCache() throws Exception {
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Map<String, String> java = Map.of("JAVA_HOME", Run.javaHome());

        List<CompletableFuture<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> version(java, home.resolve("bin/wazo-deb"))));
        }

        for (CompletableFuture<Run> run : runs) {
            assertThat(run.get().exitCode()).as(run.get().toString()).isZero();
            assertThat(run.get().out()).isEqualTo("wazo-deb " + Built.version() + "\n");
            assertThat(run.get().err()).isEmpty();
        }
        assertThat(caches(home.resolve("lib"))).hasSize(1);
        assertThat(leftovers(home.resolve("lib"))).isEmpty();
        Run after = Run.of(java, home.resolve("bin/wazo-deb").toString(), "--version");
        assertThat(after.err()).isEmpty();
    }

    @Test
    void aFolderTheUserCannotWriteGetsNoCacheAndNoMessage() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV);
        Path home = Unpacked.archive(work.resolve("unpacked"));
        // Unpacked by root, run by an ordinary user: readable, not writable.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(work.resolve("unpacked"), PosixFilePermissions.fromString("rwxr-xr-x"));

        Run run = Run.of(Map.of("JAVA_HOME", Run.javaHome()), "setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", home.resolve("bin/wazo-deb").toString(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("wazo-deb " + Built.version() + "\n");
        assertThat(run.err()).isEmpty();
        assertThat(caches(home.resolve("lib"))).isEmpty();
        assertThat(leftovers(home.resolve("lib"))).isEmpty();
    }

    @Test
    void aChangedJarGetsACacheOfItsOwnAndTheStaleOneGoes() throws Exception {
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Path jar = home.resolve("lib/wazo-deb.jar");
        Map<String, String> java = Map.of("JAVA_HOME", Run.javaHome());
        assertThat(version(java, home.resolve("bin/wazo-deb")).exitCode()).isZero();
        List<String> before = caches(home.resolve("lib"));

        // Another build of the jar, as unpacking a newer archive over this one gives.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 86_400_000L));
        Run again = version(java, home.resolve("bin/wazo-deb"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).isEmpty();
        long seconds = Files.getLastModifiedTime(jar).toMillis() / 1000;
        assertThat(caches(home.resolve("lib"))).hasSize(1).doesNotContainAnyElementsOf(before)
                .allMatch(name -> name.contains("-" + seconds + "."));
    }

    @Test
    void aFailedTryIsNotedAndNotPaidForAgainOnEveryRun() throws Exception {
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Path lib = home.resolve("lib");
        // Without the JDK's own archive, the JVM cannot add one of its own: making the cache fails, the
        // command itself does not.
        Run failing = Run.of(Map.of("JAVA_HOME", Run.javaHome(), "JAVA_TOOL_OPTIONS", "-Xshare:off"),
                home.resolve("bin/wazo-deb").toString(), "--version");

        assertThat(failing.exitCode()).as(failing.toString()).isZero();
        assertThat(failing.out()).isEqualTo("wazo-deb " + Built.version() + "\n");
        assertThat(caches(lib)).isEmpty();
        assertThat(leftovers(lib)).isEmpty();
        try (Stream<Path> files = Files.list(lib)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("wazo-deb.jar")))
                    .singleElement().asString().startsWith("wazo-deb-" + Runtime.version() + "-").endsWith(".failed");
        }

        // The note holds: a run that could make it does not try again (removing the note would).
        Run next = version(Map.of("JAVA_HOME", Run.javaHome()), home.resolve("bin/wazo-deb"));
        assertThat(next.exitCode()).isZero();
        assertThat(caches(lib)).isEmpty();
    }

    @Test
    void wazoDebCdsOffNeitherMakesNorUsesOne() throws Exception {
        Path home = Unpacked.archive(work.resolve("unpacked"));
        Map<String, String> off = new HashMap<>(Map.of("JAVA_HOME", Run.javaHome(), "WAZO_DEB_CDS", "off"));

        Run run = version(off, home.resolve("bin/wazo-deb"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(caches(home.resolve("lib"))).isEmpty();
    }

    /** A Java 25 or later runtime of the machine's (Temurin's, under /usr/lib/jvm), or the test is skipped. */
    private static Path java25OrLater() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    Path release = home.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))
                            && Files.readAllLines(release).stream().anyMatch(line -> line.matches("JAVA_VERSION=\"(2[5-9]|[3-9][0-9]).*"))) {
                        return home;
                    }
                }
            }
        }
        Assumptions.abort("no Java 25 or later under " + jvms);
        return null;
    }

    /** The start-up caches in {@code lib}, by name. */
    static List<String> caches(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("wazo-deb.*\\.(jsa|aot)")).sorted().toList();
        }
    }

    /** What a cache being made leaves until it is moved into place. */
    private static List<String> leftovers(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        }
    }

    private static Run version(Map<String, String> environment, Path launcher) {
        try {
            return Run.of(environment, launcher.toString(), "--version");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Java 25's AOT cache keeps no class of a multi-release jar's versioned folder ("not defined from the jar
     * as claimed"): xz's match finder for Java 9 and later comes from there. A class-data-sharing archive
     * keeps it.
     */
    private static boolean xzMultiReleaseClassOnAot(String line) {
        return Runtime.version().feature() >= 25 && line.matches(".* org\\.tukaani\\.xz\\.lz\\.\\w*MatchLengthFinder source: .*");
    }
}
