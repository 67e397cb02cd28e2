package io.github.wazodeb.cli;

import io.github.wazodeb.deb.testing.PluginDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** Writes small plugin directories for the tests. */
final class PluginDirs {

    private PluginDirs() {
    }

    /** Writes a plugin directory named {@code plugin} under {@code parent}: the two texts, rules executable. */
    static Path plugin(Path parent, String pluginYml, String rules) {
        return PluginDirectory.write(parent.resolve("plugin"), pluginYml, rules);
    }

    /**
     * Opens a tree that root wrote to everyone for reading (directories and executables 0755, the rest 0644): an
     * ordinary user's build copies it, and never writes there.
     */
    static void makeReadableByAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                boolean executable = Files.isDirectory(file) || Files.isExecutable(file);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
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
