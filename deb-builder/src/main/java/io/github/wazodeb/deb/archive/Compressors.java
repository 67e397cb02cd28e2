package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.tukaani.xz.ArrayCache;

/**
 * Opens the compressor for a tar member, configured so that the same input always gives the same bytes,
 * whatever the number of cores, and using all of them. dpkg 1.21 reads every member of a gzip file but
 * only the first xz stream and the first zstd frame: so gzip is a series of members compressed at the
 * same time ({@link GzipChunks}), xz one stream of blocks compressed at the same time ({@link XzChunks}),
 * zstd one frame from libzstd's own workers. The chunk sizes depend on the compression and level only.
 */
final class Compressors {

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
            case GZIP -> new ChunkedCompressor(out, new GzipChunks(level), GzipChunks.CHUNK_SIZE);
            case XZ -> new ChunkedCompressor(out, new XzChunks(level, xzArrays), XzChunks.chunkSize(level));
            case ZSTD -> ZstdMembers.open(level, out);
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
