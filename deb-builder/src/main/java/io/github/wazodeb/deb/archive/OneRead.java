package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data member of a small payload from one read of each file: the bytes go into its tar, held in memory
 * ({@link HeldTar}), and through MD5 on their way, so md5sums, {@code Installed-Size} and {@code data.tar}
 * come from the same read and cannot disagree; the package then gets its control member first and the
 * held tar, compressed, after it. A payload whose tar grows past the limit is given up on there (what was
 * read is dropped, nothing was compressed) and written by the two passes instead, so memory stays flat in
 * the payload: the read saved matters for small payloads, and is not worth a copy of a large one.
 */
final class OneRead {

    /**
     * Bytes of uncompressed tar up to which a payload is read once: a typical plugin is well under it, and
     * giving up on a larger one wastes at most this much reading (measured: at 16 MiB, the 60 MB benchmark
     * payload took about a quarter more CPU time; at 4 MiB the waste is lost in the noise).
     */
    static final long DEFAULT_LIMIT = 4L << 20;

    private static final int BUFFER_SIZE = 1 << 16;

    private final Compression compression;
    private final Instant timestamp;

    OneRead(Compression compression, Instant timestamp) {
        this.compression = compression;
        this.timestamp = timestamp;
    }

    /**
     * The data member with its {@code data.tar} in memory, or empty when the payload's tar is larger than
     * {@code limit} bytes.
     *
     * @param md5sumsFile where the md5sums text goes (replaced); null to keep it in memory
     */
    Optional<DataMember> write(PayloadTree tree, Path md5sumsFile, long limit) throws IOException {
        Map<String, String> known = tree.knownContents().stream()
                .collect(Collectors.toMap(KnownContent::path, KnownContent::md5Hex));
        PayloadTree.InstalledSize installedSize = new PayloadTree.InstalledSize();
        DataMember.SetIdEntries.Collector setIds = new DataMember.SetIdEntries.Collector();
        ElfBinaries.Collector elf = new ElfBinaries.Collector();
        ByteArrayOutputStream md5sums = new ByteArrayOutputStream();
        HeldTar held = new HeldTar(limit);
        Map<String, String> md5OfLinkedFile = new HashMap<>();
        MessageDigest md5 = md5();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (GnuTarWriter tar = new GnuTarWriter(held, timestamp)) {
            tree.walkStamped((entry, stamp) -> {
                if (held.size() + entry.size() > limit) {
                    throw new HeldTar.TooLarge(); // before reading a file that cannot fit
                }
                installedSize.add(entry);
                setIds.offer(entry);
                switch (entry.type()) {
                    case DIRECTORY -> tar.directory(entry.tarName(), entry.mode());
                    case SYMLINK -> tar.symlink(entry.tarName(), entry.mode(), entry.linkTarget());
                    case HARD_LINK -> {
                        tar.hardLink(entry.tarName(), entry.mode(), "./" + entry.linkTarget());
                        line(md5sums, known, entry.path(), md5OfLinkedFile.get(entry.linkTarget()));
                    }
                    case REGULAR -> {
                        String written = writeFile(tar, entry, md5, buffer, elf);
                        line(md5sums, known, entry.path(), written);
                        if (stamp.nlink() > 1) {
                            md5OfLinkedFile.put(entry.path(), written);
                        }
                    }
                }
            });
        } catch (HeldTar.TooLarge e) {
            return Optional.empty();
        }
        ControlMember.Content md5sumsContent = new ControlMember.Bytes(md5sums.toByteArray());
        if (md5sumsFile != null) {
            Files.write(md5sumsFile, md5sums.toByteArray());
            md5sumsContent = new ControlMember.FileContent(md5sumsFile);
        }
        return Optional.of(new DataMember(tree, compression, md5sumsContent, installedSize.kiB(), elf.result(),
                setIds.result(), held));
    }

    /** Writes a regular file into the tar; its MD5, its first bytes to the ELF check. */
    private static String writeFile(GnuTarWriter tar, PayloadEntry entry, MessageDigest md5, byte[] buffer,
            ElfBinaries.Collector elf) throws IOException {
        md5.reset();
        Head head;
        try (InputStream in = new DigestInputStream(head = new Head(Files.newInputStream(entry.source())), md5)) {
            tar.file(entry.tarName(), entry.mode(), entry.size(), in, buffer);
        } catch (NoSuchFileException | GnuTarWriter.SizeChangedException e) {
            throw PayloadChanges.changed(entry.path());
        }
        elf.offer(entry.path(), head.bytes, head.length);
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The md5sums line of {@code path}, once its bytes are those it is known to hold, if any. */
    private static void line(ByteArrayOutputStream md5sums, Map<String, String> known, String path, String md5Hex)
            throws IOException {
        if (known.containsKey(path) && !known.get(path).equals(md5Hex)) {
            throw PayloadChanges.changed(path);
        }
        md5sums.write((md5Hex + "  " + path + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** The first bytes read through it, for the ELF check. */
    private static final class Head extends FilterInputStream {
        final byte[] bytes = new byte[ElfBinaries.HEAD_LENGTH];
        int length;

        Head(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = in.read(b, off, len);
            if (read > 0 && length < bytes.length) {
                int kept = Math.min(read, bytes.length - length);
                System.arraycopy(b, off, bytes, length, kept);
                length += kept;
            }
            return read;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

}
