package io.github.wazodeb.deb.archive;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * zstd's encoder, apart from {@link Compressors} so that zstd-jni (and its native library) is loaded only
 * by a build that uses zstd.
 */
final class ZstdMembers {

    private ZstdMembers() {
    }

    /**
     * One frame from libzstd's workers: it writes the same frame for any number of workers from 1 up (never
     * 0, its single-threaded mode, which lays the frame out differently).
     */
    static OutputStream open(int level, OutputStream out) throws IOException {
        return new ZstdOutputStream(out, level)
                .setChecksum(true)
                .setWorkers(Runtime.getRuntime().availableProcessors())
                .setCloseFrameOnFlush(false);
    }
}
