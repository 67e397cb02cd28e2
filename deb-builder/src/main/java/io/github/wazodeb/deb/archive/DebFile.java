package io.github.wazodeb.deb.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code .deb} that {@link DebArchiveWriter#writeDeb} put in place, complete.
 *
 * @param path where it is
 * @param size its size in bytes
 * @param sha256 its SHA-256, lower-case hex, computed from the bytes as they were written
 */
public record DebFile(Path path, long size, String sha256) {

    public DebFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
