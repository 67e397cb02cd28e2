package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
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
    /** Reads every payload twice, as it does payloads over 4 MiB: this small one would be read once. */
    DebArchiveWriter writer = new DebArchiveWriter(Compression.GZIP, 6, Fixtures.TIMESTAMP, 0);

    @BeforeEach
    void setUp() throws IOException {
        staging = Fixtures.richTree(temp.resolve("staging"));
        work = Files.createDirectories(temp.resolve("work"));
        out = Files.createDirectories(temp.resolve("out"));
    }

    @Test
    void aPayloadThatCannotBePackagedFailsWriteDataMidwayAndWritesNothing() throws IOException {
        Requirements.assumeAvailable(Requirement.MKFIFO);
        // "zz" sorts last: the tar is well under way when the walk reaches it.
        Commands.stdoutOf("mkfifo", staging.resolve("zz-pipe").toString());

        assertThatThrownBy(() -> writer.writeData(PayloadTree.scan(staging)))
                .isInstanceOf(PayloadException.class).hasMessageContaining("zz-pipe");
        assertThat(list(work)).isEmpty();
    }

    @Test
    void aFileThatGrewWhileItWasReadFailsTheEntryNamingIt() throws IOException {
        byte[] buffer = new byte[16];
        // The failed entry is never closed, so neither is the archive: the build throws it away.
        GnuTarWriter tar = new GnuTarWriter(OutputStream.nullOutputStream(), Fixtures.TIMESTAMP);

        assertThatThrownBy(() -> tar.file("./usr/bin/tool", 0755, 3,
                new ByteArrayInputStream("more than 3".getBytes(StandardCharsets.UTF_8)), buffer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("./usr/bin/tool").hasMessageContaining("grew");
    }

    @Test
    void aFileThatShrankWhileItWasReadFailsTheEntryNamingIt() throws IOException {
        byte[] buffer = new byte[16];
        GnuTarWriter tar = new GnuTarWriter(OutputStream.nullOutputStream(), Fixtures.TIMESTAMP);

        assertThatThrownBy(() -> tar.file("./usr/bin/tool", 0755, 30,
                new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8)), buffer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("./usr/bin/tool").hasMessageContaining("shrank");
    }

    @Test
    void aPayloadFileRemovedAfterWriteDataFailsWriteDebAndLeavesNothingInTheTargetDirectory() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Files.delete(staging.resolve("usr/share/doc/pkg/empty"));

        assertThatThrownBy(() -> writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb")))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("payload entry \"usr/share/doc/pkg\" changed while being packaged");
        assertThat(list(out)).isEmpty();
    }

    @Test
    void aPayloadFileResizedAfterWriteDataFailsWriteDebAndLeavesNothingInTheTargetDirectory() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Files.writeString(staging.resolve("usr/share/doc/pkg/readme"), "another length than before, surely");

        assertThatThrownBy(() -> writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb")))
                .isInstanceOf(PayloadException.class)
                // The walk meets the file first under its other name.
                .hasMessageContaining("payload entry \"usr/lib/pkg/hard\" changed while being packaged");
        assertThat(list(out)).isEmpty();
    }

    @Test
    void aTargetThatCannotBeReplacedFailsWriteDebAndLeavesOnlyWhatWasThere() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
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
        DataMember data = writer.writeData(PayloadTree.scan(staging));

        writer.writeDeb(List.of(Fixtures.control("x", 1)), data, target);

        assertThat(list(out)).containsExactly(target);
        assertThat(Files.readAllBytes(target)).startsWith("!<arch>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Files.getPosixFilePermissions(target)).hasSize(4);
    }

    @Test
    void aPartialPackageLeftByAKilledBuildIsRemovedByTheNextWriteThere() throws IOException {
        // What a writer killed outright leaves: its hidden temporary file, no longer locked by anyone.
        Path abandoned = Files.writeString(out.resolve(".x.deb.1234567.tmp"), "half a package");
        DataMember data = writer.writeData(PayloadTree.scan(staging));

        writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb"));

        assertThat(abandoned).doesNotExist();
        assertThat(list(out)).containsExactly(out.resolve("x.deb"));
    }

    @Test
    void aPartialPackageThatAnotherProcessIsWritingIsLeftAlone() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path live = Files.writeString(out.resolve(".y.deb.7654321.tmp"), "being written");
        // Another build, alive: a process holding the POSIX lock Java's FileLock also takes.
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl,sys,time; f=open(sys.argv[1],'r+'); fcntl.lockf(f, fcntl.LOCK_EX); "
                        + "print('locked', flush=True); time.sleep(60)", live.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("locked");
            DataMember data = writer.writeData(PayloadTree.scan(staging));

            writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb"));

            assertThat(live).exists();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPartialPackageThatThisJvmIsWritingIsLeftAlone() throws IOException {
        Path live = Files.writeString(out.resolve(".z.deb.42.tmp"), "being written");
        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            DataMember data = writer.writeData(PayloadTree.scan(staging));

            writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb"));

            assertThat(live).exists();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
