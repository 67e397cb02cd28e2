package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One truth for the payload (SPEC section 2): the bytes in data.tar are the bytes md5sums and
 * Installed-Size describe. An entry that changes between the pass that reads it for the control member
 * and the pass that writes it, in any way, fails writeDeb naming it, and leaves no package.
 */
class OneTruthTest {

    /** Hard-linked from usr/lib/pkg/hard, which the walk meets first. */
    private static final String README = "usr/share/doc/pkg/readme";
    private static final String TOOL = "usr/bin/tool";

    @TempDir
    Path temp;

    Path staging;
    Path out;
    /** Reads every payload twice, as it does payloads over 4 MiB: this small one would be read once. */
    DebArchiveWriter writer = new DebArchiveWriter(Compression.GZIP, 6, Fixtures.TIMESTAMP, 0);

    @BeforeEach
    void setUp() throws IOException {
        staging = Fixtures.richTree(temp.resolve("staging"));
        out = Files.createDirectories(temp.resolve("out"));
    }

    @Test
    void aFileRewrittenAtTheSameSizeBetweenThePassesIsNamedAndNoPackageIsWritten() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        rewriteInPlace(staging.resolve(TOOL), "#!/bin/sh\necho TOOL\n");

        assertChangedBetweenThePasses(data, TOOL);
    }

    @Test
    void aFileWhoseTimesAloneChangedBetweenThePassesIsNamed() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Files.setLastModifiedTime(staging.resolve(TOOL), FileTime.fromMillis(86_400_000L));

        assertChangedBetweenThePasses(data, TOOL);
    }

    @Test
    void aFileReplacedByACopyOfItselfBetweenThePassesIsNamed() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Path tool = staging.resolve(TOOL);
        Path copy = temp.resolve("tool");
        Files.copy(tool, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(copy, tool, StandardCopyOption.REPLACE_EXISTING);

        // The rename changed the directory too, which the walk meets first.
        assertChangedBetweenThePasses(data, "usr/bin");
    }

    @Test
    void anEntryAddedBetweenThePassesIsNamed() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Files.writeString(staging.resolve("usr/bin/added"), "new\n");

        // Its directory changed too, and comes first.
        assertChangedBetweenThePasses(data, "usr/bin");
    }

    @Test
    void anEntryRemovedBetweenThePassesIsNamed() throws IOException {
        DataMember data = writer.writeData(PayloadTree.scan(staging));
        Files.delete(staging.resolve("usr/share/doc/pkg/empty"));

        assertChangedBetweenThePasses(data, "usr/share/doc/pkg");
    }

    /**
     * What the kernel's coarse clock cannot tell (a write within the same tick as the first read leaves the
     * times as they were) the digest of the bytes written does: data whose md5sums line says other bytes is
     * not packaged.
     */
    @Test
    void bytesOtherThanThoseTheirMd5sumsLineDescribesAreNotPackaged() throws IOException {
        DataMember read = writer.writeData(PayloadTree.scan(staging));
        String md5sums = new String(read.md5sumsFile(), StandardCharsets.UTF_8);
        String readmeLine = md5sums.lines().filter(line -> line.endsWith("  " + README)).findFirst().orElseThrow();
        String otherBytes = "0".repeat(32) + "  " + README;
        DataMember described = new DataMember(read.tree(), read.compression(),
                new ControlMember.Bytes(md5sums.replace(readmeLine, otherBytes).getBytes(StandardCharsets.UTF_8)),
                read.installedSizeKiB(), read.elfBinaries(), read.setIdEntries(), read.ledger());

        assertChangedBetweenThePasses(described, README);
    }

    @Test
    void aFileThatDoesNotHoldItsKnownContentIsRefusedBeforeAnythingIsWritten() throws IOException {
        PayloadTree tree = PayloadTree.scan(staging)
                .knowing(List.of(KnownContent.of(README, "what was validated\n".getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> writer.writeData(tree, Files.createDirectories(temp.resolve("scratch"))))
                .isInstanceOf(PayloadException.class)
                .hasMessage("payload entry \"" + README + "\" changed while being packaged: a process the rules "
                        + "steps started is still writing it");
    }

    @Test
    void aFileThatHoldsItsKnownContentIsPackaged() throws IOException {
        PayloadTree tree = PayloadTree.scan(staging).knowing(List.of(
                KnownContent.of(README, Files.readAllBytes(staging.resolve(README)))));

        DataMember data = writer.writeData(tree, Files.createDirectories(temp.resolve("scratch")));
        writer.writeDeb(List.of(Fixtures.control("x", data.installedSizeKiB())), data, out.resolve("x.deb"));

        assertThat(out.resolve("x.deb")).exists();
    }

    /**
     * A writer that never stops rewriting a file at the same size, as a process left running by the rules
     * steps would: each build either fails naming the file or writes a package whose md5sums match its
     * data, never one whose md5sums describe other bytes.
     */
    @Test
    void aFileRewrittenThroughoutEitherFailsTheBuildOrIsPackagedWithMatchingMd5sums() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path big = staging.resolve("usr/share/doc/pkg/big");
        byte[][] variants = {new byte[4 << 20], new byte[4 << 20]};
        Arrays.fill(variants[0], (byte) 'a');
        Arrays.fill(variants[1], (byte) 'b');
        Files.write(big, variants[0]);
        AtomicBoolean stop = new AtomicBoolean();
        Thread rewriter = new Thread(() -> {
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                for (int i = 0; !stop.get(); i++) {
                    file.seek(0);
                    file.write(variants[i % 2]);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        rewriter.start();
        List<String> outcomes = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                Path deb = out.resolve("round" + round + ".deb");
                try {
                    DataMember data = writer.writeData(PayloadTree.scan(staging));
                    writer.writeDeb(List.of(new ControlMember("md5sums", data.md5sums(), 0644),
                            Fixtures.control("x", data.installedSizeKiB())), data, deb);
                } catch (PayloadException e) {
                    assertThat(e).hasMessageContaining("\"usr/share/doc/pkg/big\" changed while being packaged");
                    assertThat(deb).doesNotExist();
                    outcomes.add("refused");
                    continue;
                }
                assertMd5sumsMatchTheData(deb);
                outcomes.add("packaged");
            }
        } finally {
            stop.set(true);
            rewriter.join();
        }
        assertThat(outcomes).hasSize(5);
        assertThat(listing(out)).allMatch(name -> name.endsWith(".deb"));
    }

    private void assertChangedBetweenThePasses(DataMember data, String entry) throws IOException {
        assertThatThrownBy(() -> writer.writeDeb(List.of(Fixtures.control("x", 1)), data, out.resolve("x.deb")))
                .isInstanceOf(PayloadException.class)
                .hasMessage("payload entry \"" + entry + "\" changed while being packaged: a process the rules "
                        + "steps started is still writing it");
        assertThat(listing(out)).isEmpty();
    }

    private void assertMd5sumsMatchTheData(Path deb) throws Exception {
        Path extracted = Files.createTempDirectory(temp, "extracted");
        DpkgDeb.extract(deb, extracted);
        String md5sums = DpkgDeb.info(deb, "md5sums");
        for (String line : md5sums.lines().toList()) {
            String path = line.substring(34);
            byte[] bytes = Files.readAllBytes(extracted.resolve(path));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)))
                    .as("md5sums line of %s in %s", path, deb).isEqualTo(line.substring(0, 32));
        }
    }

    private static void rewriteInPlace(Path file, String content) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            assertThat((long) bytes.length).isEqualTo(raf.length());
            raf.write(bytes);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
