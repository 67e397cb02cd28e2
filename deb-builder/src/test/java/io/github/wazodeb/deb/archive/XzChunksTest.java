package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/** The xz stream assembled from blocks compressed apart: what org.tukaani.xz itself writes and reads. */
class XzChunksTest {

    @Test
    void aMemberOfOneChunkIsByteForByteWhatXzOutputStreamWrites() throws IOException {
        byte[] input = text(300_000);

        LZMA2Options options = new LZMA2Options(6);
        options.setDictSize(input.length);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(expected, options, XZ.CHECK_CRC64)) {
            xz.write(input);
        }

        assertThat(compress(input, 6)).isEqualTo(expected.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, (1 << 20) - 1, 1 << 20, (3 << 20) + 17})
    void aStreamOfManyChunksReadsBackAsOneStream(int length) throws IOException {
        byte[] input = text(length);

        byte[] stream = compress(input, 0);

        // SingleXZInputStream refuses anything after the first stream and checks the index against the blocks.
        try (InputStream in = new SingleXZInputStream(new ByteArrayInputStream(stream))) {
            assertThat(in.readAllBytes()).isEqualTo(input);
        }
    }

    @Test
    void chunksAreSizedByTheLevelAlone() throws IOException {
        assertThat(XzChunks.chunkSize(0)).isEqualTo(1 << 20);
        assertThat(XzChunks.chunkSize(6)).isEqualTo(24 << 20);
        assertThat(XzChunks.chunkSize(9)).isEqualTo(24 << 20);
    }

    private static byte[] compress(byte[] input, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream xz = Compressors.open(Compression.XZ, level, out, ArrayCache.getDefaultCache())) {
            xz.write(input);
        }
        return out.toByteArray();
    }

    private static byte[] text(int length) {
        Random random = new Random(length);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (random.nextInt(7) == 0 ? ' ' : 'a' + random.nextInt(12));
        }
        return bytes;
    }
}
