package io.github.wazodeb.deb.stage;

import static org.assertj.core.api.Assertions.assertThat;

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
}
