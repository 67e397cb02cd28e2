package io.github.wazodeb.deb.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The md5sums file read back one line at a time, in payload order, so that each file written into
 * {@code data.tar} is checked against the line the control member holds for it: the package's md5sums
 * describe exactly its data. Memory stays flat in the number of files.
 */
final class Md5sumsLines implements Closeable {

    private static final int MD5_HEX_LENGTH = 32;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Md5sumsLines(InputStream md5sums) {
        in = new BufferedInputStream(md5sums, 1 << 16);
    }

    /**
     * The next line must be {@code path}'s, with {@code md5Hex}.
     *
     * @throws PayloadException naming the entry when its line says other bytes
     */
    void expect(String path, String md5Hex) throws IOException {
        String next = nextLine();
        if (next == null || !next.equals(md5Hex + "  " + path)) {
            throw PayloadChanges.changed(path);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String nextLine() throws IOException {
        line.reset();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.size() < MD5_HEX_LENGTH ? null : line.toString(StandardCharsets.UTF_8);
    }
}
