package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * gzip as a series of members, one per chunk: gzip(1) and dpkg read every member of a file and
 * concatenate what they hold, so the chunks can be compressed at the same time. A member's deflate
 * window starts empty, which costs a fraction of a percent in size at 4 MiB per member.
 */
final class GzipChunks implements ChunkedCompressor.Codec {

    /** Fixed, so the bytes never depend on the number of cores. */
    static final int CHUNK_SIZE = 4 << 20;

    /** What {@code gzip -n} writes on Unix; fixed so the header never depends on the machine. */
    private static final int GZIP_OS_UNIX = 3;

    private final int level;

    GzipChunks(int level) {
        this.level = level;
    }

    @Override
    public void start(OutputStream out) {
    }

    @Override
    public void compress(byte[] chunk, int length, ChunkedCompressor.Output member) throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(level);
        parameters.setModificationTime(0);
        parameters.setOperatingSystem(GZIP_OS_UNIX);
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(member, parameters)) {
            gzip.write(chunk, 0, length);
        }
    }

    @Override
    public void write(ChunkedCompressor.Output member, int uncompressedLength, OutputStream out) throws IOException {
        member.writeTo(out);
    }

    @Override
    public void finish(OutputStream out) {
    }
}
