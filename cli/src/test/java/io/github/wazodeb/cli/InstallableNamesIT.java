package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The longest name a package may hold is the longest dpkg installs (SPEC section 2): 246 bytes, since dpkg
 * unpacks NAME.dpkg-new first and 255 bytes is the file system's limit. PayloadRefusalIT refuses 247.
 */
@ExtendWith(DpkgSandboxExtension.class)
class InstallableNamesIT {

    @TempDir
    Path work;

    @Test
    void aNameOf246BytesIsPackagedAndInstalls(DpkgSandbox sandbox) throws Exception {
        String name = "n".repeat(243) + ".py";
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("longname", "1.0"), PluginDirs.rulesWhere(
                "package", """
                        mkdir -p "$pkgdir/usr/share/longname"
                        echo data > "$pkgdir/usr/share/longname/%s"
                        """.formatted(name)));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        CommandResult install = sandbox.install(work.resolve("out/wazo-plugind-longname-itest_1.0_all.deb"));
        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(Files.readString(sandbox.path("/usr/share/longname/" + name))).isEqualTo("data\n");
    }
}
