package io.github.wazodeb.deb.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * One xz stream made of independent blocks, one per chunk, compressed at the same time: dpkg reads only
 * the first xz stream of a member, so the parallelism has to be inside it, as {@code xz -T} does.
 *
 * <p>Each chunk is compressed by org.tukaani.xz into a stream of its own, of one block; its block is cut
 * out and the records of its index (unpadded and uncompressed sizes) are kept, and this class writes the
 * one stream header, the blocks, and an index and footer covering them all (the .xz file format 1.0.4,
 * sections 2.1 and 4). xz-java 1.10 has no multi-threaded encoder and no public index writer, hence the
 * few lines here. A member of one chunk comes out byte for byte as XZOutputStream writes it.
 *
 * <p>The dictionary is never larger than the chunk: a small member does not allocate the level's 8 MiB
 * window and its match finder (about 94 MiB at level 6).
 */
final class XzChunks implements ChunkedCompressor.Codec {

    private static final byte[] HEADER_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] FOOTER_MAGIC = {'Y', 'Z'};
    private static final byte[] STREAM_FLAGS = {0, XZ.CHECK_CRC64};
    private static final int HEADER_SIZE = 12;
    private static final int FOOTER_SIZE = 12;
    private static final int MIN_CHUNK = 1 << 20;
    private static final int MAX_CHUNK = 24 << 20;

    private final int level;
    private final ArrayCache arrays;
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private long recordCount;

    XzChunks(int level, ArrayCache arrays) {
        this.level = level;
        this.arrays = arrays;
    }

    /**
     * Three times the level's dictionary, as {@code xz -T} sizes its blocks, within 1 to 24 MiB: a
     * function of the level only.
     */
    static int chunkSize(int level) throws IOException {
        long size = 3L * new LZMA2Options(level).getDictSize();
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, size));
    }

    /** Where a writer's xz encoders take their large arrays from; created here so that org.tukaani.xz is
     *  loaded only by a build that uses xz. */
    static ArrayCache newArrayCache() {
        return new BasicArrayCache();
    }

    @Override
    public void start(OutputStream out) throws IOException {
        out.write(HEADER_MAGIC);
        out.write(STREAM_FLAGS);
        writeCrc32(out, STREAM_FLAGS, 0, STREAM_FLAGS.length);
    }

    @Override
    public void compress(byte[] chunk, int length, ChunkedCompressor.Output stream) throws IOException {
        LZMA2Options options = new LZMA2Options(level);
        options.setDictSize(Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), length)));
        try (XZOutputStream xz = new XZOutputStream(stream, options, XZ.CHECK_CRC64, arrays)) {
            xz.write(chunk, 0, length);
        }
    }

    /** Writes the chunk's block and keeps its index record. */
    @Override
    public void write(ChunkedCompressor.Output compressed, int uncompressedLength, OutputStream out)
            throws IOException {
        byte[] stream = compressed.bytes();
        int indexStart = indexStart(stream, compressed.size());
        out.write(stream, HEADER_SIZE, indexStart - HEADER_SIZE);
        int at = indexStart + 1; // the index indicator, 0x00
        long[] value = new long[1];
        at = readVli(stream, at, value);
        for (long i = 0; i < value[0]; i++) {
            int recordStart = at;
            at = readVli(stream, at, new long[1]);
            at = readVli(stream, at, new long[1]);
            records.write(stream, recordStart, at - recordStart);
            recordCount++;
        }
    }

    @Override
    public void finish(OutputStream out) throws IOException {
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        index.write(0);
        writeVli(index, recordCount);
        records.writeTo(index);
        while (index.size() % 4 != 0) {
            index.write(0);
        }
        byte[] indexBytes = index.toByteArray();
        out.write(indexBytes);
        writeCrc32(out, indexBytes, 0, indexBytes.length);

        long backwardSize = (indexBytes.length + 4) / 4 - 1;
        byte[] footerFields = {
            (byte) backwardSize, (byte) (backwardSize >>> 8), (byte) (backwardSize >>> 16), (byte) (backwardSize >>> 24),
            STREAM_FLAGS[0], STREAM_FLAGS[1],
        };
        writeCrc32(out, footerFields, 0, footerFields.length);
        out.write(footerFields);
        out.write(FOOTER_MAGIC);
    }

    private static int indexStart(byte[] stream, int length) throws IOException {
        if (length < HEADER_SIZE + FOOTER_SIZE) {
            throw new IOException("the xz encoder wrote a stream of " + length + " bytes");
        }
        int footer = length - FOOTER_SIZE;
        long backwardSize = (stream[footer + 4] & 0xFFL) | (stream[footer + 5] & 0xFFL) << 8
                | (stream[footer + 6] & 0xFFL) << 16 | (stream[footer + 7] & 0xFFL) << 24;
        long indexStart = footer - (backwardSize + 1) * 4;
        if (indexStart < HEADER_SIZE || stream[(int) indexStart] != 0) {
            throw new IOException("the xz encoder wrote a stream whose index cannot be found");
        }
        return (int) indexStart;
    }

    private static int readVli(byte[] bytes, int at, long[] value) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        value[0] = result;
        return at;
    }

    private static void writeVli(ByteArrayOutputStream out, long value) {
        while (value >= 0x80) {
            out.write((int) (value | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeCrc32(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        long value = crc.getValue();
        out.write(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }
}
