package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file over 8 GiB, which a tar octal size field cannot hold, goes through dpkg-deb intact. Slow. */
@Tag("large")
class LargeFileDpkgTest {

    private static final long SIZE = (8L << 30) + 4097;

    /** Reading the whole 8 GiB takes tens of seconds here; this only bounds a hang, it times nothing. */
    private static final Duration READ_ALL = Duration.ofMinutes(10);

    @TempDir
    Path temp;

    @Test
    void aFileOverEightGibibytesKeepsItsSizeAndContent() throws IOException {
        Requirements.assumeAvailable(Requirement.DPKG_DEB, Requirement.TAR, Requirement.MD5SUM);
        long free = Files.getFileStore(temp).getUsableSpace();
        Assumptions.assumeTrue(free >= 10L << 30, "needs 10 GiB free in the temp filesystem, has " + (free >> 20) + " MiB");
        Path staging = Files.createDirectories(temp.resolve("staging"));
        Path big = staging.resolve("big");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            // Sparse: only these bytes take space; the rest reads as zeros.
            file.setLength(SIZE);
            file.write(new byte[] {1, 2, 3});
            file.seek(4L << 30);
            file.write(new byte[] {4, 5, 6});
            file.seek(SIZE - 1);
            file.write(7);
        }
        Path deb = temp.resolve("big.deb");

        DataMember data = Fixtures.writeDeb(staging, Compression.ZSTD, 1, Fixtures.TIMESTAMP, deb);

        String expectedMd5 = Commands.stdoutOf(READ_ALL, List.of("md5sum", big.toString())).substring(0, 32);
        assertThat(new String(data.md5sumsFile(), StandardCharsets.UTF_8)).isEqualTo(expectedMd5 + "  big\n");
        assertThat(Commands.stdoutOf(READ_ALL, List.of("dpkg-deb", "--contents", deb.toString())))
                .containsPattern("(?m)^-rw-r--r-- root/root +" + SIZE + " \\S+ \\S+ \\./big$");
        assertThat(Commands.shell(READ_ALL, "dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - ./big | md5sum", deb.toString()))
                .startsWith(expectedMd5 + " ");
        assertThat(sizeFieldOfSecondHeader(deb)).as("base-256 marker of the size field").isEqualTo(0x80);
    }

    /** The first byte of the size field of the tar header after "./", i.e. the big file's. */
    private static int sizeFieldOfSecondHeader(Path deb) throws IOException {
        byte[] headers = Commands.headOfStdout(List.of("dpkg-deb", "--fsys-tarfile", deb.toString()), 1024,
                Commands.DEFAULT_TIMEOUT);
        assertThat(RawTar.headers(headers)).extracting(RawTar.Header::name).startsWith("./", "./big");
        assertThat(RawTar.number(headers, 512 + 124, 12)).isEqualTo(SIZE);
        return headers[512 + 124] & 0xff;
    }
}
