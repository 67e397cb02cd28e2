package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the common {@code ar} format of deb(5): the global header, then per member a 60-byte header
 * (name, mtime, uid 0, gid 0, mode 100644, size) and the data padded to an even length with '\n'. Written
 * by hand rather than with commons-compress's writer because every byte is fixed here and dpkg-deb
 * writes names without GNU ar's trailing '/'.
 */
final class ArWriter {

    private static final byte[] GLOBAL_HEADER = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final long mtime;

    ArWriter(OutputStream out, long mtimeSeconds) throws IOException {
        this.out = out;
        this.mtime = mtimeSeconds;
        out.write(GLOBAL_HEADER);
    }

    void member(String name, byte[] content) throws IOException {
        header(name, content.length);
        out.write(content);
        pad(content.length);
    }

    void member(String name, long size, InputStream content) throws IOException {
        header(name, size);
        long copied = content.transferTo(out);
        if (copied != size) {
            throw new IOException("ar member " + name + " was " + copied + " bytes, expected " + size);
        }
        pad(size);
    }

    private void header(String name, long size) throws IOException {
        if (name.length() > 16) {
            throw new IllegalArgumentException("ar member name " + name + " is longer than 16 characters");
        }
        String header = field(name, 16) + field(Long.toString(mtime), 12) + field("0", 6) + field("0", 6)
                + field("100644", 8) + field(Long.toString(size), 10) + "`\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    private void pad(long size) throws IOException {
        if (size % 2 != 0) {
            out.write('\n');
        }
    }

    private static String field(String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("ar header value " + value + " does not fit " + width + " bytes");
        }
        return value + " ".repeat(width - value.length());
    }
}
