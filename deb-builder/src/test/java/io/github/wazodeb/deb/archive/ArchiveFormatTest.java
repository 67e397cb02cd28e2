package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bytes of the ar, tar and compressed members, read without dpkg where no tool is needed. */
class ArchiveFormatTest {

    @TempDir
    Path temp;

    private Map<String, byte[]> writeRich(Compression compression) throws IOException {
        Path deb = temp.resolve("pkg.deb");
        Fixtures.writeDeb(Fixtures.richTree(temp.resolve("staging")), compression, deb);
        return ArMembers.read(deb, Fixtures.TIMESTAMP.getEpochSecond());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void arMembersAreDebianBinaryControlAndDataInOrder(Compression compression) throws IOException {
        Map<String, byte[]> members = writeRich(compression);

        assertThat(members.keySet()).containsExactly("debian-binary", "control.tar" + compression.suffix(),
                "data.tar" + compression.suffix());
        assertThat(new String(members.get("debian-binary"), StandardCharsets.US_ASCII)).isEqualTo("2.0\n");
    }

    @Test
    void dataTarUsesGnuLongNameAndLongLinkEntriesAndNoPaxHeader() throws IOException {
        byte[] tar = writeRich(Compression.NONE).get("data.tar");

        List<RawTar.Header> headers = RawTar.headers(tar);

        assertThat(headers).extracting(RawTar.Header::typeflag).doesNotContain('x', 'g', 'X')
                .contains('L', 'K', '1', '2', '5', '0');
        assertThat(headers).filteredOn(h -> h.typeflag() == 'L' || h.typeflag() == 'K')
                .extracting(RawTar.Header::name).containsOnly("././@LongLink");
        assertThat(headers).filteredOn(h -> h.typeflag() != 'L' && h.typeflag() != 'K')
                .allSatisfy(h -> assertThat(h.magic()).startsWith("ustar"));
        assertThat(headers.get(0)).extracting(RawTar.Header::name, RawTar.Header::typeflag).containsExactly("./", '5');
    }

    @Test
    void tarEndsWithTwoZeroRecordsAndIsPaddedToTenKibibyteRecords() throws IOException {
        byte[] tar = writeRich(Compression.NONE).get("data.tar");

        int end = RawTar.endOfEntries(tar);

        assertThat(tar.length % 10240).isZero();
        assertThat(tar.length - end).isGreaterThanOrEqualTo(1024);
        for (int block = end; block < tar.length; block += 512) {
            assertThat(RawTar.isZero(tar, block)).as("block at %d is zero", block).isTrue();
        }
    }

    @Test
    void controlTarHasADotDirectoryThenTheMembersSortedByName() throws IOException {
        Path staging = Fixtures.richTree(temp.resolve("staging"));
        DebArchiveWriter writer = new DebArchiveWriter(Compression.NONE, 0, Fixtures.TIMESTAMP);
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Path deb = temp.resolve("pkg.deb");
        writer.writeDeb(List.of(
                new ControlMember("postinst", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 0755),
                Fixtures.control("x", 1),
                new ControlMember("md5sums", data.md5sumsFile(), 0644)), data, deb);

        byte[] controlTar = ArMembers.read(deb, Fixtures.TIMESTAMP.getEpochSecond()).get("control.tar");

        assertThat(RawTar.headers(controlTar)).extracting(RawTar.Header::name)
                .containsExactly("./", "./control", "./md5sums", "./postinst");
    }

    @Test
    void xzMemberIsOneStream() throws IOException {
        Requirements.assumeAvailable(Requirement.XZ);
        Path member = temp.resolve("data.tar.xz");
        Files.write(member, writeRich(Compression.XZ).get("data.tar.xz"));

        String totals = Commands.stdoutOf("xz", "--robot", "--list", member.toString()).lines()
                .filter(l -> l.startsWith("totals\t")).findFirst().orElseThrow();

        assertThat(totals.split("\t")[1]).as("streams").isEqualTo("1");
    }

    @Test
    void zstdMemberIsOneFrame() throws IOException {
        Requirements.assumeAvailable(Requirement.ZSTD);
        Path member = temp.resolve("data.tar.zst");
        Files.write(member, writeRich(Compression.ZSTD).get("data.tar.zst"));

        List<String> lines = Commands.stdoutOf("zstd", "--list", member.toString()).lines().toList();

        assertThat(lines.get(0)).startsWith("Frames");
        assertThat(lines.get(1).trim().split("\\s+")[0]).as("frames").isEqualTo("1");
    }

    @Test
    void gzipHeaderHasNoNameNoTimeAndAFixedOs() throws IOException {
        byte[] gzip = writeRich(Compression.GZIP).get("data.tar.gz");

        assertThat(gzip[3]).as("flags: no name, comment or extra").isZero();
        assertThat(new byte[] {gzip[4], gzip[5], gzip[6], gzip[7]}).as("mtime").containsOnly(0);
        assertThat(gzip[9]).as("OS byte: Unix").isEqualTo((byte) 3);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void flushCallsDoNotChangeTheCompressedBytes(Compression compression) throws IOException {
        byte[] input = new byte[300_000];
        new Random(42).nextBytes(input);
        for (int i = 0; i < input.length; i += 3) {
            input[i] = 0;
        }

        assertThat(compress(compression, input, true)).isEqualTo(compress(compression, input, false));
    }

    private static byte[] compress(Compression compression, byte[] input, boolean flushOften) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = Compressors.open(compression, compression.defaultLevel(), bytes)) {
            for (int i = 0; i < input.length; i += 1000) {
                out.write(input, i, Math.min(1000, input.length - i));
                if (flushOften) {
                    out.flush();
                }
            }
        }
        return bytes.toByteArray();
    }
}
