package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of a package as found in a staging directory: every entry, sorted, links kept as links.
 * Immutable.
 */
public final class PayloadTree {

    /** Byte order of the UTF-8 names, as {@code LC_ALL=C sort} orders them: the same on every machine. */
    private static final Comparator<String> UTF8_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private final List<PayloadEntry> entries;

    private PayloadTree(List<PayloadEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Walks root without following links; entries sorted by path (byte order of UTF-8), root first; every
     * parent has its entry; empty directories are kept; a regular file with more than one link whose inode
     * was seen earlier (in that order) becomes a {@link EntryType#HARD_LINK} to the first path.
     *
     * @throws PayloadException for a FIFO, socket or device, or a name a package cannot carry, naming it
     */
    public static PayloadTree scan(Path root) throws IOException {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        List<RawEntry> raw = new ArrayList<>();
        // walkFileTree does not follow links unless asked: a link to a directory is visited as a file.
        Files.walkFileTree(absoluteRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        raw.add(RawEntry.read(absoluteRoot, dir));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        raw.add(RawEntry.read(absoluteRoot, file));
                        return FileVisitResult.CONTINUE;
                    }
                });
        raw.sort(Comparator.comparing(RawEntry::path, UTF8_ORDER));

        List<PayloadEntry> entries = new ArrayList<>(raw.size());
        Map<Object, String> firstPathOfInode = new HashMap<>();
        for (RawEntry entry : raw) {
            entries.add(entry.toPayloadEntry(firstPathOfInode));
        }
        return new PayloadTree(entries);
    }

    public List<PayloadEntry> entries() {
        return entries;
    }

    /**
     * {@code Installed-Size} in KiB, as dpkg-gencontrol computes it (deb-substvars(5)): each regular file
     * and symlink rounded up to whole KiB (a symlink's size is its target's length, an empty file counts
     * 0), 1 for every other entry including the root, and a hard-linked file counted once.
     */
    public long installedSizeKiB() {
        long total = 0;
        for (PayloadEntry entry : entries) {
            total += switch (entry.type()) {
                case REGULAR -> ceilKiB(entry.size());
                case SYMLINK -> ceilKiB(entry.linkTarget().getBytes(StandardCharsets.UTF_8).length);
                case HARD_LINK -> 0;
                case DIRECTORY -> 1;
            };
        }
        return total;
    }

    private static long ceilKiB(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** What one lstat said, before hard links are resolved (that needs the final order). */
    private record RawEntry(String path, int fileType, int mode, long size, Object inode, int links,
            String linkTarget, Path source) {

        static RawEntry read(Path root, Path file) throws IOException {
            String path = relativePath(root, file);
            Map<String, Object> attributes;
            try {
                attributes = Files.readAttributes(file, "unix:mode,size,dev,ino,nlink", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                throw new IOException("cannot read Unix file modes on this platform; a package needs them", e);
            }
            int stMode = (Integer) attributes.get("mode");
            int fileType = stMode & S_IFMT;
            String kind = switch (fileType) {
                case S_IFDIR, S_IFREG, S_IFLNK -> null;
                case S_IFIFO -> "a FIFO (named pipe)";
                case S_IFSOCK -> "a socket";
                case S_IFCHR -> "a character device";
                case S_IFBLK -> "a block device";
                default -> "of unknown type " + Integer.toOctalString(fileType);
            };
            if (kind != null) {
                throw new PayloadException(path, "payload entry \"" + displayName(path) + "\" is " + kind
                        + "; a package can only hold directories, regular files and symbolic links");
            }
            checkName(path);
            String linkTarget = null;
            if (fileType == S_IFLNK) {
                linkTarget = Files.readSymbolicLink(file).toString();
                checkName(path, linkTarget, "symbolic link target");
            }
            Object inode = List.of(attributes.get("dev"), attributes.get("ino"));
            return new RawEntry(path, fileType, stMode & 07777, (Long) attributes.get("size"), inode,
                    (Integer) attributes.get("nlink"), linkTarget, file);
        }

        PayloadEntry toPayloadEntry(Map<Object, String> firstPathOfInode) {
            return switch (fileType) {
                case S_IFDIR -> new PayloadEntry(path, EntryType.DIRECTORY, mode, 0, null, source);
                case S_IFLNK -> new PayloadEntry(path, EntryType.SYMLINK, mode, 0, linkTarget, source);
                default -> {
                    String first = links > 1 ? firstPathOfInode.putIfAbsent(inode, path) : null;
                    yield first == null
                            ? new PayloadEntry(path, EntryType.REGULAR, mode, size, null, source)
                            : new PayloadEntry(path, EntryType.HARD_LINK, mode, 0, first, source);
                }
            };
        }

        private static String relativePath(Path root, Path file) {
            Path relative = root.relativize(file);
            StringBuilder path = new StringBuilder();
            for (Path name : relative) {
                if (!name.toString().isEmpty()) {
                    path.append(path.length() == 0 ? "" : "/").append(name);
                }
            }
            return path.toString();
        }

        private static void checkName(String path) throws PayloadException {
            checkName(path, path, "file name");
        }

        /**
         * The JVM decodes file names with the platform charset and turns bytes it cannot decode into
         * U+FFFD, which would store a different name; a newline cannot be listed in md5sums or dpkg's lists.
         */
        private static void checkName(String path, String name, String what) throws PayloadException {
            if (name.indexOf('\uFFFD') >= 0) {
                throw new PayloadException(path, "the " + what + " of payload entry \"" + displayName(path)
                        + "\" is not valid in the platform charset (" + System.getProperty("sun.jnu.encoding")
                        + "); use UTF-8 names and run Java with a UTF-8 locale (e.g. LANG=C.UTF-8)");
            }
            if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new PayloadException(path, "the " + what + " of payload entry \"" + displayName(path)
                        + "\" contains a line break, which dpkg's file lists cannot hold");
            }
        }

        private static String displayName(String path) {
            return path.isEmpty() ? "." : path;
        }
    }
}
