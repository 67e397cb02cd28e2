package io.github.wazodeb.deb.archive;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code fakeroot} says of payload entries where it differs from the disk: a step run under fakeroot
 * that calls {@code chmod 0444} or {@code mknod} changes only fakeroot's record, while the file on disk
 * keeps a mode its owner can read (or is an empty regular file). Only the differing entries are kept, so
 * memory does not grow with the payload.
 */
public final class FakedModes {

    /** Nothing is faked: the disk says it all (a build as root, or without fakeroot). */
    public static final FakedModes NONE = new FakedModes(Map.of());

    private final Map<String, Integer> stModeByPath;

    /**
     * @param stModeByPath the whole {@code st_mode} (file type and permission bits) fakeroot reports, by
     *     payload path ('/'-separated, relative, {@code ""} for the root)
     */
    public FakedModes(Map<String, Integer> stModeByPath) {
        this.stModeByPath = Map.copyOf(stModeByPath);
    }

    Optional<Integer> stMode(String path) {
        return Optional.ofNullable(stModeByPath.get(path));
    }
}
