package io.github.wazodeb.repo;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link AptRepository#write()} did.
 *
 * @param packages the packages listed, in index order
 * @param written the index files written, in the order they were put in place
 * @param removed signature files of an earlier signed run, removed because they no longer match
 *     {@code Release}
 * @param signedBy the fingerprint of the key that signed, or empty when unsigned
 */
public record RepositoryIndex(List<PackageEntry> packages, List<Path> written, List<Path> removed, String signedBy) {

    public RepositoryIndex {
        packages = List.copyOf(packages);
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    public boolean signed() {
        return !signedBy.isEmpty();
    }
}
