package io.github.wazodeb.repo;

import java.util.List;

/**
 * A publish would change what is already published: the same package name and version with other bytes (a
 * published version is immutable, a server may already have installed it), or a pool file no longer holds
 * the bytes its index lists. Nothing was written.
 */
public final class PublishConflictException extends Exception {

    private final List<String> conflicts;

    public PublishConflictException(List<String> conflicts) {
        super(String.join(System.lineSeparator(), conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** One line per conflict, naming the package, its version and both SHA-256 digests. */
    public List<String> conflicts() {
        return conflicts;
    }
}
