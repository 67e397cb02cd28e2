package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code Architecture: all} package that ships compiled code works only where it was built: say so. */
class ElfBinaryWarningIT {

    @TempDir
    Path work;

    @Test
    void anElfBinaryInThePayloadIsNamedInAWarningAndTheBuildSucceeds() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("native", "1.0"), PluginDirs.rulesWhere("package",
                "mkdir -p \"$pkgdir/usr/lib/native\" && cp /bin/true \"$pkgdir/usr/lib/native/helper\""
                        + " && printf '#!/bin/sh\\n' > \"$pkgdir/usr/lib/native/script\""));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("wazo-deb: warning: payload entry \"usr/lib/native/helper\" is an ELF binary, "
                + "but the package is Architecture: all");
        assertThat(run.err()).doesNotContain("usr/lib/native/script");
    }

    @Test
    void aPayloadWithoutCompiledFilesGetsNoSuchWarning() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("scripts", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("ELF");
    }
}
