package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the exact bytes written for one fixed tree, so that work on speed (buffers, streams, digests) can
 * be proved not to change a single byte. The digests were taken before that work began; xz's was renewed
 * once, on purpose, when its dictionary became sized to the chunk it compresses (a member smaller than
 * the level's 8 MiB window gets a dictionary of its own size, which the block header records).
 *
 * <p>xz (org.tukaani:xz) and zstd (zstd-jni's bundled libzstd) are pure functions of their library
 * version: a deliberate upgrade of either may change its digest, to be refreshed after checking the
 * package with dpkg. gzip goes through the JVM's zlib, whose bytes may differ between platforms, so gzip
 * is pinned by what it decompresses to: the very tar that {@code none} writes.
 */
class GoldenBytesTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "NONE, 0, 25f6dbb83fe363220a1bb5c2cdbe246eea014be356090f81730059800e8db08c",
        "XZ,   6, 99bda3a11c07651ce8960943f8a8a1c9ccd240042ecaeaafd4717cd094b9cd06",
        "ZSTD, 3, 7ce539c6c028d749e34ad960476742c9af252281de4e86236d3346d9f6d69657",
    })
    void fixedTreeGivesThePinnedPackageBytes(Compression compression, int level, String sha256) throws IOException {
        Path deb = write(compression, level);

        assertThat(sha256(Files.readAllBytes(deb))).isEqualTo(sha256);
    }

    @Test
    void gzipMembersDecompressToTheTarsWrittenWithoutCompression() throws IOException {
        Map<String, byte[]> plain = ArMembers.read(write(Compression.NONE, 0), Fixtures.TIMESTAMP.getEpochSecond());
        Map<String, byte[]> gzip = ArMembers.read(write(Compression.GZIP, 9), Fixtures.TIMESTAMP.getEpochSecond());

        assertThat(gunzip(gzip.get("control.tar.gz"))).isEqualTo(plain.get("control.tar"));
        assertThat(gunzip(gzip.get("data.tar.gz"))).isEqualTo(plain.get("data.tar"));
    }

    private Path write(Compression compression, int level) throws IOException {
        Path root = temp.resolve("tree-" + compression);
        if (!Files.exists(root)) {
            Fixtures.richTree(root);
            // Larger than every buffer on the way (64 KiB and more) and compressible like real text, so
            // that a change in how the bytes are fed to a compressor would show.
            Fixtures.file(root, "usr/share/doc/pkg/bulk.txt", pseudoText(1024 * 1024 + 123), "rw-r--r--");
        }
        Path deb = temp.resolve(compression + ".deb");
        Fixtures.writeDeb(root, compression, level, Fixtures.TIMESTAMP, deb);
        return deb;
    }

    /** Words drawn by java.util.Random, whose sequence for a seed is fixed by its specification. */
    private static String pseudoText(int length) {
        Random random = new Random(20240506);
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            int wordLength = 2 + random.nextInt(8);
            for (int i = 0; i < wordLength; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(12) == 0 ? '\n' : ' ');
        }
        text.setLength(length);
        return text.toString();
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
