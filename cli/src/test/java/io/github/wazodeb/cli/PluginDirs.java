package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small plugin directories for the tests. */
final class PluginDirs {

    private PluginDirs() {
    }

    static Path plugin(Path parent, String pluginYml, String rules) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("plugin"));
        Path wazo = Files.createDirectories(dir.resolve("wazo"));
        Files.writeString(wazo.resolve("plugin.yml"), pluginYml, StandardCharsets.UTF_8);
        Path rulesFile = wazo.resolve("rules");
        Files.writeString(rulesFile, rules, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rulesFile, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static String pluginYml(String name, String version) {
        return "name: " + name + "\nnamespace: itest\nversion: \"" + version + "\"\n"
                + "description: An integration-test plugin\n";
    }

    /** Rules whose package step installs one file with explicit modes, as real plugins do. */
    static String packagingRules() {
        return """
                #!/bin/sh
                set -e
                case "$1" in
                    build)
                        echo "building the plugin"
                        ;;
                    package)
                        install -d -m 0755 "${pkgdir}/usr/share/itest"
                        install -m 0644 wazo/plugin.yml "${pkgdir}/usr/share/itest/plugin.yml"
                        echo "packaged into ${pkgdir}"
                        ;;
                    install|uninstall|postrm)
                        ;;
                    *)
                        echo "unknown step $1" >&2
                        exit 1
                        ;;
                esac
                """;
    }

    /** Rules whose given step runs {@code action} (shell text); every other step succeeds. */
    static String rulesWhere(String step, String action) {
        return "#!/bin/sh\ncase \"$1\" in\n    " + step + ")\n        " + action + "\n        ;;\nesac\nexit 0\n";
    }
}
