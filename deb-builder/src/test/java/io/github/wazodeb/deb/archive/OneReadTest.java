package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small payload is read once (its data.tar held in memory and written after the control member), a large
 * one twice: the same bytes either way, and a payload given up on midway is written whole by the two passes.
 */
class OneReadTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void onePassAndTwoPassesAndAOneReadGivenUpMidwayWriteTheSameBytes(Compression compression) throws IOException {
        Path tree = Fixtures.richTree(temp.resolve("tree"));

        byte[] once = write(tree, compression, Long.MAX_VALUE, "once.deb");
        byte[] twice = write(tree, compression, 0, "twice.deb");
        // The tree's tar is about 20 KiB: a limit of 8 KiB is passed halfway through it.
        byte[] givenUp = write(tree, compression, 8 << 10, "given-up.deb");

        assertThat(once).isEqualTo(twice).isEqualTo(givenUp);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "NONE"})
    void aPayloadReadOnceIsPackagedAsItWasReadWhateverHappensToItAfterwards(Compression compression)
            throws IOException {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path tree = Fixtures.richTree(temp.resolve("tree"));
        DebArchiveWriter writer = new DebArchiveWriter(compression, compression.defaultLevel(), Fixtures.TIMESTAMP);
        DataMember data = writer.writeData(PayloadTree.scan(tree));
        Files.writeString(tree.resolve("usr/bin/tool"), "#!/bin/sh\necho TOOL\n", StandardCharsets.UTF_8);
        Path deb = temp.resolve("x.deb");

        writer.writeDeb(List.of(new ControlMember("md5sums", data.md5sums(), 0644),
                Fixtures.control("wazo-archive-test", data.installedSizeKiB())), data, deb);

        Path extracted = Files.createDirectory(temp.resolve("extracted"));
        DpkgDeb.extract(deb, extracted);
        assertThat(Files.readString(extracted.resolve("usr/bin/tool"))).isEqualTo("#!/bin/sh\necho tool\n");
    }

    private byte[] write(Path tree, Compression compression, long oneReadLimit, String name) throws IOException {
        DebArchiveWriter writer =
                new DebArchiveWriter(compression, compression.defaultLevel(), Fixtures.TIMESTAMP, oneReadLimit);
        DataMember data = writer.writeData(PayloadTree.scan(tree),
                Files.createDirectories(temp.resolve(name + ".scratch")));
        Path deb = temp.resolve(name);
        writer.writeDeb(List.of(new ControlMember("md5sums", data.md5sums(), 0644),
                Fixtures.control("wazo-archive-test", data.installedSizeKiB())), data, deb);
        return Files.readAllBytes(deb);
    }
}
