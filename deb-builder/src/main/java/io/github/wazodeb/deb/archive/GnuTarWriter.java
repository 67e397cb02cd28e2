package io.github.wazodeb.deb.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar stream in the dialect dpkg reads: GNU long-name ({@code L}) and long-link ({@code K}) entries for
 * names over 100 bytes, base-256 numbers (commons-compress's "star" mode) for sizes over 8 GiB, and never a
 * PAX header, which dpkg 1.21 refuses. Every entry is owned by root:root and stamped with one timestamp.
 * The archive ends with two zero records and is padded to 10240 bytes, as GNU tar's default blocking does.
 */
final class GnuTarWriter implements Closeable {

    /** The blocks the tar is written in: what the compressor is given at a time. */
    static final int RECORD_SIZE = 10240;

    private final TarArchiveOutputStream tar;
    private final FileTime mtime;

    GnuTarWriter(OutputStream out, Instant timestamp) {
        tar = new TarArchiveOutputStream(out, RECORD_SIZE, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        tar.setAddPaxHeadersForNonAsciiNames(false);
        mtime = FileTime.from(timestamp.getEpochSecond(), TimeUnit.SECONDS);
    }

    void directory(String name, int mode) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR, mode, 0));
        tar.closeArchiveEntry();
    }

    void symlink(String name, int mode, String target) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK, mode, 0);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    void hardLink(String name, int mode, String target) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_LINK, mode, 0);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** A regular file whose content is exactly {@code size} bytes of {@code content}, no more, no less. */
    void file(String name, int mode, long size, InputStream content, byte[] buffer) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_NORMAL, mode, size));
        long remaining = size;
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new SizeChangedException("\"" + name + "\" shrank while it was being packaged: " + (size - remaining)
                        + " of " + size + " bytes");
            }
            tar.write(buffer, 0, read);
            remaining -= read;
        }
        if (content.read() >= 0) {
            throw new SizeChangedException("\"" + name + "\" grew while it was being packaged beyond " + size + " bytes");
        }
        tar.closeArchiveEntry();
    }

    /** A file's content was not the size its header says: the file changed while it was read. */
    static final class SizeChangedException extends IOException {
        SizeChangedException(String message) {
            super(message);
        }
    }

    /** Writes the end-of-archive records and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        tar.close();
    }

    private TarArchiveEntry entry(String name, byte type, int mode, long size) {
        // preserveAbsolutePath = true keeps the name byte for byte (no normalisation of "./").
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(mode);
        entry.setSize(size);
        entry.setModTime(mtime);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        return entry;
    }
}
