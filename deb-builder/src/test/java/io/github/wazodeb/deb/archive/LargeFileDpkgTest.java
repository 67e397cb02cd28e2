package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file over 8 GiB, which a tar octal size field cannot hold, goes through dpkg-deb intact. Slow. */
@Tag("large")
class LargeFileDpkgTest {

    private static final long SIZE = (8L << 30) + 4097;

    @TempDir
    Path temp;

    @Test
    void aFileOverEightGibibytesKeepsItsSizeAndContent() throws IOException {
        Tools.require("dpkg-deb");
        Tools.require("tar");
        Tools.require("md5sum");
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

        DataMember data = Fixtures.writeDeb(staging, Compression.ZSTD, 1, Fixtures.TIMESTAMP, temp, deb);

        String expectedMd5 = Tools.ok("md5sum", big.toString()).substring(0, 32);
        assertThat(data.md5sums()).containsExactly(new FileDigest("big", expectedMd5));
        assertThat(Tools.ok("dpkg-deb", "--contents", deb.toString()))
                .containsPattern("(?m)^-rw-r--r-- root/root +" + SIZE + " \\S+ \\S+ \\./big$");
        assertThat(Tools.shell("dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - ./big | md5sum", deb.toString()))
                .startsWith(expectedMd5 + " ");
        assertThat(sizeFieldOfSecondHeader(deb)).as("base-256 marker of the size field").isEqualTo(0x80);
    }

    /** The first byte of the size field of the tar header after "./", i.e. the big file's. */
    private static int sizeFieldOfSecondHeader(Path deb) throws IOException {
        Process process = new ProcessBuilder("dpkg-deb", "--fsys-tarfile", deb.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = process.getInputStream()) {
            byte[] headers = in.readNBytes(1024);
            assertThat(RawTar.headers(headers)).extracting(RawTar.Header::name).startsWith("./", "./big");
            assertThat(RawTar.number(headers, 512 + 124, 12)).isEqualTo(SIZE);
            return headers[512 + 124] & 0xff;
        } finally {
            process.destroy();
        }
    }
}
