package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tukaani.xz.ArrayCache;

/**
 * Writes a {@code .deb}: {@link #writeData} reads the payload once for the control member (every file's
 * MD5, {@code Installed-Size}, ELF binaries), then {@link #writeDeb} writes the {@code ar} archive with the
 * control member and streams the payload's compressed {@code data.tar} straight into it.
 *
 * <p>Why the payload is read twice rather than data.tar written once to a temporary file and copied: deb(5)
 * puts the control member, which holds md5sums, before the data member, so md5sums must be complete
 * before the first byte of data.tar is written into the package. Reading the payload a second time (from
 * the page cache, for any payload that fits in memory) costs less than writing and reading back a
 * temporary copy of data.tar, and keeps the control member exactly as dpkg-deb lays it out (compressed,
 * with no filler member or reserved slot). Both members are streamed into the package, their size fields
 * filled in once their compressed sizes are known, and the package's SHA-256 is then read back from the
 * page cache.
 *
 * <p>A small payload (a tar of up to 4 MiB, which most plugins are) is read once instead ({@link OneRead}):
 * its tar is held in memory while md5sums are computed from the same bytes, and compressed into the
 * package after the control member. A larger one is given up on at that size and read twice as above.
 *
 * <p>One truth for the payload: the second pass is held to the first entry by entry (path, type, mode, size,
 * inode, modification and change times, kept in a ledger file) and each file's bytes are digested on their
 * way into {@code data.tar} and compared with its md5sums line, so a file that a process left running by
 * the rules steps rewrites between or during the passes, even at the same size, fails the build naming it
 * rather than shipping md5sums that describe other bytes. The stamps catch what happened between the
 * passes; the digest what the kernel's coarse clock cannot tell.
 *
 * <p>The archive is written with commons-compress directly rather than with jdeb: jdeb 1.15's directory
 * producer follows symbolic links into copies (a link to a directory becomes a directory), aborts on
 * dangling links, drops exec bits, stamps every entry with the build time and exposes commons-compress
 * types in its API. No commons-compress type appears in this class's signatures either.
 *
 * <p>Output depends only on the tree's names, types, modes, sizes, contents and link targets, the
 * compression and level, and the timestamp, which replaces every modification time; not on the number of
 * cores (see {@link Compressors}). Immutable and thread-safe.
 */
public final class DebArchiveWriter {

    private static final byte[] DEBIAN_BINARY = "2.0\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_SIZE = 1 << 16;

    private final Compression compression;
    private final int level;
    private final Instant timestamp;
    /** xz's encoder arrays, shared by this writer's data and control members; thread-safe, and it holds
     *  them through soft references only. Null unless the compression is xz. */
    private final ArrayCache xzArrays;
    /** Bytes of uncompressed tar up to which the payload is read once (see {@link OneRead}). */
    private final long oneReadLimit;

    public DebArchiveWriter(Compression compression, int level, Instant timestamp) {
        this(compression, level, timestamp, OneRead.DEFAULT_LIMIT);
    }

