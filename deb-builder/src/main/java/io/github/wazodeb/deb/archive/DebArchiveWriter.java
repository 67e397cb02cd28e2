package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;

/**
 * Writes a {@code .deb}: first the compressed {@code data.tar} from a {@link PayloadTree}, then the
 * {@code ar} archive around it and the control member.
 *
 * <p>The archive is written with commons-compress directly rather than with jdeb: jdeb 1.15's directory
 * producer follows symbolic links into copies (a link to a directory becomes a directory), aborts on
 * dangling links, drops exec bits, stamps every entry with the build time and exposes commons-compress
 * types in its API. No commons-compress type appears in this class's signatures either.
 *
 * <p>Output depends only on the tree's names, types, modes, sizes, contents and link targets, the
 * compression and level, and the timestamp, which replaces every modification time. Immutable and
 * thread-safe.
 */
public final class DebArchiveWriter {

    private static final byte[] DEBIAN_BINARY = "2.0\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_SIZE = 1 << 16;

    private final Compression compression;
    private final int level;
    private final Instant timestamp;
    /** xz's encoder arrays, shared by this writer's data and control members; thread-safe, and it holds
     *  them through soft references only. */
    private final ArrayCache xzArrays = new BasicArrayCache();

    public DebArchiveWriter(Compression compression, int level, Instant timestamp) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.level = compression.requireLevel(level);
        requireTarTimestamp(timestamp);
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
     * Streams the payload into a compressed {@code data.tar} in a new temporary file in {@code tempDir},
     * computing each regular file's MD5, the {@code Installed-Size} and which files are ELF binaries on the
     * way, in one pass. Memory use
     * grows with neither the payload's bytes nor its number of entries (the md5sums text aside). On failure
     * the temporary file is removed.
     */
    public DataMember writeData(PayloadTree tree, Path tempDir) throws IOException {
        Path file = Files.createTempFile(tempDir, "data.tar", compression.suffix());
        try {
            ByteArrayOutputStream md5sums = new ByteArrayOutputStream();
            PayloadTree.InstalledSize installedSize = new PayloadTree.InstalledSize();
            ElfBinaries.Collector elfBinaries = new ElfBinaries.Collector();
            byte[] head = new byte[4];
            try (GnuTarWriter tar = new GnuTarWriter(compressedFile(file), timestamp)) {
                byte[] buffer = new byte[BUFFER_SIZE];
                MessageDigest md5 = digest("MD5");
                tree.walk(entry -> {
                    installedSize.add(entry);
                    switch (entry.type()) {
                        case DIRECTORY -> tar.directory(entry.tarName(), entry.mode());
                        case SYMLINK -> tar.symlink(entry.tarName(), entry.mode(), entry.linkTarget());
                        case HARD_LINK -> {
                            tar.hardLink(entry.tarName(), entry.mode(), "./" + entry.linkTarget());
                            // A hard link is a regular file too (find -type f lists every name), as
                            // dh_md5sums lists it; its content is its first name's, read again rather than
                            // remembered so that memory does not grow with the number of files.
                            md5sumsLine(md5sums, entry.path(), md5Of(entry.source(), md5, buffer));
                        }
                        case REGULAR -> {
                            md5.reset();
                            try (PushbackInputStream in = new PushbackInputStream(
                                    new DigestInputStream(Files.newInputStream(entry.source()), md5), head.length)) {
                                int headLength = in.readNBytes(head, 0, head.length);
                                in.unread(head, 0, headLength);
                                elfBinaries.offer(entry.path(), head, headLength);
                                tar.file(entry.tarName(), entry.mode(), entry.size(), in, buffer);
                            }
                            md5sumsLine(md5sums, entry.path(), HexFormat.of().formatHex(md5.digest()));
                        }
                    }
                });
            }
            return new DataMember(file, compression, md5sums.toByteArray(), installedSize.kiB(),
                    elfBinaries.result());
        } catch (Throwable e) {
            deleteQuietly(file, e);
            throw e;
        }
    }

    private static void md5sumsLine(ByteArrayOutputStream md5sums, String path, String md5Hex) {
        md5sums.writeBytes((md5Hex + "  " + path + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String md5Of(Path file, MessageDigest md5, byte[] buffer) throws IOException {
        md5.reset();
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                md5.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * Writes the {@code .deb} to {@code target}: {@code debian-binary}, {@code control.tar<suffix>} (a
     * {@code ./} directory entry, then the members sorted by name) and {@code data.tar<suffix>} copied from
     * {@code data.file()}. The bytes go to a temporary file in the target's directory that is moved into
     * place atomically, so the target appears complete or not at all; on failure nothing is left behind.
     * The SHA-256 is computed from the bytes on their way to the file, so the package is not read back.
     */
    public DebFile writeDeb(List<ControlMember> control, DataMember data, Path target) throws IOException {
        Path absoluteTarget = target.toAbsolutePath();
        byte[] controlTar = controlTar(control);
        long dataSize = Files.size(data.file());
        PartialDebFile.removeAbandoned(absoluteTarget.getParent());
        MessageDigest sha256 = digest("SHA-256");
        try (PartialDebFile partial = PartialDebFile.create(absoluteTarget)) {
            // The digest sits under the buffer so that it is fed in large chunks.
            OutputStream out = new BufferedOutputStream(
                    new DigestOutputStream(Channels.newOutputStream(partial.channel()), sha256), BUFFER_SIZE);
            try (InputStream dataIn = Files.newInputStream(data.file())) {
                ArWriter ar = new ArWriter(out, timestamp.getEpochSecond());
                ar.member("debian-binary", DEBIAN_BINARY);
                ar.member("control.tar" + compression.suffix(), controlTar);
                ar.member("data.tar" + data.compression().suffix(), dataSize, dataIn);
                out.flush();
            }
            partial.moveIntoPlace(absoluteTarget);
            return new DebFile(absoluteTarget, Files.size(absoluteTarget), HexFormat.of().formatHex(sha256.digest()));
        }
    }

    private byte[] controlTar(List<ControlMember> control) throws IOException {
        List<ControlMember> sorted = new ArrayList<>(control);
        sorted.sort(Comparator.comparing(ControlMember::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("control member \"" + sorted.get(i).name() + "\" is given twice");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GnuTarWriter tar = new GnuTarWriter(Compressors.open(compression, level, bytes, xzArrays), timestamp)) {
            tar.directory("./", 0755);
            byte[] buffer = new byte[BUFFER_SIZE];
            for (ControlMember member : sorted) {
                tar.file("./" + member.name(), member.mode(), member.content().length,
                        new ByteArrayInputStream(member.content()), buffer);
            }
        }
        return bytes.toByteArray();
    }

    private OutputStream compressedFile(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_SIZE);
        try {
            return Compressors.open(compression, level, out, xzArrays);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }

    private static void deleteQuietly(Path file, Throwable cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
