package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setuid or setgid entry runs with root's rights once installed (every entry is root's in the package):
 * a reviewer must hear of each one, with its mode and owner (SPEC section 2).
 */
class SetIdWarningIT {

    @TempDir
    Path work;

    @Test
    void eachSetuidOrSetgidEntryIsNamedInAWarningWithItsModeAndOwner() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("privileged", "1.0"), PluginDirs.rulesWhere(
                "package", """
                        mkdir -p "$pkgdir/usr/bin" "$pkgdir/usr/share/privileged"
                        printf '#!/bin/sh\\necho hi\\n' > "$pkgdir/usr/bin/as-root"
                        printf '#!/bin/sh\\necho hi\\n' > "$pkgdir/usr/bin/as-group"
                        printf '#!/bin/sh\\necho hi\\n' > "$pkgdir/usr/bin/plain"
                        chmod 4755 "$pkgdir/usr/bin/as-root"
                        chmod 2755 "$pkgdir/usr/bin/as-group"
                        chmod 0755 "$pkgdir/usr/bin/plain"
                        """));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: warning: payload entry")))
                .as(run.toString()).containsExactly(
                        "wazo-deb: warning: payload entry \"usr/bin/as-group\" is setgid (mode 2755, owner root:root): "
                                + "installed, it runs as group root whoever starts it",
                        "wazo-deb: warning: payload entry \"usr/bin/as-root\" is setuid (mode 4755, owner root:root): "
                                + "installed, it runs as user root whoever starts it");
    }

    @Test
    void aPayloadWithoutSuchEntriesGetsNoSuchWarning() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("plain", "1.0"), PluginDirs.packagingRules());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("setuid").doesNotContain("setgid");
    }
}