    /** As the public constructor, with another limit for the one read: 0 reads every payload twice. */
    DebArchiveWriter(Compression compression, int level, Instant timestamp, long oneReadLimit) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.level = compression.requireLevel(level);
        requireTarTimestamp(timestamp);
        this.xzArrays = compression == Compression.XZ ? XzChunks.newArrayCache() : null;
        this.oneReadLimit = oneReadLimit;
    }

    /**
     * Checks that {@code timestamp} fits the 11 octal digits of a tar header's mtime (1970 to 4147).
     *
     * @throws IllegalArgumentException when it does not
     */
    public static void requireTarTimestamp(Instant timestamp) {
        if (timestamp.getEpochSecond() < 0 || timestamp.getEpochSecond() > 077777777777L) {
            throw new IllegalArgumentException("timestamp " + timestamp + " does not fit a tar header");
        }
    }

    /**
     * Reads the payload for what the control member says of it: each regular file's MD5, the
     * {@code Installed-Size}, which files are ELF binaries and which entries are setuid or setgid, in one
     * pass that writes nothing. Memory use grows with neither the payload's bytes nor its number of entries,
     * but for the md5sums text (about 80 bytes a file) and the ledger of what this pass saw (about 100 bytes
     * an entry), which {@link #writeData(PayloadTree, Path)} keeps in files instead.
     *
     * @throws PayloadException an entry a package cannot carry, or a file that does not hold its
     *     {@link KnownContent}
     */
    public DataMember writeData(PayloadTree tree) throws IOException {
        return writeData(tree, null);
    }

    /**
     * As {@link #writeData(PayloadTree)}, with the md5sums text and the ledger written to files of
     * {@code scratchDirectory} ({@code md5sums}, {@code payload-ledger}, replaced) rather than kept in memory;
     * they must stay as they are until {@link #writeDeb} has written the package.
     */
    public DataMember writeData(PayloadTree tree, Path scratchDirectory) throws IOException {
        Optional<DataMember> small = new OneRead(compression, timestamp)
                .write(tree, scratch(scratchDirectory, "md5sums"), oneReadLimit);
        if (small.isPresent()) {
            return small.get();
        }
        PayloadTree.InstalledSize installedSize = new PayloadTree.InstalledSize();
        DataMember.SetIdEntries.Collector setIds = new DataMember.SetIdEntries.Collector();
        try (Md5Pass md5sums = new Md5Pass(scratch(scratchDirectory, "md5sums"), tree.knownContents());
                EntryLedger.Writer ledger = EntryLedger.create(scratch(scratchDirectory, "payload-ledger"))) {
            tree.walkStamped((entry, stamp) -> {
                installedSize.add(entry);
                setIds.offer(entry);
                ledger.add(entry, stamp);
                switch (entry.type()) {
                    case DIRECTORY, SYMLINK -> { }
                    // A hard link is a regular file too (find -type f lists every name), as dh_md5sums lists
                    // it; its content is its first name's, read again rather than remembered so that memory
                    // does not grow with the number of files.
                    case HARD_LINK -> md5sums.add(entry.path(), entry.source(), false);
                    case REGULAR -> md5sums.add(entry.path(), entry.source(), true);
                }
            });
            return new DataMember(tree, compression, md5sums.md5sums(), installedSize.kiB(),
                    md5sums.elfBinaries(), setIds.result(), ledger.finish());
        }
    }

    private static Path scratch(Path scratchDirectory, String name) {
        return scratchDirectory == null ? null : scratchDirectory.resolve(name);
    }

    /**
     * Writes the {@code .deb} to {@code target}: {@code debian-binary}, {@code control.tar<suffix>} (a
     * {@code ./} directory entry, then the members sorted by name) and {@code data.tar<suffix>} from
     * {@code data.tree()}, compressed on its way into the package. The bytes go to a temporary file in the
     * target's directory that is moved into place atomically, so the target appears complete or not at
     * all; on failure nothing is left behind.
     *
     * @throws PayloadException when the payload is not the one {@link #writeData} read (an entry added,
     *     removed, written, touched or replaced since, by size, content, times or inode), naming the entry:
     *     its md5sums would not describe its data
     */
    public DebFile writeDeb(List<ControlMember> control, DataMember data, Path target) throws IOException {
        Path absoluteTarget = target.toAbsolutePath();
        List<ControlMember> sortedControl = sortedControl(control);
        PartialDebFile.removeAbandoned(absoluteTarget.getParent());
        try (PartialDebFile partial = PartialDebFile.create(absoluteTarget)) {
            FileChannel channel = partial.channel();
            CountingOutputStream out = new CountingOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE));
            ArWriter ar = new ArWriter(out, timestamp.getEpochSecond());
            ar.member("debian-binary", DEBIAN_BINARY);
            // Both tars are streamed into the package, their sizes filled in once known: nothing of
            // either is held in memory (md5sums may be megabytes).
            StreamedMember controlTar = stream(ar, out, "control.tar" + compression.suffix(),
                    member -> writeControlTar(sortedControl, member));
            StreamedMember dataTar = stream(ar, out, "data.tar" + data.compression().suffix(),
                    member -> writeData(data, member));
            out.flush();
            controlTar.fillSizeField(channel);
            dataTar.fillSizeField(channel);
            // The disk catches up while the digest reads the package back from the page cache; on a busy
            // disk the flush takes as long as the whole write.
            CompletableFuture<Void> durable = partial.flushToDiskInBackground();
            String sha256 = sha256Of(channel);
            partial.moveIntoPlace(absoluteTarget, durable);
            return new DebFile(absoluteTarget, Files.size(absoluteTarget), sha256);
        }
    }

    /** The data member's tar, compressed, into {@code out}: the one held since the one read, or a second pass. */
    private void writeData(DataMember data, CountingOutputStream out) throws IOException {
        if (data.heldTar() == null) {
            writeTar(data, out);
            return;
        }
        try (OutputStream compressed = Compressors.open(data.compression(), level, out.unclosable(), xzArrays)) {
            data.heldTar().writeTo(compressed);
        }
    }

    /**
     * The tar of the payload, compressed, into {@code out}, which stays open. Every entry is held to what
     * {@link #writeData} saw of it (the ledger: path, type, mode, size, inode, times) and every file's
     * bytes, digested on their way into the tar, to its md5sums line: the package holds the bytes its
     * md5sums describe, or is not written.
     */
    private void writeTar(DataMember data, CountingOutputStream out) throws IOException {
        // The MD5 that went into the tar for each file with other names, for those names' md5sums lines.
        Map<String, String> md5OfLinkedFile = new HashMap<>();
        MessageDigest md5 = digest("MD5");
        try (EntryLedger.Reader seen = data.ledger().read(data.tree().root());
                Md5sumsLines md5sums = new Md5sumsLines(data.md5sums().open());
                GnuTarWriter tar = new GnuTarWriter(Compressors.open(data.compression(), level, out.unclosable(),
                        xzArrays), timestamp)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            data.tree().walkStamped((entry, stamp) -> {
                seen.expect(entry, stamp);
                switch (entry.type()) {
                    case DIRECTORY -> tar.directory(entry.tarName(), entry.mode());
                    case SYMLINK -> tar.symlink(entry.tarName(), entry.mode(), entry.linkTarget());
                    case HARD_LINK -> {
                        tar.hardLink(entry.tarName(), entry.mode(), "./" + entry.linkTarget());
                        md5sums.expect(entry.path(), md5OfLinkedFile.get(entry.linkTarget()));
                    }
                    case REGULAR -> {
                        String written = writeFile(tar, entry, md5, buffer);
                        md5sums.expect(entry.path(), written);
                        if (stamp.nlink() > 1) {
                            md5OfLinkedFile.put(entry.path(), written);
                        }
                    }
                }
            });
            seen.expectEnd();
        }
    }

    /** Writes a regular file into the tar and returns the MD5 of the bytes written. */
    private static String writeFile(GnuTarWriter tar, PayloadEntry entry, MessageDigest md5, byte[] buffer)
            throws IOException {
        md5.reset();
        try (InputStream in = new DigestInputStream(Files.newInputStream(entry.source()), md5)) {
            tar.file(entry.tarName(), entry.mode(), entry.size(), in, buffer);
        } catch (NoSuchFileException | GnuTarWriter.SizeChangedException e) {
            throw PayloadChanges.changed(entry.path());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String sha256Of(FileChannel channel) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        long position = 0;
        for (int read = channel.read(buffer, position); read >= 0; read = channel.read(buffer, position)) {
            position += read;
            buffer.flip();
            sha256.update(buffer);
            buffer.clear();
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** What a streamed member's content is written by, into the package's stream (left open). */
    private interface MemberContent {
        void writeTo(CountingOutputStream out) throws IOException;
    }

    /** A member written before its size was known: where its size field is, and what to put there. */
    private record StreamedMember(long sizeFieldAt, long size) {
        void fillSizeField(FileChannel channel) throws IOException {
            channel.write(ByteBuffer.wrap(ArWriter.sizeField(size)), sizeFieldAt);
        }
    }

    /** Writes member {@code name} with a blank size field, then its content straight after it. */
    private static StreamedMember stream(ArWriter ar, CountingOutputStream out, String name, MemberContent content)
            throws IOException {
        long sizeFieldAt = ar.beginMember(name);
        long start = out.count();
        content.writeTo(out);
        long size = out.count() - start;
        ar.endMember(size);
        return new StreamedMember(sizeFieldAt, size);
    }

    /** The members in name order, as dpkg-deb writes them; a name given twice is refused. */
    private static List<ControlMember> sortedControl(List<ControlMember> control) {
        List<ControlMember> sorted = new ArrayList<>(control);
        sorted.sort(Comparator.comparing(ControlMember::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("control member \"" + sorted.get(i).name() + "\" is given twice");
            }
        }
        return sorted;
    }

    /** The control tar, compressed, into {@code out}, which stays open. */
    private void writeControlTar(List<ControlMember> sorted, CountingOutputStream out) throws IOException {
        try (GnuTarWriter tar = new GnuTarWriter(Compressors.open(compression, level, out.unclosable(), xzArrays),
                timestamp)) {
            tar.directory("./", 0755);
            byte[] buffer = new byte[BUFFER_SIZE];
            for (ControlMember member : sorted) {
                try (InputStream content = member.content().open()) {
                    tar.file("./" + member.name(), member.mode(), member.content().size(), content, buffer);
                }
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
