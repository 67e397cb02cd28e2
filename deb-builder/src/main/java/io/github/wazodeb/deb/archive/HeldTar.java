package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small payload's uncompressed tar, held in memory in pieces of a fixed size (no doubling copies as a
 * growing array makes), until the package is written. The tar is compressed only then, when it is known to
 * fit: giving up on a payload found too large midway costs a read of it, not its compression. It is handed
 * to the compressor in the tar's own blocks, as a streamed tar is, so the compressed bytes are the same.
 */
final class HeldTar extends OutputStream {

    private static final int BLOCK = GnuTarWriter.RECORD_SIZE;
    /** 250 KiB: under half of G1's smallest region, so no piece is a humongous object in a small heap. */
    private static final int PIECE = BLOCK * 25;

    private final List<byte[]> pieces = new ArrayList<>();
    private final long limit;
    private int used = PIECE;
    private long size;

    /** @param limit the most bytes it takes: one more is {@link TooLarge} */
    HeldTar(long limit) {
        this.limit = limit;
    }

    long size() {
        return size;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (size + length > limit) {
            throw new TooLarge();
        }
        while (length > 0) {
            if (used == PIECE) {
                pieces.add(new byte[PIECE]);
                used = 0;
            }
            int taken = Math.min(length, PIECE - used);
            System.arraycopy(bytes, offset, pieces.get(pieces.size() - 1), used, taken);
            used += taken;
            offset += taken;
            length -= taken;
            size += taken;
        }
    }

    /** Writes the tar to {@code out} one tar block at a time. */
    void writeTo(OutputStream out) throws IOException {
        long left = size;
        for (byte[] piece : pieces) {
            for (int at = 0; at < PIECE && left > 0; at += BLOCK) {
                int length = (int) Math.min(BLOCK, left);
                out.write(piece, at, length);
                left -= length;
            }
        }
    }

    /** The tar passed the limit: the payload is read twice instead. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the payload's tar is larger than what is held in memory");
        }
    }
}
