package io.github.wazodeb.provd.content;

import io.github.wazodeb.provd.ProvdBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reading one filesystem entry the way a copy keeps it. */
final class FileTrees {

    private FileTrees() {
    }

    static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The folder's children, sorted by name so every build walks them in the same order. */
    static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> children = new ArrayList<>(list.toList());
            children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return children;
        }
    }

    /**
     * The entry for {@code file} at {@code path}, or null for what a copy skips (devices, sockets, pipes).
     * Only the executable bit is kept of a file's mode: it is all git records.
     */
    static ContentEntry entry(Path file, BasicFileAttributes attributes, String path, String origin) throws IOException {
        if (attributes.isSymbolicLink()) {
            return ContentEntry.symlink(path, Files.readSymbolicLink(file).toString(), origin);
        }
        if (attributes.isDirectory()) {
            return ContentEntry.directory(path, origin);
        }
        if (attributes.isRegularFile()) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            boolean executable = mode.contains(PosixFilePermission.OWNER_EXECUTE)
                    || mode.contains(PosixFilePermission.GROUP_EXECUTE) || mode.contains(PosixFilePermission.OTHERS_EXECUTE);
            return ContentEntry.file(path, Files.readAllBytes(file), executable, origin);
        }
        return null;
    }

    /** Everything under {@code folder}, links kept as links, as a plugin's content. */
    static void readAll(Path folder, String prefix, String originPrefix, ContentBuilder into)
            throws IOException, ProvdBuildException {
        for (Path child : children(folder)) {
            String name = child.getFileName().toString();
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            BasicFileAttributes attributes = attributes(child);
            ContentEntry entry = entry(child, attributes, path, originPrefix.isEmpty() ? "" : originPrefix + "/" + path);
            if (entry != null) {
                into.put(entry);
                if (attributes.isDirectory()) {
                    readAll(child, path, originPrefix, into);
                }
            }
        }
    }
}
