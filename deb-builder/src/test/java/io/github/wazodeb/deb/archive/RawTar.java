package io.github.wazodeb.deb.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Walks the 512-byte headers of an uncompressed tar, independently of any tar library. */
final class RawTar {

    record Header(char typeflag, String name, long size, String magic) {
    }

    private RawTar() {
    }

    /** Every header up to the first all-zero block or the end of {@code tar} (which may be a prefix), long-name and long-link entries included. */
    static List<Header> headers(byte[] tar) {
        List<Header> headers = new ArrayList<>();
        long offset = 0;
        while (offset + 512 <= tar.length && !isZero(tar, (int) offset)) {
            int at = (int) offset;
            String name = cString(tar, at, 100);
            long size = number(tar, at + 124, 12);
            char typeflag = (char) tar[at + 156];
            String magic = new String(tar, at + 257, 8, StandardCharsets.ISO_8859_1);
            headers.add(new Header(typeflag, name, size, magic));
            offset += 512 + (size + 511) / 512 * 512;
        }
        return headers;
    }

    /** Offset of the first all-zero header block, i.e. where the end-of-archive marker starts. */
    static int endOfEntries(byte[] tar) {
        int offset = 0;
        while (offset + 512 <= tar.length && !isZero(tar, offset)) {
            long size = number(tar, offset + 124, 12);
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return offset;
    }

    /** An octal field, or a GNU/star base-256 one (high bit of the first byte set). */
    static long number(byte[] tar, int offset, int length) {
        if ((tar[offset] & 0x80) != 0) {
            long value = tar[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (tar[offset + i] & 0xff);
            }
            return value;
        }
        String text = cString(tar, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    static boolean isZero(byte[] bytes, int offset) {
        for (int i = offset; i < offset + 512; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}
