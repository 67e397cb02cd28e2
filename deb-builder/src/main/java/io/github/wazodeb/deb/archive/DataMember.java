package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A compressed {@code data.tar} written by {@link DebArchiveWriter#writeData}. The caller owns
 * {@code file} and deletes it once the package is written.
 *
 * @param file the compressed tar, a temporary file
 * @param compression how it is compressed
 * @param md5sumsFile the md5sums control file: {@code "<md5>  <path>\n"} per regular file (hard links
 *     included), in payload order
 * @param installedSizeKiB the payload's {@code Installed-Size}
 * @param elfBinaries the ELF files of the payload (executables, libraries): their count and the first
 *     few paths, which a package of {@code Architecture: all} should not hold
 */
public record DataMember(Path file, Compression compression, byte[] md5sumsFile, long installedSizeKiB,
        ElfBinaries elfBinaries) {

    public DataMember {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(md5sumsFile, "md5sumsFile");
        Objects.requireNonNull(elfBinaries, "elfBinaries");
    }
}
