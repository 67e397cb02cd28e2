package io.github.wazodeb.repo;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish or a promotion did to one suite. Each entry's {@link PackageEntry#fileName()} is its pool path.
 *
 * @param suite the suite changed
 * @param added the packages the suite lists now and did not before
 * @param alreadyListed the packages it already listed with the same bytes: nothing to do for them
 * @param dropped the versions {@code --keep} took out of the suite
 * @param poolFilesRemoved the pool files of dropped versions no suite lists any more, deleted
 * @param written the files written (pool files, then index files in the order they were put in place); empty
 *     when there was nothing to do
 * @param signedBy the fingerprint of the key that signed, or empty when unsigned
 */
public record PublishResult(String suite, List<PackageEntry> added, List<PackageEntry> alreadyListed,
        List<PackageEntry> dropped, List<Path> poolFilesRemoved, List<Path> written, String signedBy) {

    public PublishResult {
        added = List.copyOf(added);
        alreadyListed = List.copyOf(alreadyListed);
        dropped = List.copyOf(dropped);
        poolFilesRemoved = List.copyOf(poolFilesRemoved);
        written = List.copyOf(written);
    }

    /** Whether the repository changed at all. */
    public boolean changed() {
        return !written.isEmpty() || !poolFilesRemoved.isEmpty();
    }

    public boolean signed() {
        return !signedBy.isEmpty();
    }
}
