package io.github.wazodeb.deb.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A payload file whose bytes are known before the payload is read, such as the plugin.yml that was
 * validated: the package is written only if the file reads as those bytes.
 *
 * @param path the entry, as {@link PayloadEntry#path()} gives it
 * @param md5Hex the MD5 of the bytes it must hold, lower-case hex as in md5sums
 */
public record KnownContent(String path, String md5Hex) {

    public KnownContent {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(md5Hex, "md5Hex");
    }

    /** The file at {@code path} must hold {@code bytes}. */
    public static KnownContent of(String path, byte[] bytes) {
        try {
            return new KnownContent(path, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
