package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Same tree and options give the same bytes, whatever the mtimes and the order entries were made in. */
class ReproducibilityTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void sameTreeWithOtherMtimesAndCreationOrderGivesIdenticalBytes(Compression compression) throws IOException {
        Path first = Fixtures.richTree(temp.resolve("first"));
        setAllMtimes(first, Instant.parse("2001-02-03T04:05:06Z"));
        Path second = copyInReverseOrder(first, temp.resolve("second"));
        setAllMtimes(second, Instant.parse("2023-09-10T11:12:13.456Z"));

        Path firstDeb = temp.resolve("first.deb");
        Path secondDeb = temp.resolve("second.deb");
        Fixtures.writeDeb(first, compression, firstDeb);
        Fixtures.writeDeb(second, compression, secondDeb);

        assertThat(Files.readAllBytes(secondDeb)).isEqualTo(Files.readAllBytes(firstDeb));
    }

    @Test
    void anotherTimestampGivesOtherBytes() throws IOException {
        Path tree = Fixtures.richTree(temp.resolve("tree"));
        Path firstDeb = temp.resolve("first.deb");
        Path secondDeb = temp.resolve("second.deb");
        Fixtures.writeDeb(tree, Compression.XZ, 6, Fixtures.TIMESTAMP, firstDeb);
        Fixtures.writeDeb(tree, Compression.XZ, 6, Fixtures.TIMESTAMP.plusSeconds(1), secondDeb);

        assertThat(Files.readAllBytes(secondDeb)).isNotEqualTo(Files.readAllBytes(firstDeb));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void md5sumsKeptInAFileGiveTheSameBytesAsMd5sumsInMemory(Compression compression) throws IOException {
        Path tree = Fixtures.richTree(temp.resolve("tree"));
        DebArchiveWriter writer = new DebArchiveWriter(compression, compression.defaultLevel(), Fixtures.TIMESTAMP);
        Path scratch = Files.createDirectories(temp.resolve("scratch"));

        DataMember inMemory = writer.writeData(PayloadTree.scan(tree));
        DataMember inFile = writer.writeData(PayloadTree.scan(tree), scratch);
        Path fromMemory = temp.resolve("memory.deb");
        Path fromFile = temp.resolve("file.deb");
        writer.writeDeb(List.of(new ControlMember("md5sums", inMemory.md5sums(), 0644),
                Fixtures.control("wazo-archive-test", inMemory.installedSizeKiB())), inMemory, fromMemory);
        writer.writeDeb(List.of(new ControlMember("md5sums", inFile.md5sums(), 0644),
                Fixtures.control("wazo-archive-test", inFile.installedSizeKiB())), inFile, fromFile);

        assertThat(inFile.md5sums()).isEqualTo(new ControlMember.FileContent(scratch.resolve("md5sums")));
        assertThat(Files.readAllBytes(scratch.resolve("md5sums"))).isEqualTo(inMemory.md5sumsFile()).isNotEmpty();
        assertThat(Files.readAllBytes(fromFile)).isEqualTo(Files.readAllBytes(fromMemory));
    }

    private static void setAllMtimes(Path root, Instant time) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, FileTime.from(time));
                }
            }
        }
    }

    /** Recreates {@code source} entry by entry, last name first, so the directories list in another order. */
    private static Path copyInReverseOrder(Path source, Path target) throws IOException {
        List<Path> paths;
        try (var walk = Files.walk(source)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        Map<Object, Path> copiedInodes = new HashMap<>();
        for (Path p : paths) {
            Path copy = target.resolve(source.relativize(p).toString());
            Files.createDirectories(copy.getParent());
            if (Files.isSymbolicLink(p)) {
                Files.createSymbolicLink(copy, Files.readSymbolicLink(p));
            } else if (Files.isDirectory(p)) {
                Files.createDirectories(copy);
            } else {
                Object inode = Files.getAttribute(p, "unix:ino");
                Path earlier = copiedInodes.putIfAbsent(inode, copy);
                if (earlier != null) {
                    Files.createLink(copy, earlier);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        for (Path p : paths) {
            if (!Files.isSymbolicLink(p)) {
                Path copy = target.resolve(source.relativize(p).toString());
                Files.setAttribute(copy, "unix:mode", Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
            }
        }
        return target;
    }
}
