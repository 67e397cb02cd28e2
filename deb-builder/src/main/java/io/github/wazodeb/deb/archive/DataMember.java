package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A compressed {@code data.tar} written by {@link DebArchiveWriter#writeData}. The caller owns
 * {@code file} and deletes it once the package is written.
 *
 * @param file the compressed tar, a temporary file
 * @param compression how it is compressed
 * @param md5sums one digest per regular file (hard links included), in payload order
 * @param installedSizeKiB the payload's {@code Installed-Size}
 */
public record DataMember(Path file, Compression compression, List<FileDigest> md5sums, long installedSizeKiB) {

    public DataMember {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(compression, "compression");
        md5sums = List.copyOf(md5sums);
    }

    /** The md5sums control file: {@code "<md5>  <path>\n"} per regular file (hard links included), in
     *  payload order. */
    public byte[] md5sumsFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FileDigest digest : md5sums) {
            out.writeBytes((digest.md5Hex() + "  " + digest.path() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
