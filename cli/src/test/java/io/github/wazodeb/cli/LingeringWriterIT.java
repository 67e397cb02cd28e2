package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One truth for the payload (SPEC section 2), through the CLI: a process the {@code package} step starts with
 * {@code setsid} (outside the step's process group) keeps rewriting a file while wazo-deb reads the
 * payload. Each build either fails with one line naming what changed and leaves nothing, or writes a package
 * whose md5sums match its data and whose plugin.yml is the one validated, as dpkg itself checks once the
 * package is installed; never a package that describes other bytes. Where the steps run in a PID namespace
 * the writer dies with the step, and every build succeeds: deb-builder's OneTruthTest holds the passes to
 * each other without a lingering process.
 */
@ExtendWith(DpkgSandboxExtension.class)
class LingeringWriterIT {

    private static final int ROUNDS = 4;
    private static final String PACKAGE = "wazo-plugind-truth-itest";
    private static final String PLUGIN_YML = PluginDirs.pluginYml("truth", "1.0");

    /**
     * Rewrites a file in place until told to stop, never creating one: {@code argv[1]} the file, {@code argv[2]}
     * the stop file, {@code argv[3]} the started file (made after the first write), {@code argv[4:]} the
     * contents to write in turn (each followed by a truncation to its length). Ends by itself when the file is
     * gone (the build removed its staging) or after two minutes.
     */
    private static final String WRITER = """
            import os, sys, time
            target, stop, started = sys.argv[1], sys.argv[2], sys.argv[3]
            contents = [open(f, "rb").read() for f in sys.argv[4:]]
            deadline = time.time() + 120
            i = 0
            while time.time() < deadline and not os.path.exists(stop):
                try:
                    fd = os.open(target, os.O_WRONLY)
                except FileNotFoundError:
                    break
                try:
                    os.pwrite(fd, contents[i % len(contents)], 0)
                    os.ftruncate(fd, len(contents[i % len(contents)]))
                finally:
                    os.close(fd)
                if i == 0:
                    open(started, "w").close()
                i += 1
            """;

    /** Starts the writer outside the step's process group, and waits for its first write. */
    private static final String START_WRITER = """
            setsid python3 "$PWD/writer.py" "$TARGET" "$WRITER_STOP" "$WRITER_STARTED" %s </dev/null >/dev/null 2>&1 &
            echo $! > "$WRITER_PID"
            n=0
            while [ ! -e "$WRITER_STARTED" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done
            """;

    @TempDir
    Path work;

    private Path output;
    private Path temp;

    @BeforeEach
    void makeTheFolders() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        output = Files.createDirectory(work.resolve("out"));
        temp = Files.createDirectory(work.resolve("temp"));
    }

    @Test
    void aPayloadFileRewrittenAtTheSameSizeIsNeverShippedWithMd5sumsOfOtherBytes(DpkgSandbox sandbox)
            throws Exception {
        Path plugin = PluginDirs.plugin(work, PLUGIN_YML, PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/truth"
                cat "$PWD/all-a" > "$pkgdir/usr/share/truth/data.bin"
                TARGET="$pkgdir/usr/share/truth/data.bin"
                """ + START_WRITER.formatted("\"$PWD/all-a\" \"$PWD/all-b\"")));
        // Over the 4 MiB up to which a payload is read once (and md5sums and data.tar cannot disagree):
        // this one is read twice, the second pass held to the first.
        Files.write(plugin.resolve("all-a"), "a".repeat(20 << 20).getBytes(StandardCharsets.US_ASCII));
        Files.write(plugin.resolve("all-b"), "b".repeat(20 << 20).getBytes(StandardCharsets.US_ASCII));

        for (int round = 0; round < ROUNDS; round++) {
            Optional<Path> deb = buildWithAWriter(plugin, round, "payload entry \"usr/share/truth/data.bin\" "
                    + "changed while being packaged: a process the rules steps started is still writing it");
            if (deb.isPresent()) {
                assertInstallsAndVerifies(sandbox, deb.get());
                assertThat(sandbox.purge(PACKAGE).succeeded()).isTrue();
                Files.delete(deb.get());
            }
        }
    }

    @Test
    void aPluginYmlRewrittenInTheWorkingCopyIsNeverShippedForTheOneValidated(DpkgSandbox sandbox) throws Exception {
        Path plugin = PluginDirs.plugin(work, PLUGIN_YML, PluginDirs.rulesWhere("package", """
                mkdir -p "$pkgdir/usr/share/truth"
                echo data > "$pkgdir/usr/share/truth/data"
                TARGET="$PWD/wazo/plugin.yml"
                """ + START_WRITER.formatted("\"$PWD/evil.yml\"")));
        Files.writeString(plugin.resolve("evil.yml"), "name: evil\nnamespace: itest\nversion: \"6.43\"\n");

        for (int round = 0; round < ROUNDS; round++) {
            Optional<Path> deb = buildWithAWriter(plugin, round, "wazo/plugin.yml changed while being packaged");
            if (deb.isPresent()) {
                assertInstallsAndVerifies(sandbox, deb.get());
                assertThat(Files.readString(sandbox.path("/usr/lib/wazo-plugind/plugins/itest/truth/wazo/plugin.yml")))
                        .isEqualTo(PLUGIN_YML);
                assertThat(sandbox.purge(PACKAGE).succeeded()).isTrue();
                Files.delete(deb.get());
            }
        }
    }

    /**
     * Builds {@code plugin} while its step's writer runs, then stops the writer: the package, or empty when
     * the build was refused with one line holding {@code refusal} and left nothing.
     */
    private Optional<Path> buildWithAWriter(Path plugin, int round, String refusal) throws Exception {
        Files.writeString(plugin.resolve("writer.py"), WRITER);
        Path marks = Files.createDirectory(work.resolve("round" + round));
        Path pidFile = marks.resolve("pid");
        CliRun run;
        try {
            run = CliRun.wazoDeb(work, Map.of("WRITER_PID", pidFile.toString(),
                    "WRITER_STOP", marks.resolve("stop").toString(),
                    "WRITER_STARTED", marks.resolve("started").toString()),
                    "package", plugin.toString(), "-o", output.toString(), "--temp-dir", temp.toString(), "-q");
        } finally {
            stopWriter(marks, pidFile);
        }
        assertThat(marks.resolve("started")).as("the writer wrote before the build read the payload").exists();
        if (run.exitCode() == 0) {
            List<Path> debs = Leftovers.packages(output);
            assertThat(debs).as(run.toString()).hasSize(1);
            return Optional.of(debs.get(0));
        }
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: ") && line.contains(refusal)))
                .as(run.toString()).hasSize(1);
        UserMessages.assertPlain(run.err());
        TreeState.assertNothingLeft(output, temp);
        return Optional.empty();
    }

    private void assertInstallsAndVerifies(DpkgSandbox sandbox, Path deb) {
        CommandResult install = sandbox.install(deb);
        assertThat(install.succeeded()).as(install.describe()).isTrue();
        CommandResult verify = sandbox.dpkg(List.of("--verify", PACKAGE));
        assertThat(verify.succeeded()).as(verify.describe()).isTrue();
        assertThat(verify.output()).as("what dpkg --verify finds amiss").isEmpty();
    }

    /** Tells the writer to stop and waits for it; kills it if it does not. */
    private static void stopWriter(Path marks, Path pidFile) throws Exception {
        Files.writeString(marks.resolve("stop"), "");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> writer = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        if (writer.isPresent()) {
            try {
                writer.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                writer.get().destroyForcibly();
            }
        }
    }
}
