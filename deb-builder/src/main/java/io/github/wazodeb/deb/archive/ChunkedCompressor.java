package io.github.wazodeb.deb.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Cuts what is written into chunks of a fixed size and compresses them on all cores, writing the results
 * in order. The chunk size depends only on the compression and level, never on the number of cores, so
 * the bytes are the same on any machine; one core compresses the chunks one after the other in the
 * caller's thread.
 *
 * <p>At most one chunk per core plus one is in flight, so memory is bounded by the chunk size, not by the
 * input. Not thread-safe; closing it writes the last chunk, the codec's trailer and closes {@code out}.
 */
final class ChunkedCompressor extends OutputStream {

    /** What a chunk becomes, and what goes before the first and after the last. */
    interface Codec {
        void start(OutputStream out) throws IOException;

        /**
         * Compresses {@code length} bytes of {@code chunk} into {@code compressed}, which is empty; called
         * from any thread, concurrently.
         */
        void compress(byte[] chunk, int length, Output compressed) throws IOException;

        /** Writes what {@link #compress} made to {@code out}; called in chunk order. */
        void write(Output compressed, int uncompressedLength, OutputStream out) throws IOException;

        void finish(OutputStream out) throws IOException;
    }

    /**
     * A compressed chunk, its array reused from chunk to chunk so that the garbage collector does not
     * see megabytes a chunk (the heap, and the process's memory, would grow with the payload until a
     * collection).
     */
    static final class Output extends ByteArrayOutputStream {
        Output(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static final int FIRST_BUFFER = 1 << 16;

    private final OutputStream out;
    private final Codec codec;
    private final int chunkSize;
    private final int cores;
    /** Started with the second chunk: a member of one chunk (a control member, a small plugin) is
     *  compressed in the caller's thread without starting any. */
    private ExecutorService executor;
    private final int maxInFlight;
    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private final Deque<byte[]> spareBuffers = new ArrayDeque<>();
    private final Deque<Output> spareOutputs = new ArrayDeque<>();
    private byte[] buffer;
    private int filled;
    private boolean anyChunk;
    private boolean closed;

    private record Pending(Future<Output> compressed, byte[] buffer, int length) {
    }

    ChunkedCompressor(OutputStream out, Codec codec, int chunkSize) throws IOException {
        this.out = out;
        this.codec = codec;
        this.chunkSize = chunkSize;
        this.cores = Runtime.getRuntime().availableProcessors();
        this.maxInFlight = cores + 1;
        codec.start(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (buffer == null) {
                buffer = spareBuffers.isEmpty() ? new byte[Math.min(chunkSize, FIRST_BUFFER)] : spareBuffers.pop();
            }
            if (filled == buffer.length) {
                // Grown as needed: a small member never allocates (and zeroes) a whole 24 MiB chunk.
                buffer = Arrays.copyOf(buffer, (int) Math.min(chunkSize, 2L * buffer.length));
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == chunkSize) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] chunk = buffer == null ? new byte[0] : buffer;
        int length = filled;
        buffer = null;
        filled = 0;
        boolean first = !anyChunk;
        anyChunk = true;
        if (executor == null && cores > 1 && !(first && last)) {
            executor = Workers.onEveryCore("wazo-deb-compressor");
        }
        Output compressed = spareOutputs.isEmpty() ? new Output(length / 2 + 1024) : spareOutputs.pop();
        compressed.reset();
        if (executor == null) {
            codec.compress(chunk, length, compressed);
            emit(compressed, length);
            recycle(chunk);
            return;
        }
        inFlight.add(new Pending(executor.submit(() -> {
            codec.compress(chunk, length, compressed);
            return compressed;
        }), chunk, length));
        while (inFlight.size() >= maxInFlight) {
            drainOne();
        }
    }

    private void drainOne() throws IOException {
        Pending pending = inFlight.poll();
        emit(Workers.await(pending.compressed(), "compressing"), pending.length());
        recycle(pending.buffer());
    }

    private void emit(Output compressed, int length) throws IOException {
        codec.write(compressed, length, out);
        spareOutputs.push(compressed);
    }

    private void recycle(byte[] chunk) {
        if (chunk.length == chunkSize) {
            spareBuffers.push(chunk);
        }
    }

    /** Deliberately nothing: a chunk ends at its fixed size only, whoever flushes when. */
    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (filled > 0 || !anyChunk) {
                submit(true);
            }
            while (!inFlight.isEmpty()) {
                drainOne();
            }
            codec.finish(out);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
            spareBuffers.clear();
            spareOutputs.clear();
            out.close();
        }
    }
}
