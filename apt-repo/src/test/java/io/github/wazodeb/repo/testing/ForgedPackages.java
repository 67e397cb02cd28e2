package io.github.wazodeb.repo.testing;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Packages an uploader could hand a repository, built with the real {@code dpkg-deb --build}: a control file
 * of the test's choosing (dpkg-deb builds one carrying {@code Filename:} or {@code SHA256:} without a word),
 * and files that are no package at all.
 */
public final class ForgedPackages {

    private ForgedPackages() {
    }

    /** A package whose control file is {@code control}, holding one file, written as {@code directory/fileName}. */
    public static Path withControl(Path directory, String fileName, String control) {
        return build(directory, fileName, control, false);
    }

    /**
     * As {@link #withControl}, built with {@code dpkg-deb --nocheck}: a control file dpkg itself would refuse
     * (what any other archiver could write as well).
     */
    public static Path withUncheckedControl(Path directory, String fileName, String control) {
        return build(directory, fileName, control, true);
    }

    private static Path build(Path directory, String fileName, String control, boolean unchecked) {
        try {
            Path tree = Files.createTempDirectory("wazodeb-forged");
            Files.createDirectories(tree.resolve("DEBIAN"));
            Files.writeString(tree.resolve("DEBIAN/control"), control, StandardCharsets.UTF_8);
            Files.createDirectories(tree.resolve("usr/share/forged"));
            Files.writeString(tree.resolve("usr/share/forged/README"), "forged\n");
            Files.createDirectories(directory);
            Path deb = directory.toAbsolutePath().resolve(fileName);
            if (unchecked) {
                CommandResult built = Commands.run(List.of("dpkg-deb", "--root-owner-group", "--nocheck", "--build",
                        tree.toString(), deb.toString()));
                if (!built.succeeded()) {
                    throw new IllegalStateException(built.describe());
                }
            } else {
                DpkgDeb.build(tree, deb);
            }
            return deb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A control file for {@code name} 1.0 that points the index at {@code /etc/passwd} with a hash it chose. */
    public static String pointingAtPasswd(String name) {
        return "Package: " + name + "\nVersion: 1.0\nArchitecture: all\nMaintainer: Mallory <m@example.org>\n"
                + "Description: innocent\nFilename: ../../etc/passwd\n"
                + "SHA256: 0000000000000000000000000000000000000000000000000000000000000000\n";
    }

    /** A file named {@code .deb} holding bytes no archive reader can make sense of. */
    public static Path garbage(Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
            byte[] bytes = new byte[512];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + 7);
            }
            return Files.write(directory.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes of {@code deb}, as an interrupted copy leaves it, as {@code directory/fileName}. */
    public static Path truncated(Path deb, int keep, Path directory, String fileName) {
        try {
            byte[] bytes = Files.readAllBytes(deb);
            Files.createDirectories(directory);
            return Files.write(directory.resolve(fileName), Arrays.copyOf(bytes, Math.min(keep, bytes.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
