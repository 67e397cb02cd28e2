package io.github.wazodeb.deb.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of the payload, relative to the staging root.
 *
 * @param path '/'-separated, without a leading {@code ./} or {@code /}; {@code ""} for the root itself;
 *     directories without a trailing '/'
 * @param type what it is
 * @param mode permission bits including setuid, setgid and sticky ({@code st_mode & 07777})
 * @param size bytes for {@link EntryType#REGULAR}, 0 otherwise
 * @param linkTarget for {@link EntryType#SYMLINK} the target as stored (never followed); for
 *     {@link EntryType#HARD_LINK} the path of the first entry with the same inode; otherwise {@code null}
 * @param source the absolute path on disk
 */
public record PayloadEntry(String path, EntryType type, int mode, long size, String linkTarget, Path source) {

    public PayloadEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (path.startsWith("/") || path.startsWith("./") || path.endsWith("/")) {
            throw new IllegalArgumentException("payload path \"" + path + "\" must be relative, without './' or a trailing '/'");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " of \"" + path
                    + "\" has bits outside 07777");
        }
        if (size < 0 || (size != 0 && type != EntryType.REGULAR)) {
            throw new IllegalArgumentException("size " + size + " is wrong for " + type + " \"" + path + "\"");
        }
        boolean isLink = type == EntryType.SYMLINK || type == EntryType.HARD_LINK;
        if (isLink != (linkTarget != null)) {
            throw new IllegalArgumentException(type + " \"" + path + "\" " + (isLink ? "needs" : "cannot have")
                    + " a link target");
        }
    }

    /** The name in a tar member: {@code ./} for the root, {@code ./path} else, directories ending in '/'. */
    String tarName() {
        if (path.isEmpty()) {
            return "./";
        }
        return type == EntryType.DIRECTORY ? "./" + path + "/" : "./" + path;
    }
}
