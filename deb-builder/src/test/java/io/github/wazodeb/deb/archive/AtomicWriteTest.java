package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves no package and no temporary file behind. */
class AtomicWriteTest {

    @TempDir
    Path temp;

    Path staging;
    Path work;
    Path out;
    DebArchiveWriter writer = new DebArchiveWriter(Compression.GZIP, 6, Fixtures.TIMESTAMP);

    @BeforeEach
    void setUp() throws IOException {
        staging = Fixtures.richTree(temp.resolve("staging"));
        work = Files.createDirectories(temp.resolve("work"));
        out = Files.createDirectories(temp.resolve("out"));
    }

    @Test
    void aPayloadFileThatVanishesFailsWriteDataAndLeavesNoTemporaryFile() throws IOException {
        PayloadTree tree = PayloadTree.scan(staging);
        Files.delete(staging.resolve("usr/bin/tool"));

        assertThatThrownBy(() -> writer.writeData(tree, work)).isInstanceOf(NoSuchFileException.class);
        assertThat(list(work)).isEmpty();
    }

    @Test
    void aPayloadFileThatGrewFailsWriteDataNamingItAndLeavesNoTemporaryFile() throws IOException {
        PayloadTree tree = PayloadTree.scan(staging);
        Files.writeString(staging.resolve("usr/bin/tool"), "more\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> writer.writeData(tree, work)).isInstanceOf(IOException.class)
                .hasMessageContaining("./usr/bin/tool").hasMessageContaining("grew");
        assertThat(list(work)).isEmpty();
    }

    @Test
    void aMissingDataFileFailsWriteDebAndLeavesNothingInTheTargetDirectory() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging), work);
        Files.delete(data.file());

        assertThatThrownBy(() -> writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(list(out)).isEmpty();
    }

    @Test
    void aTargetThatCannotBeReplacedFailsWriteDebAndLeavesOnlyWhatWasThere() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging), work);
        Path target = Files.createDirectories(out.resolve("x.deb"));
        Files.writeString(target.resolve("keep"), "occupied");

        assertThatThrownBy(() -> writer.writeDeb(List.of(Fixtures.control("x", 1)), data, target))
                .isInstanceOf(IOException.class);
        assertThat(list(out)).containsExactly(target);
    }

    @Test
    void aSuccessfulWriteReplacesAnOlderPackageAndLeavesOnlyIt() throws IOException {
        Path target = out.resolve("x.deb");
        Files.writeString(target, "old");
        DataMember data = writer.writeData(PayloadTree.scan(staging), work);

        writer.writeDeb(List.of(Fixtures.control("x", 1)), data, target);

        assertThat(list(out)).containsExactly(target);
        assertThat(Files.readAllBytes(target)).startsWith("!<arch>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Files.getPosixFilePermissions(target)).hasSize(4);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
