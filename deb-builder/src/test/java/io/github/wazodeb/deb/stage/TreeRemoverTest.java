package io.github.wazodeb.deb.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRemoverTest {

    @TempDir
    Path temp;

    @Test
    void removesATreeWhoseDirectoriesHaveModeZero() throws IOException {
        Path root = Files.createDirectories(temp.resolve("staging/payload/usr/share/locked/inner"));
        Files.writeString(root.resolve("file"), "x");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("---------"));

        TreeRemover.remove(temp.resolve("staging"));

        assertThat(temp.resolve("staging")).doesNotExist();
    }

    @Test
    void removesReadOnlyDirectoriesAndKeepsWhatLinksPointTo() throws IOException {
        Path outside = Files.writeString(temp.resolve("outside"), "keep");
        Path dir = Files.createDirectories(temp.resolve("staging/ro"));
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));

        TreeRemover.remove(temp.resolve("staging"));

        assertThat(temp.resolve("staging")).doesNotExist();
        assertThat(outside).hasContent("keep");
    }

    @Test
    void removesATreeWhosePathsPassTheKernelsLimit() throws IOException {
        // 30 levels of 200-byte names, 6,000 bytes: made relative to the shell's working directory, ten
        // levels at a time, so that no path the shell hands the kernel passes the limit.
        Commands.shell("cd \"$1\" && p=$(printf \"$(printf 'n%.0s' $(seq 200))/%.0s\" $(seq 10)) && "
                + "for i in 1 2 3; do mkdir -p \"$p\" && touch \"$p/file\" && cd -P \"$p\" || exit 1; done && "
                + "chmod 0555 .", Files.createDirectories(temp.resolve("staging")).toString());

        TreeRemover.remove(temp.resolve("staging"));

        assertThat(temp.resolve("staging")).doesNotExist();
    }

    @Test
    void removesEverySiblingAboveAndBelowTheDirectoriesItClosesOnTheWayDown() throws IOException {
        Path level = temp.resolve("staging");
        for (int depth = 0; depth < TreeRemover.OPEN_LEVELS * 3; depth++) {
            Files.createDirectories(level.resolve("before"));
            Files.writeString(level.resolve("file"), "x");
            Files.createDirectories(level.resolve("zafter/inner"));
            level = level.resolve("m");
        }
        Files.createDirectories(level);
        Path sealed = Files.createDirectories(level.getParent().resolveSibling("sealed"));
        Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("---------"));

        TreeRemover.remove(temp.resolve("staging"));

        assertThat(temp.resolve("staging")).doesNotExist();
    }
}
