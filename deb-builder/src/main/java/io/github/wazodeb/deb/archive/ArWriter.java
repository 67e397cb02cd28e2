package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the common {@code ar} format of deb(5): the global header, then per member a 60-byte header
 * (name, mtime, uid 0, gid 0, mode 100644, size) and the data padded to an even length with '\n'. Written
 * by hand rather than with commons-compress's writer because every byte is fixed here, dpkg-deb writes
 * names without GNU ar's trailing '/', and a member streamed before its size is known gets its size
 * field filled in afterwards ({@link #beginMember}, {@link #sizeField}).
 */
final class ArWriter {

    private static final byte[] GLOBAL_HEADER = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    /** Where the size field sits in a member header, and its width. */
    private static final int SIZE_OFFSET = 48;
    private static final int SIZE_WIDTH = 10;

    private final OutputStream out;
    private final long mtime;
    private long offset;

    ArWriter(OutputStream out, long mtimeSeconds) throws IOException {
        this.out = out;
        this.mtime = mtimeSeconds;
        write(GLOBAL_HEADER);
    }

    void member(String name, byte[] content) throws IOException {
        header(name, Long.toString(content.length));
        write(content);
        pad(content.length);
    }

    /**
     * Writes the header of a member whose content the caller writes next, straight to the stream, with a
     * blank size field.
     *
     * @return where the size field is, from the start of the archive: the caller writes {@link #sizeField}
     *     there once the content is written, and calls {@link #endMember}
     */
    long beginMember(String name) throws IOException {
        long sizeFieldAt = offset + SIZE_OFFSET;
        header(name, "");
        return sizeFieldAt;
    }

    /** Pads the member begun last, whose content was {@code size} bytes. */
    void endMember(long size) throws IOException {
        offset += size;
        pad(size);
    }

    /** The bytes of a header's size field for {@code size}. */
    static byte[] sizeField(long size) {
        return field(Long.toString(size), SIZE_WIDTH).getBytes(StandardCharsets.US_ASCII);
    }

    private void header(String name, String size) throws IOException {
        if (name.length() > 16) {
            throw new IllegalArgumentException("ar member name " + name + " is longer than 16 characters");
        }
        String header = field(name, 16) + field(Long.toString(mtime), 12) + field("0", 6) + field("0", 6)
                + field("100644", 8) + field(size, SIZE_WIDTH) + "`\n";
        write(header.getBytes(StandardCharsets.US_ASCII));
    }

    private void pad(long size) throws IOException {
        if (size % 2 != 0) {
            write(new byte[] {'\n'});
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        offset += bytes.length;
    }

    private static String field(String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("ar header value " + value + " does not fit " + width + " bytes");
        }
        return value + " ".repeat(width - value.length());
    }
}
