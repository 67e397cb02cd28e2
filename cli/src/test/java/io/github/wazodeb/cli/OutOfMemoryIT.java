package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap ends with one sentence that says how to give the JVM more, exit status 1, and nothing
 * left (SPEC section 2).
 */
class OutOfMemoryIT {

    /** The heap the runs get. */
    static final String SMALL_HEAP = "-Xmx16m";

    @TempDir
    Path work;

    @Test
    void aPayloadTooBigForTheHeapEndsInOneLineThatSaysHowToGiveJavaMoreAndLeavesNothing() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path plugin = wideNamesPlugin(work);
        Path temp = work.resolve("tmp");
        Path out = work.resolve("out");

        CliRun run = CliRun.wazoDebThrough(List.of(), List.of(SMALL_HEAP), work, Map.of(), "package", "-q",
                plugin.toString(), "-o", out.toString(), "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertOneMemoryLine(run, "java -Xmx256m -jar wazo-deb.jar");
        TreeState.assertNothingLeft(out, temp);
        assertThat(TreeState.namesIn(temp)).isEmpty();
    }

    @Test
    void theInstalledCommandIsToldToSetWazoDebJavaOptions() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path plugin = wideNamesPlugin(work);
        // The archive's layout: bin/wazo-deb beside lib/wazo-deb.jar, the jar the launcher runs.
        Path installed = work.resolve("wazo-deb-1.0");
        Files.writeString(Files.createDirectories(installed.resolve("bin")).resolve("wazo-deb"), "#!/bin/sh\n");
        Path jar = Files.copy(CliRun.jar(), Files.createDirectories(installed.resolve("lib")).resolve("wazo-deb.jar"));
        Path temp = work.resolve("tmp");
        Path out = work.resolve("out");

        // In place of the test's own java -jar: the same java, the installed jar, the small heap.
        CliRun run = CliRun.wazoDebThrough(List.of("sh", "-c", "java=$1; shift 3; exec \"$java\" " + SMALL_HEAP
                + " -jar '" + jar + "' \"$@\"", "sh"), List.of(), work, Map.of(), "package", "-q", plugin.toString(),
                "-o", out.toString(), "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertOneMemoryLine(run, "WAZO_DEB_JAVA_OPTIONS=-Xmx256m wazo-deb");
        TreeState.assertNothingLeft(out, temp);
    }

    /** With {@code -q}: one line from wazo-deb, the advice; no stack trace, no Java class name. */
    static void assertOneMemoryLine(CliRun run, String advice) {
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: ")))
                .as(run.toString()).singleElement().asString()
                .startsWith("wazo-deb: ran out of memory (the JVM may use at most ")
                .endsWith("give the JVM more with " + advice + " ...");
        assertThat(run.err()).as(run.toString()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        UserMessages.assertPlain(run.err());
    }

    /**
     * A plugin whose payload has one folder of 150,000 names of 240 bytes (links, the cheapest entries to
     * make): 36 MB of names, more than twice the heap, and names of one folder are sorted together, so no
     * way of reading them fits.
     */
    static Path wideNamesPlugin(Path parent) {
        return PluginDirs.plugin(parent, PluginDirs.pluginYml("wide", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/share/wide\" && cd \"$pkgdir/usr/share/wide\" && python3 -c '"
                        + "import os\nfor i in range(150000):\n    os.symlink(\"t\", \"%0240d\" % i)'"));
    }
}
