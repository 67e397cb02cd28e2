package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What {@link DebArchiveWriter#writeData} found in a payload, for the control member; the payload itself
 * goes into the package, tar'd and compressed, when {@link DebArchiveWriter#writeDeb} writes it.
 *
 * @param tree the payload
 * @param compression how its tar will be compressed
 * @param md5sums the md5sums control file: {@code "<md5>  <path>\n"} per regular file (hard links
 *     included), in payload order
 * @param installedSizeKiB the payload's {@code Installed-Size}
 * @param elfBinaries the ELF files of the payload (executables, libraries): their count and the first
 *     few paths, which a package of {@code Architecture: all} should not hold
 * @param layout a digest of every entry's path, type, mode and size in walk order, to find a payload that
 *     changed between this pass and the one that writes it
 */
public record DataMember(PayloadTree tree, Compression compression, ControlMember.Content md5sums,
        long installedSizeKiB, ElfBinaries elfBinaries, String layout) {

    public DataMember {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(md5sums, "md5sums");
        Objects.requireNonNull(elfBinaries, "elfBinaries");
        Objects.requireNonNull(layout, "layout");
    }

    /** The md5sums control file's bytes, read into memory. */
    public byte[] md5sumsFile() {
        try {
            return md5sums.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
