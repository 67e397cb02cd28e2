package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What writeDeb reports about the file it wrote, computed on the way out rather than read back. */
class DebFileTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void reportedPathSizeAndSha256AreThoseOfTheFileOnDisk(Compression compression) throws IOException,
            NoSuchAlgorithmException {
        DebArchiveWriter writer = new DebArchiveWriter(compression, compression.defaultLevel(), Fixtures.TIMESTAMP);
        DataMember data = writer.writeData(PayloadTree.scan(Fixtures.richTree(temp.resolve("staging"))));
        Path target = temp.resolve("out.deb");

        DebFile deb = writer.writeDeb(List.of(Fixtures.control("x", data.installedSizeKiB())), data, target);

        byte[] written = Files.readAllBytes(target);
        assertThat(deb.path()).isEqualTo(target.toAbsolutePath());
        assertThat(deb.size()).isEqualTo(written.length);
        assertThat(deb.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
    }
}
