package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A build by an ordinary user: the package step runs under fakeroot, as wazo-plugind runs it as root, so
 * that {@code install -o root -g root} works; every entry is still owned by root.
 */
class NonRootPackageIT {

    private static final String NOBODY = "65534";

    private Path work;

    @BeforeEach
    void makeAWorkDirectoryNobodyCanUse() throws IOException {
        // @TempDir is private to root; this user needs to read the plugin and write the output.
        work = Files.createTempDirectory(Path.of("/tmp"), "wazo-deb-nonroot");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void removeIt() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void thePackageStepRunsUnderFakerootAndEntriesAreOwnedByRoot() throws Exception {
        assumeRootWithSetprivAndFakeroot();
        DpkgDeb.assumeAvailable();
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("owned", "1.0"), """
                #!/bin/sh
                set -e
                if [ "$1" = package ]; then
                    echo "package step sees uid $(id -u)"
                    install -d -o root -g root -m 0755 "$pkgdir/usr/share/owned"
                    install -o root -g root -m 0644 wazo/plugin.yml "$pkgdir/usr/share/owned/plugin.yml"
                fi
                """);
        makeReadableByAll(plugin);

        CliRun build = asNobody(plugin);
        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.err()).contains("package step sees uid 0");
        assertThat(DpkgDeb.contents(Path.of(build.out().strip())))
                .isNotEmpty()
                .allMatch(line -> line.contains(" root/root "))
                .anyMatch(line -> line.endsWith("./usr/share/owned/plugin.yml"));
    }

    private CliRun asNobody(Path plugin) throws IOException, InterruptedException {
        Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", javaExecutable.toString(), "-Djava.io.tmpdir=" + work, "-jar", CliRun.jar().toString(),
                "package", plugin.toString(), "-o", work.resolve("out").toString())
                .directory(work.toFile());
        builder.environment().put("HOME", work.toString());
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the build as nobody hung");
        }
        return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void makeReadableByAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                boolean executable = Files.isDirectory(file) || Files.isExecutable(file);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void assumeRootWithSetprivAndFakeroot() throws IOException {
        boolean root = "0".equals(String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/fakeroot"));
        String reason = "needs root (to switch to an ordinary user), setpriv and fakeroot";
        if (!(root && tools) && "1".equals(System.getenv("WAZODEB_REQUIRE_DPKG"))) {
            throw new AssertionError(reason + " (WAZODEB_REQUIRE_DPKG=1)");
        }
        if (!(root && tools)) {
            System.out.println("Skipping: " + reason);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(root && tools, reason);
    }
}
