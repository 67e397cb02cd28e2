package io.github.wazodeb.deb.archive;

import java.util.Objects;

/**
 * The MD5 of one regular file of the payload.
 *
 * @param path as in {@link PayloadEntry#path()}
 * @param md5Hex 32 lower-case hex digits
 */
public record FileDigest(String path, String md5Hex) {

    public FileDigest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(md5Hex, "md5Hex");
    }
}
