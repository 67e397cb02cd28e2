package io.github.wazodeb.dist;

import io.github.wazodeb.deb.archive.EntryType;
import io.github.wazodeb.deb.archive.PayloadEntry;
import io.github.wazodeb.deb.archive.PayloadTree;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a staged tree as a {@code .tar.gz} under one top folder, reproducibly: entries in
 * {@link PayloadTree#walk} order (sorted by name, each directory before what it holds), owned by
 * {@code root:root}, every time the given timestamp, the gzip header's time too. The deflate stream
 * comes from the platform's zlib, so the bytes match wherever zlib is the same (as for gzip packages).
 */
final class Tarball {

    private Tarball() {
    }

    static void write(PayloadTree tree, String topFolder, Instant timestamp, Path target) throws IOException {
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".partial-", ".tar.gz");
        try {
            GzipParameters gzip = new GzipParameters();
            gzip.setCompressionLevel(Deflater.BEST_COMPRESSION);
            gzip.setModificationTime(timestamp.toEpochMilli());
            gzip.setOperatingSystem(3); // Unix, as gzip(1) writes on Linux
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gzip))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                tree.walk(entry -> add(tar, entry, topFolder, timestamp));
            }
            // createTempFile made it 0600: the archive is published, like the .deb, world-readable.
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void add(TarArchiveOutputStream tar, PayloadEntry entry, String topFolder, Instant timestamp)
            throws IOException {
        String name = entry.path().isEmpty() ? topFolder : topFolder + "/" + entry.path();
        TarArchiveEntry header = switch (entry.type()) {
            case DIRECTORY -> new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
            case SYMLINK -> {
                TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                link.setLinkName(entry.linkTarget());
                yield link;
            }
            case REGULAR -> {
                TarArchiveEntry file = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
                file.setSize(entry.size());
                yield file;
            }
            case HARD_LINK -> throw new IOException("the distribution holds no hard links: " + name);
        };
        header.setMode(entry.mode());
        header.setIds(0, 0);
        header.setNames("root", "root");
        header.setModTime(Date.from(timestamp));
        tar.putArchiveEntry(header);
        if (entry.type() == EntryType.REGULAR) {
            try (InputStream in = Files.newInputStream(entry.source())) {
                in.transferTo(tar);
            }
        }
        tar.closeArchiveEntry();
    }
}
