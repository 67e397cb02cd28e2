package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a fixture plugin's package the slow, obvious way: the rules steps run by hand, maintainer scripts
 * written to the contract (SPEC section 3) as plain shell, and the real {@code dpkg-deb --build}. It proves
 * the harness against packages that do not come from our own builder, and is a reference to compare
 * our builder's packages with.
 */
public final class HandMadePluginPackage {

    private HandMadePluginPackage() {
    }

    /**
     * Writes {@code fixture} into a temporary directory, builds it and leaves
     * {@code wazo-plugind-<name>-<namespace>_<version>_all.deb} in {@code outputDirectory}.
     */
    public static Path build(PluginFixture fixture, Path outputDirectory) {
        Path work = null;
        try {
            work = Files.createTempDirectory("wazodeb-hand-made");
            Path plugin = fixture.writeTo(work.resolve("plugin"));
            Path tree = Files.createDirectories(work.resolve("tree"));
            runStep(plugin, "build", Map.of());
            runStep(plugin, "package", Map.of("pkgdir", tree.toString()));
            Path installedWazo = tree.resolve(fixture.installedRules().substring(1)).getParent();
            Files.createDirectories(installedWazo.getParent());
            check(Commands.run(List.of("cp", "-a", plugin.resolve("wazo").toString(), installedWazo.toString())));

            Path debian = Files.createDirectories(tree.resolve("DEBIAN"));
            Files.writeString(debian.resolve("control"), control(fixture), StandardCharsets.UTF_8);
            script(debian.resolve("postinst"), postinst(fixture));
            script(debian.resolve("prerm"), prerm(fixture));
            script(debian.resolve("postrm"), postrm(fixture));

            Files.createDirectories(outputDirectory);
            Path deb = outputDirectory.toAbsolutePath()
                    .resolve(fixture.packageName() + "_" + fixture.version() + "_all.deb");
            DpkgDeb.build(tree, deb);
            return deb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                FileTrees.delete(work);
            }
        }
    }

    private static void runStep(Path plugin, String step, Map<String, String> environment) {
        check(Commands.run(List.of("sh", "-c", "cd \"$0\" && exec ./wazo/rules \"$1\"", plugin.toString(), step),
                environment, Commands.DEFAULT_TIMEOUT));
    }

    private static void check(CommandResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("hand-made package: " + result.describe());
        }
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String control(PluginFixture fixture) {
        List<String> depends = new ArrayList<>(fixture.debianDepends());
        fixture.depends().forEach(dependency ->
                depends.add("wazo-plugind-" + dependency.name() + "-" + dependency.namespace()));
        List<String> lines = new ArrayList<>(List.of(
                "Package: " + fixture.packageName(),
                "Version: " + fixture.version(),
                "Architecture: all",
                "Maintainer: wazo-deb tests <tests@wazodeb.invalid>",
                "Section: wazo-plugind-plugin",
                "Priority: optional"));
        if (!depends.isEmpty()) {
            lines.add("Depends: " + String.join(", ", depends));
        }
        lines.add("Description: hand-made package of " + fixture.namespace() + "/" + fixture.name());
        lines.add(" The Wazo plugin " + fixture.namespace() + "/" + fixture.name() + ", packaged by hand for tests.");
        return String.join("\n", lines) + "\n";
    }

    private static String postinst(PluginFixture fixture) {
        return maintainerScript("postinst", """
                    configure)
                        "%s" install
                        ;;
                    abort-upgrade|abort-remove|abort-deconfigure)
                        ;;
                """.formatted(fixture.installedRules()));
    }

    private static String prerm(PluginFixture fixture) {
        return maintainerScript("prerm", """
                    remove)
                        mkdir -p "%s"
                        cp "%s" "%s"
                        "%s" uninstall
                        ;;
                    upgrade|deconfigure|failed-upgrade)
                        ;;
                """.formatted(backupDirectory(), fixture.installedRules(), backup(fixture), fixture.installedRules()));
    }

    private static String postrm(PluginFixture fixture) {
        String runBackup = fixture.format() >= 1
                ? "            \"%1$s\" postrm || echo \"warning: %1$s postrm failed with status $?\" >&2\n"
                : "";
        return maintainerScript("postrm", ("""
                    remove|purge)
                        if [ -e "%1$s" ]; then
                """ + runBackup + """
                            rm -f "%1$s"
                        fi
                        ;;
                    upgrade|failed-upgrade|abort-install|abort-upgrade)
                        ;;
                """).formatted(backup(fixture)));
    }

    private static String maintainerScript(String name, String branches) {
        return "#!/bin/sh\nset -e\ncase \"$1\" in\n" + branches + """
                    *)
                        echo "%s called with unknown argument '$1'" >&2
                        exit 1
                        ;;
                esac
                """.formatted(name);
    }

    private static String backupDirectory() {
        return "/var/lib/wazo-plugind/rules";
    }

    private static String backup(PluginFixture fixture) {
        return backupDirectory() + "/rules." + fixture.name() + "." + fixture.namespace();
    }
}
