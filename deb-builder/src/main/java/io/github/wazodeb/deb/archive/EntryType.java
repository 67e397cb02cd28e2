package io.github.wazodeb.deb.archive;

/** What a payload entry is. Anything else (FIFOs, sockets, devices) is refused when scanning. */
public enum EntryType {
    DIRECTORY,
    REGULAR,
    SYMLINK,
    /** A regular file that shares its inode with an earlier entry; stored as a tar hard link to it. */
    HARD_LINK
}
