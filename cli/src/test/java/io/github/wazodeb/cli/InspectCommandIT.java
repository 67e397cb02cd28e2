package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb inspect}, run from the built jar on a package it built. */
class InspectCommandIT {

    @TempDir
    Path work;

    @Test
    void inspectShowsTheControlFieldsScriptsAndContents() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());
        CliRun built = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "package", plugin.toString(),
                "-o", "out", "--compression", "zstd");
        assertThat(built.exitCode()).as(built.toString()).isZero();

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", built.out().strip());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains(" Package: wazo-plugind-hello-itest")
                .contains(" Section: wazo-plugind-plugin")
                .contains("data.tar.zst")
                .contains(" postinst ")
                .containsPattern("-rwxr-xr-x root/root +\\d+ 2023-11-14 22:13 ./usr/lib/wazo-plugind/plugins/itest/hello/wazo/rules");
    }

    @Test
    void aFileThatIsNotAPackageIsInvalidInput() throws Exception {
        Path notADeb = Files.writeString(work.resolve("notes.deb"), "hello\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", notADeb.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("notes.deb").doesNotContain("\tat ");
    }
}
