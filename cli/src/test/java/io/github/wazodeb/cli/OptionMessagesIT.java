package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.FileTrees;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options are checked before anything runs (exit status 2, one line naming the option, no step started,
 * nothing created), and no message shows a file name's control characters raw or a Java class name.
 */
class OptionMessagesIT {

    private static final char ESC = '\u001b';

    @TempDir
    Path work;

    @Test
    void anOutputThatIsAFileIsRefusedBeforeTheStepsRun() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = pluginMarking(marker);
        Path file = Files.writeString(work.resolve("out.txt"), "not a folder\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: ")))
                .as(run.toString()).singleElement().asString()
                .contains("is not a directory").contains("-o/--output");
        UserMessages.assertPlain(run.err());
        assertThat(marker).as("the build step's marker").doesNotExist();
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aTemporaryDirectoryInsideThePluginDirectoryIsRefusedAndNotCreated() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = pluginMarking(marker);
        TreeState before = TreeState.of(plugin);
        Path inside = plugin.resolve("scratch/staging");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "--temp-dir",
                inside.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("is inside the plugin directory").contains("(--temp-dir)");
        UserMessages.assertPlain(run.err());
        assertThat(plugin.resolve("scratch")).doesNotExist();
        assertThat(TreeState.of(plugin)).isEqualTo(before);
        assertThat(marker).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFolderTheUserCannotWriteIsRefusedBeforeTheStepsRun() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV);
        // @TempDir is private to root: an ordinary user needs a folder of its own to read the plugin from.
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "wazo-deb-options");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path marker = shared.resolve("build-step-ran");
            Path plugin = pluginMarking(shared, marker);
            try (Stream<Path> files = Files.walk(plugin)) {
                for (Path file : files.toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                            Files.isDirectory(file) || file.endsWith("rules") ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Path rootsOnly = Files.createDirectory(shared.resolve("roots-only"));
            Files.setPosixFilePermissions(rootsOnly, PosixFilePermissions.fromString("rwxr-xr-x"));

            CliRun run = CliRun.wazoDebThrough(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                    List.of("-Djava.io.tmpdir=" + shared), shared, Map.of("HOME", shared.toString()),
                    "package", plugin.toString(), "-o", rootsOnly.resolve("debs").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("cannot be written to").contains("permission denied")
                    .contains("(-o/--output)");
            UserMessages.assertPlain(run.err());
            assertThat(marker).as("the build step's marker").doesNotExist();
            assertThat(TreeState.namesIn(rootsOnly)).isEmpty();
            assertThat(TreeState.namesIn(shared)).noneMatch(name -> name.startsWith("wazo-deb-"));
        } finally {
            FileTrees.delete(shared);
        }
    }

    @Test
    void aPayloadNameWithALineBreakIsShownEscaped() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("odd", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/odd\"; touch \"$pkgdir/usr/share/odd/bad$(printf '\\nname')\""));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString())
                .contains("wazo-deb: the file name of payload entry \"usr/share/odd/bad\\nname\" contains a line "
                        + "break, which dpkg's file lists cannot hold")
                .noneMatch(line -> line.startsWith("name"));
        UserMessages.assertPlain(run.err());
    }

    @Test
    void aPayloadNameWithAnEscapeIsShownEscaped() throws Exception {
        Requirements.assumeAvailable(Requirement.MKFIFO);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("odd", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/odd\"; mkfifo \"$pkgdir/usr/share/odd/red$(printf '\\033')[31m\""));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains("wazo-deb: payload entry \"usr/share/odd/red\\x1b[31m\" is a FIFO (named pipe)")
                .doesNotContain(String.valueOf(ESC));
        UserMessages.assertPlain(run.err());
    }

    @Test
    void aWorkingCopyWarningShowsAnEscapeEscaped() throws Exception {
        Requirements.assumeAvailable(Requirement.MKFIFO);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("odd", "1.0"), PluginDirs.packagingRules());
        Commands.stdoutOf("mkfifo", plugin.resolve("fifo" + ESC + "[2J").toString());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).contains("fifo\\x1b[2J").doesNotContain(String.valueOf(ESC));
        UserMessages.assertPlain(run.err());
    }

    @Test
    void inspectShowsAnEscapeInAPayloadNameEscaped() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path tree = Files.createDirectories(work.resolve("tree"));
        Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(tree.resolve("DEBIAN/control"), """
                Package: hand-made-odd
                Version: 1.0
                Architecture: all
                Maintainer: Tester <tester@example.org>
                Description: a package with an odd file name
                """, StandardCharsets.UTF_8);
        Path share = Files.createDirectories(tree.resolve("usr/share/odd"));
        Files.writeString(share.resolve("title" + ESC + "]0;pwned" + ESC + "\\"), "odd\n");
        Path deb = work.resolve("hand-made-odd_1.0_all.deb");
        DpkgDeb.build(tree, deb);
        assertThat(DpkgDeb.contents(deb)).as("dpkg-deb's own listing").contains("title\\033]0;pwned");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", deb.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("usr/share/odd/title\\x1b]0;pwned\\x1b\\")
                .doesNotContain(String.valueOf(ESC));
        UserMessages.assertPlain(run.out());
        UserMessages.assertPlain(run.err());
    }

    private Path pluginMarking(Path marker) {
        return pluginMarking(work, marker);
    }

    /** A plugin whose build step leaves {@code marker}: it exists only if the steps ran. */
    private static Path pluginMarking(Path parent, Path marker) {
        return PluginDirs.plugin(parent, PluginDirs.pluginYml("marking", "1.0"),
                PluginDirs.rulesWhere("build", "touch '" + marker + "'"));
    }
}
