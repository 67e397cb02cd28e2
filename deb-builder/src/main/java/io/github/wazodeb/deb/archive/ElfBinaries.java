package io.github.wazodeb.deb.archive;

import java.util.List;

/**
 * The payload files that start with the ELF magic number: compiled for one architecture, they make an
 * {@code Architecture: all} package work only on machines like the one that built it.
 *
 * @param count how many there are
 * @param firstPaths the first {@link #KEPT} of them in payload order, so that memory stays flat
 */
public record ElfBinaries(long count, List<String> firstPaths) {

    /** How many of a file's first bytes tell whether it is one. */
    static final int HEAD_LENGTH = 4;

    /** How many paths are kept to name in a warning. */
    public static final int KEPT = 10;

    public ElfBinaries {
        firstPaths = List.copyOf(firstPaths);
    }

    /** Collects them as the payload is written. */
    static final class Collector {
        private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};

        private final java.util.ArrayList<String> paths = new java.util.ArrayList<>();
        private long count;

        /** @param head the file's first bytes (fewer for a shorter file) */
        void offer(String path, byte[] head, int length) {
            if (length < MAGIC.length) {
                return;
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (head[i] != MAGIC[i]) {
                    return;
                }
            }
            count++;
            if (paths.size() < KEPT) {
                paths.add(path);
            }
        }

        ElfBinaries result() {
            return new ElfBinaries(count, paths);
        }
    }
}
