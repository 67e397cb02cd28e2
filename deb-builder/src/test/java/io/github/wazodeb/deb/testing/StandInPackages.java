package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Do-nothing Debian packages that stand in for a real one (a Debian package a plugin depends on, or
 * another plugin's package) so a dependency can be satisfied in a {@link DpkgSandbox}. Built by the real
 * {@code dpkg-deb}, so they prove nothing about our own writer.
 */
public final class StandInPackages {

    private StandInPackages() {
    }

    /**
     * Builds {@code <name>_<version>_all.deb} in {@code outputDirectory}: a control file and nothing else.
     *
     * @return the package file
     */
    public static Path build(Path outputDirectory, String name, String version) {
        Path deb = outputDirectory.toAbsolutePath().resolve(name + "_" + version.replace(':', '%') + "_all.deb");
        Path tree = null;
        try {
            Files.createDirectories(outputDirectory);
            tree = Files.createTempDirectory("wazodeb-stand-in");
            Path control = Files.createDirectories(tree.resolve("DEBIAN")).resolve("control");
            Files.writeString(control, String.join("\n",
                    "Package: " + name,
                    "Version: " + version,
                    "Architecture: all",
                    "Maintainer: wazo-deb tests <tests@wazodeb.invalid>",
                    "Description: stand-in for " + name,
                    " A package with no files, standing in for the real " + name + " in tests.",
                    ""), StandardCharsets.UTF_8);
            DpkgDeb.build(tree, deb);
            return deb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tree != null) {
                FileTrees.delete(tree);
            }
        }
    }
}
