package io.github.wazodeb.deb.archive;

import com.github.luben.zstd.ZstdOutputStream;
import io.github.wazodeb.deb.Compression;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Opens the compressor for a tar member, configured so that the same input always gives the same bytes.
 * dpkg 1.21 reads only the first xz stream and the first zstd frame, so each member is exactly one.
 */
final class Compressors {

    /** What {@code gzip -n} writes on Unix; fixed so the header never depends on the machine. */
    private static final int GZIP_OS_UNIX = 3;

    private Compressors() {
    }

    /** A stream that compresses into {@code out}; closing it ends the member and closes {@code out}. */
    static OutputStream open(Compression compression, int level, OutputStream out) throws IOException {
        return open(compression, level, out, ArrayCache.getDefaultCache());
    }

    /**
     * As {@link #open(Compression, int, OutputStream)}.
     *
     * @param xzArrays where the xz encoder takes its large arrays from and gives them back on close (its
     *     dictionary and match finder: about 94 MiB at level 6, 674 MiB at 9), so that the control member's
     *     encoder reuses the data member's instead of the heap growing by as much again before a
     *     collection; the bytes written do not depend on it
     */
    static OutputStream open(Compression compression, int level, OutputStream out, ArrayCache xzArrays)
            throws IOException {
        OutputStream compressor = switch (compression) {
            case GZIP -> {
                GzipParameters parameters = new GzipParameters();
                parameters.setCompressionLevel(level);
                parameters.setModificationTime(0);
                parameters.setOperatingSystem(GZIP_OS_UNIX);
                yield new GzipCompressorOutputStream(out, parameters);
            }
            case XZ -> new XZOutputStream(out, new LZMA2Options(level), XZ.CHECK_CRC64, xzArrays);
            case ZSTD -> new ZstdOutputStream(out, level)
                    .setChecksum(true)
                    .setWorkers(0)
                    .setCloseFrameOnFlush(false);
            case NONE -> out;
        };
        return new FlushIgnoringOutputStream(compressor);
    }

    /**
     * Swallows {@code flush()}: a flush forwarded to a compressor ends a deflate or LZMA2 block or a zstd
     * block early, which changes the bytes depending on who flushed when. Only {@code close()} ends the
     * member.
     */
    private static final class FlushIgnoringOutputStream extends FilterOutputStream {

        FlushIgnoringOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Deliberately nothing: see the class comment.
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
