package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads larger than one compression chunk: gzip as several members, xz as several blocks of one
 * stream, zstd as one frame from several workers. The real dpkg-deb and the real xz and zstd read them
 * back to the very bytes packaged.
 */
class ParallelCompressionDpkgTest {

    @TempDir
    Path temp;

    Path staging;

    @BeforeEach
    void setUp() throws IOException {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        staging = Fixtures.richTree(temp.resolve("staging"));
        // Text and random bytes, so both compressible and incompressible chunks cross the boundaries.
        writePseudoPayload(staging.resolve("usr/share/pkg/text.txt"), 7 << 20, false);
        writePseudoPayload(staging.resolve("usr/share/pkg/random.bin"), (5 << 20) + 12345, true);
    }

    @Test
    void gzipOfSeveralChunksIsSeveralMembersThatDpkgDebUnpacksToThePayload() throws IOException {
        Path deb = temp.resolve("gzip.deb");
        Fixtures.writeDeb(staging, Compression.GZIP, 1, Fixtures.TIMESTAMP, deb);

        byte[] data = ArMembers.read(deb, Fixtures.TIMESTAMP.getEpochSecond()).get("data.tar.gz");
        assertThat(gzipMembers(data)).isGreaterThanOrEqualTo(3);
        assertUnpacksToThePayload(deb);
    }

    @Test
    void xzOfSeveralChunksIsOneStreamOfSeveralBlocksThatXzAndDpkgDebRead() throws IOException {
        Requirements.assumeAvailable(Requirement.XZ);
        Path deb = temp.resolve("xz.deb");
        // Level 0: 1 MiB chunks, so a 12 MiB payload makes a dozen blocks.
        Fixtures.writeDeb(staging, Compression.XZ, 0, Fixtures.TIMESTAMP, deb);

        Path member = temp.resolve("data.tar.xz");
        Files.write(member, ArMembers.read(deb, Fixtures.TIMESTAMP.getEpochSecond()).get("data.tar.xz"));
        String totals = Commands.stdoutOf("xz", "--robot", "--list", member.toString()).lines()
                .filter(line -> line.startsWith("totals\t")).findFirst().orElseThrow();
        String[] fields = totals.split("\t");
        assertThat(fields[1]).as("streams").isEqualTo("1");
        assertThat(Integer.parseInt(fields[2])).as("blocks").isGreaterThanOrEqualTo(12);
        Commands.stdoutOf("xz", "--test", member.toString());
        assertUnpacksToThePayload(deb);
    }

    @Test
    void zstdOfSeveralJobsIsOneFrameThatZstdAndDpkgDebRead() throws IOException {
        Requirements.assumeAvailable(Requirement.ZSTD);
        writePseudoPayload(staging.resolve("usr/share/pkg/more.txt"), 24 << 20, false);
        Path deb = temp.resolve("zstd.deb");
        Fixtures.writeDeb(staging, Compression.ZSTD, 1, Fixtures.TIMESTAMP, deb);

        Path member = temp.resolve("data.tar.zst");
        Files.write(member, ArMembers.read(deb, Fixtures.TIMESTAMP.getEpochSecond()).get("data.tar.zst"));
        assertThat(Commands.stdoutOf("zstd", "-l", member.toString()))
                .as("frames, skippable frames").containsPattern("(?m)^\\s*1\\s+0\\s+\\S+ \\S+\\s.*XXH64\\s");
        assertUnpacksToThePayload(deb);
    }

    private void assertUnpacksToThePayload(Path deb) throws IOException {
        Path unpacked = temp.resolve("unpacked-" + deb.getFileName());
        DpkgDeb.extract(deb, unpacked);
        for (String file : List.of("usr/share/pkg/text.txt", "usr/share/pkg/random.bin", "usr/share/doc/pkg/readme")) {
            assertThat(Files.mismatch(unpacked.resolve(file), staging.resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    /** Counts the gzip members one after the other (java.util.zip reads them as one, hiding the count). */
    private static int gzipMembers(byte[] gzip) {
        int members = 0;
        int at = 0;
        while (at < gzip.length) {
            assertThat(gzip[at] & 0xff).isEqualTo(0x1f);
            assertThat(gzip[at + 3]).as("no optional header fields").isZero();
            Inflater inflater = new Inflater(true);
            inflater.setInput(gzip, at + 10, gzip.length - at - 10);
            byte[] sink = new byte[1 << 16];
            try {
                while (!inflater.finished()) {
                    inflater.inflate(sink);
                }
            } catch (DataFormatException e) {
                throw new AssertionError("member " + members + " is not deflate", e);
            }
            at = gzip.length - inflater.getRemaining() + 8;
            inflater.end();
            members++;
        }
        return members;
    }

    private static void writePseudoPayload(Path file, int size, boolean random) throws IOException {
        Files.createDirectories(file.getParent());
        Random generator = new Random(size);
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= block.length) {
                if (random) {
                    generator.nextBytes(block);
                } else {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = (byte) (generator.nextInt(9) == 0 ? ' ' : 'a' + generator.nextInt(20));
                    }
                }
                out.write(block, 0, Math.min(left, block.length));
            }
        }
    }
}
