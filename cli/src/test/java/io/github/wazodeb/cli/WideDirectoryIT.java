package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat in the number of files however they are laid out (SPEC section 2): 100,000 entries in
 * ONE directory package within a 64 MiB heap, as the same number spread over many directories does
 * (ManySmallFilesIT). A directory's entries are held as their names' bytes while it is walked.
 */
class WideDirectoryIT {

    private static final int FILES = 100_000;
    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** Writes the files, all in {@code <argv[1]>/usr/share/itest-wide}. */
    private static final String GENERATOR = """
            import os, sys
            root = os.path.join(sys.argv[1], "usr", "share", "itest-wide")
            os.makedirs(root)
            for f in range(%d):
                with open(os.path.join(root, "entry-%%06d.txt" %% f), "w") as out:
                    out.write("entry %%d\\n" %% f)
            """.formatted(FILES);

    @TempDir
    Path work;

    @Test
    void aHundredThousandEntriesInOneDirectoryPackageWithASixtyFourMebibyteHeap() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3, Requirement.DPKG_DEB);
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("wide", "1.0"),
                PluginDirs.rulesWhere("package", "python3 generate.py \"$pkgdir\""));
        Files.writeString(plugin.resolve("generate.py"), GENERATOR, StandardCharsets.UTF_8);

        // xz level 1 as in ManySmallFilesIT: level 6's encoder alone needs more than 64 MiB, whatever the payload.
        Path stderr = work.resolve("stderr");
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", CliRun.jar().toString(), "package", plugin.toString(), "-o", "out",
                "--temp-dir", work.toString(), "-q", "--compression", "xz", "--compression-level", "1")
                .directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        // Making and removing 100,000 files takes minutes on a loaded machine: more than CliRun allows.
        if (!build.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor();
            throw new AssertionError("the build did not finish within " + LIMIT);
        }

        assertThat(build.exitValue()).as(Files.readString(stderr)).isZero();
        List<String> listing = Commands.stdoutOf(LIMIT, List.of("dpkg-deb", "--contents",
                work.resolve("out/wazo-plugind-wide-itest_1.0_all.deb").toString())).lines().toList();
        assertThat(listing.stream().filter(line -> line.startsWith("-") && line.contains("./usr/share/itest-wide/")))
                .hasSize(FILES);
        assertThat(listing).anyMatch(line -> line.endsWith("./usr/share/itest-wide/entry-099999.txt"));
    }
}
