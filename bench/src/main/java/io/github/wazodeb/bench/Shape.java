package io.github.wazodeb.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A generated payload, the same bytes on every run and machine for a shape (java.util.Random's sequence for
 * a seed is fixed by its specification): a mix of text and random bytes in nested folders with names over
 * 100 bytes (GNU long-name entries), symbolic links and hard links.
 */
enum Shape {
    /** A typical public plugin: a handful of small files. */
    SMALL("small", 12, 4 * 1024, 2),
    /** Web assets or sounds: ~60 MB. */
    MEDIUM("medium", 600, 100 * 1024, 3),
    /** A large plugin: ~600 MB. */
    LARGE("large", 1200, 500 * 1024, 4),
    /** 100,000 small files. */
    MANY("many", 100_000, 300, 5);

    final String id;
    final int files;
    final int meanFileSize;
    final long seed;

    Shape(String id, int files, int meanFileSize, long seed) {
        this.id = id;
        this.files = files;
        this.meanFileSize = meanFileSize;
        this.seed = seed;
    }

    static Shape of(String id) {
        for (Shape shape : values()) {
            if (shape.id.equals(id)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape " + id + " (small, medium, large, many)");
    }

    /** Writes the payload under {@code root} unless a complete one is already there; returns its size in bytes. */
    long generate(Path root) throws IOException {
        Path done = root.resolveSibling(root.getFileName() + ".done");
        if (Files.exists(done)) {
            return Long.parseLong(Files.readString(done).trim());
        }
        Random random = new Random(seed);
        String[] words = new String[4000];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(random);
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve(folder(i));
            Files.createDirectories(dir);
            Path file = dir.resolve("file-" + i + (i % 3 == 0 ? ".bin" : ".txt"));
            int size = files <= 20 ? meanFileSize : random.nextInt(2 * meanFileSize + 1);
            try (OutputStream out = Files.newOutputStream(file)) {
                int left = size;
                while (left > 0) {
                    int n = Math.min(left, buffer.length);
                    if (i % 3 == 0) {
                        random.nextBytes(buffer);
                    } else {
                        fillText(buffer, n, random, words);
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            total += size;
            if (i % 50 == 7) {
                Files.createSymbolicLink(dir.resolve("link-" + i), file.getFileName());
            }
            if (i % 97 == 11) {
                Files.createLink(dir.resolve("hard-" + i), file);
            }
        }
        Files.writeString(done, Long.toString(total));
        return total;
    }

    /** Nested folders, some with a name long enough to push the path past tar's 100 bytes. */
    private String folder(int i) {
        int top = i % Math.max(1, Math.min(50, files / 20));
        String path = "d" + top + "/sub" + (i / 1000);
        if (top % 5 == 0) {
            path += "/a-rather-long-folder-name-that-makes-this-path-longer-than-one-hundred-bytes-in-the-tar-header";
        }
        return path;
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int j = 2 + random.nextInt(8); j > 0; j--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static void fillText(byte[] buffer, int length, Random random, String[] words) {
        int at = 0;
        while (at < length) {
            byte[] word = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(word.length, length - at);
            System.arraycopy(word, 0, buffer, at, n);
            at += n;
            if (at < length) {
                buffer[at++] = (byte) (random.nextInt(12) == 0 ? '\n' : ' ');
            }
        }
    }
}
