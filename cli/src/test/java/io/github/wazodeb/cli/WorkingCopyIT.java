package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules steps run in a private copy of the plugin directory (SPEC section 2), as wazo-plugind builds
 * from a fresh clone: what a step writes never lands in the plugin directory, nothing an earlier build left
 * reaches the next package, and the copy has a git checkout's modes whatever the checkout's own.
 */
class WorkingCopyIT {

    private static final String SHIPPED = "./usr/share/itest-builds/";
    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    /**
     * Like {@code python setup.py build}: the build step writes {@code build/} in its working directory,
     * and the package step ships what is there.
     */
    private static final String BUILD_OUTPUT_RULES = """
            #!/bin/sh
            set -e
            case "$1" in
                build)
                    mkdir -p build
                    cp -R src/. build/
                    echo "built from $(sed -n 's/^version: *//p' wazo/plugin.yml)" > build/BUILT
                    ;;
                package)
                    mkdir -p "$pkgdir/usr/share/itest-builds"
                    cp -R build/. "$pkgdir/usr/share/itest-builds/"
                    ;;
            esac
            """;

    @TempDir
    Path work;

    @Test
    void aRebuildAfterAVersionBumpShipsExactlyTheNewTreeAndThePluginDirectoryGetsNoBuildOutput()
            throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("builds", "1.0"), BUILD_OUTPUT_RULES);
        Path src = Files.createDirectories(plugin.resolve("src/pkg"));
        Files.writeString(src.resolve("__init__.py"), "");
        Files.writeString(src.resolve("old.py"), "OLD = 1\n");
        Files.writeString(src.resolve("kept.py"), "KEPT = 1\n");

        CliRun first = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(shippedIn(Path.of(first.out().strip())))
                .containsExactly("BUILT", "pkg/", "pkg/__init__.py", "pkg/kept.py", "pkg/old.py");
        assertThat(plugin.resolve("build")).as("build output in the plugin directory").doesNotExist();

        Files.writeString(plugin.resolve("wazo/plugin.yml"), PluginDirs.pluginYml("builds", "2.0"));
        Files.delete(src.resolve("old.py"));
        TreeState beforeSecond = TreeState.of(plugin);
        CliRun second = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        Path deb = Path.of(second.out().strip());
        assertThat(deb.getFileName()).hasToString("wazo-plugind-builds-itest_2.0_all.deb");
        assertThat(shippedIn(deb)).as("no entry of the 1.0 build may remain")
                .containsExactly("BUILT", "pkg/", "pkg/__init__.py", "pkg/kept.py");
        Path extracted = work.resolve("extracted");
        DpkgDeb.extract(deb, extracted);
        assertThat(extracted.resolve("usr/share/itest-builds/BUILT")).hasContent("built from \"2.0\"");
        assertThat(plugin.resolve("build")).as("build output in the plugin directory").doesNotExist();
        assertThat(TreeState.of(plugin)).isEqualTo(beforeSecond);
    }

    @Test
    void inPlaceRunsTheStepsInThePluginDirectory() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("builds", "1.0"), BUILD_OUTPUT_RULES);
        Files.writeString(Files.createDirectories(plugin.resolve("src")).resolve("module.py"), "X = 1\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--in-place");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(plugin.resolve("build/module.py")).as("the build step's output, in place").hasContent("X = 1");
        assertThat(plugin.resolve("build/BUILT")).hasContent("built from \"1.0\"");
        assertThat(shippedIn(Path.of(run.out().strip()))).containsExactly("BUILT", "module.py");
    }

    @Test
    void aCheckoutMadeUnderUmask077GivesTheSamePackageAsOneMadeUnderUmask022() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        String rules = """
                #!/bin/sh
                set -e
                case "$1" in
                    build)
                        ;;
                    package)
                        mkdir -p "$pkgdir/usr/share/itest-modes"
                        cp -R src/. "$pkgdir/usr/share/itest-modes/"
                        stat -c '%A %n' src/lib src/data.txt src/tool.sh \
                            > "$pkgdir/usr/share/itest-modes/modes-seen-by-the-steps"
                        ;;
                esac
                """;
        Path open = checkout(work.resolve("open"), rules, "rw-r--r--", "rwxr-xr-x");
        Path closed = checkout(work.resolve("closed"), rules, "rw-------", "rwx------");
        assertThat(Files.getPosixFilePermissions(closed.resolve("wazo/rules")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        CliRun fromOpen = CliRun.wazoDeb(work, EPOCH, "package", open.toString(), "-o", "out-open");
        CliRun fromClosed = CliRun.wazoDeb(work, EPOCH, "package", closed.toString(), "-o", "out-closed");

        assertThat(fromOpen.exitCode()).as(fromOpen.toString()).isZero();
        assertThat(fromClosed.exitCode()).as(fromClosed.toString()).isZero();
        assertThat(Files.readAllBytes(Path.of(fromClosed.out().strip())))
                .as("the package from the 0600/0700 checkout")
                .isEqualTo(Files.readAllBytes(Path.of(fromOpen.out().strip())));
        assertThat(DpkgDeb.contents(Path.of(fromClosed.out().strip())).lines())
                .anyMatch(line -> line.startsWith("-rw-r--r-- ") && line.endsWith("/itest-modes/data.txt"))
                .anyMatch(line -> line.startsWith("-rwxr-xr-x ") && line.endsWith("/itest-modes/tool.sh"))
                .anyMatch(line -> line.startsWith("drwxr-xr-x ") && line.endsWith("/itest-modes/lib/"))
                .anyMatch(line -> line.startsWith("-rwxr-xr-x ") && line.endsWith("/modes/wazo/rules"));
        Path extracted = work.resolve("extracted");
        DpkgDeb.extract(Path.of(fromClosed.out().strip()), extracted);
        assertThat(extracted.resolve("usr/share/itest-modes/modes-seen-by-the-steps"))
                .as("the working copy the steps saw").hasContent("""
                        drwxr-xr-x src/lib
                        -rw-r--r-- src/data.txt
                        -rwxr-xr-x src/tool.sh""");
    }

    @Test
    void aFifoAndASocketInThePluginDirectoryAreLeftOutWithAWarning() throws Exception {
        Requirements.assumeAvailable(Requirement.MKFIFO, Requirement.PYTHON3, Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("specials", "1.0"), """
                #!/bin/sh
                set -e
                if [ "$1" = package ]; then
                    mkdir -p "$pkgdir/usr/share/itest-specials"
                    cp -R . "$pkgdir/usr/share/itest-specials/"
                fi
                """);
        Files.writeString(plugin.resolve("README"), "a plugin with odd neighbours\n");
        Path run = Files.createDirectories(plugin.resolve("run"));
        Commands.stdoutOf("mkfifo", run.resolve("control.fifo").toString());
        Commands.stdoutOf("python3", "-c",
                "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])",
                run.resolve("agent.sock").toString());
        TreeState before = TreeState.of(plugin);

        CliRun build = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.err().lines())
                .anyMatch(line -> line.startsWith("wazo-deb: warning: ") && line.contains("control.fifo")
                        && line.contains("left out"))
                .anyMatch(line -> line.startsWith("wazo-deb: warning: ") && line.contains("agent.sock")
                        && line.contains("left out"));
        assertThat(shippedNames(Path.of(build.out().strip()), "./usr/share/itest-specials/"))
                .contains("README", "run/", "wazo/rules")
                .noneMatch(name -> name.contains("control.fifo") || name.contains("agent.sock"));
        assertThat(TreeState.of(plugin)).isEqualTo(before);
    }

    /** Writes a plugin checkout whose files have mode {@code file} and directories (and rules) {@code dir}. */
    private static Path checkout(Path directory, String rules, String file, String dir) throws IOException {
        Path plugin = PluginDirectory.write(directory, PluginDirs.pluginYml("modes", "1.0"), rules);
        Path lib = Files.createDirectories(plugin.resolve("src/lib"));
        Files.writeString(plugin.resolve("src/data.txt"), "data\n");
        Files.writeString(plugin.resolve("src/tool.sh"), "#!/bin/sh\necho tool\n");
        Files.writeString(lib.resolve("helper.py"), "HELP = 1\n");
        try (Stream<Path> all = Files.walk(plugin)) {
            for (Path path : all.toList()) {
                boolean executable = Files.isDirectory(path) || path.endsWith("tool.sh") || path.endsWith("rules");
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? dir : file));
            }
        }
        return plugin;
    }

    private static List<String> shippedIn(Path deb) {
        return shippedNames(deb, SHIPPED);
    }

    /** The payload entries under {@code prefix}, relative to it, in the package's order. */
    private static List<String> shippedNames(Path deb, String prefix) {
        return DpkgDeb.contents(deb).lines()
                .map(line -> line.substring(line.indexOf(" ./") + 1))
                .filter(path -> path.startsWith(prefix) && path.length() > prefix.length())
                .map(path -> path.substring(prefix.length()))
                .toList();
    }
}
