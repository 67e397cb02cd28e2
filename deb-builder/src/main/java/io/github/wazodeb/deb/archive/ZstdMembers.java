package io.github.wazodeb.deb.archive;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * zstd's encoder, apart from {@link Compressors} so that zstd-jni (and its native library) is loaded only
 * by a build that uses zstd.
 */
final class ZstdMembers {

    /** What is handed to libzstd at a time: tar's 10 KiB records one by one cost twice the CPU time. */
    private static final int BATCH = 1 << 20;
    /**
     * What each of libzstd's workers compresses at a time. Its default at level 3 (8 MiB, with as much again
     * for the output) held 40 MiB more of native memory on two cores, for a size smaller by a thousandth;
     * fixed, as the bytes depend on it.
     */
    private static final int JOB_SIZE = 2 << 20;

    private ZstdMembers() {
    }

    /**
     * One frame from libzstd's workers: it writes the same frame for any number of workers from 1 up (never
     * 0, its single-threaded mode, which lays the frame out differently).
     */
    static OutputStream open(int level, OutputStream out) throws IOException {
        return new Batching(new ZstdOutputStream(out, level)
                .setChecksum(true)
                .setWorkers(Runtime.getRuntime().availableProcessors())
                .setJobSize(JOB_SIZE)
                .setCloseFrameOnFlush(false));
    }

    /**
     * Hands the bytes on in batches, and never flushes: a flush would end a zstd block early and change
     * the frame (java.io.BufferedOutputStream flushes on close).
     */
    private static final class Batching extends FilterOutputStream {
        private final byte[] batch = new byte[BATCH];
        private int filled;

        Batching(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, batch.length - filled);
                System.arraycopy(bytes, offset, batch, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == batch.length) {
                    out.write(batch, 0, filled);
                    filled = 0;
                }
            }
        }

        @Override
        public void flush() {
            // Deliberately nothing: see the class comment.
        }

        @Override
        public void close() throws IOException {
            if (filled > 0) {
                out.write(batch, 0, filled);
                filled = 0;
            }
            out.close();
        }
    }
}
