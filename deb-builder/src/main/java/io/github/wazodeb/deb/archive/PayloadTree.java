package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of a package as found in a staging directory, read as it is walked: memory grows with the
 * widest directory (by its names' bytes only: 100,000 entries in one directory take a few MiB) and the
 * number of hard-linked files, not with the number of entries.
 */
public final class PayloadTree {

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    /**
     * The longest file name dpkg installs: it unpacks {@code NAME.dpkg-new} first and renames it, and 255
     * bytes is the file system's limit (a 247-byte name builds and then never installs).
     */
    public static final int MAX_NAME_BYTES = 255 - ".dpkg-new".length();
    /** The longest path dpkg installs: {@code /PATH.dpkg-new} and its NUL within the system's PATH_MAX. */
    public static final int MAX_PATH_BYTES = 4096 - "/".length() - ".dpkg-new".length() - 1;
    private static final int PATH_MAX = 4096;

    /** What {@link #walk} calls for every entry. */
    @FunctionalInterface
    public interface Visitor {
        void visit(PayloadEntry entry) throws IOException;
    }

    /** What the package writer's passes are called with: each entry and its file's identity on disk. */
    @FunctionalInterface
    interface StampedVisitor {
        void visit(PayloadEntry entry, EntryStamp stamp) throws IOException;
    }

    private final Path root;
    private final FakedModes faked;
    private final List<KnownContent> known;
    /** The length of the root's path, which comes before every entry's in a system call. */
    private final int rootBytes;

    private PayloadTree(Path root, FakedModes faked, List<KnownContent> known) {
        this.root = root;
        this.rootBytes = root.toString().getBytes(StandardCharsets.UTF_8).length;
        this.faked = faked;
        this.known = List.copyOf(known);
    }

    /** The tree under {@code root}, as the disk says. */
    public static PayloadTree scan(Path root) throws IOException {
        return scan(root, FakedModes.NONE);
    }

    /**
     * The tree under {@code root}, with the modes and file types fakeroot recorded where they differ from
     * the disk.
     *
     * @throws NotDirectoryException when root is not a directory (a link to one included)
     */
    public static PayloadTree scan(Path root, FakedModes faked) throws IOException {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absoluteRoot, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(absoluteRoot.toString());
        }
        return new PayloadTree(absoluteRoot, faked, List.of());
    }

    /**
     * This tree, whose files named in {@code contents} must hold what they say: the package is not written
     * when one reads otherwise (the plugin.yml that was validated, for instance).
     */
    public PayloadTree knowing(List<KnownContent> contents) {
        List<KnownContent> all = new ArrayList<>(known);
        all.addAll(contents);
        return new PayloadTree(root, faked, all);
    }

    /** The staging directory the payload is read from. */
    Path root() {
        return root;
    }

    List<KnownContent> knownContents() {
        return known;
    }

    /**
     * Visits every entry without following links, in the order dpkg-deb writes them: the root first, each
     * directory before what it holds, the entries of a directory in byte order of their UTF-8 names (as
     * {@code LC_ALL=C} sorts them: the same on every machine). Empty directories are visited; a regular
     * file with more than one link whose inode was visited before becomes a {@link EntryType#HARD_LINK} to
     * the first path.
     *
     * @throws PayloadException for a FIFO, socket or device, or a name a package cannot carry, naming it
     * @throws InterruptedIOException the thread was interrupted
     */
    public void walk(Visitor visitor) throws IOException {
        walkStamped((entry, stamp) -> visitor.visit(entry));
    }

    /** As {@link #walk(Visitor)}, with each entry's identity on disk as it was read. */
    void walkStamped(StampedVisitor visitor) throws IOException {
        visit(root, "", visitor, new HashMap<>());
    }

    /** Every entry in {@link #walk} order, in memory: for small trees and tests. */
    public List<PayloadEntry> entries() throws IOException {
        List<PayloadEntry> entries = new ArrayList<>();
        walk(entries::add);
        return entries;
    }

    /**
     * {@code Installed-Size} in KiB, as dpkg-gencontrol computes it (deb-substvars(5)): each regular file
     * and symlink rounded up to whole KiB (a symlink's size is its target's length, an empty file counts
     * 0), 1 for every other entry including the root, and a hard-linked file counted once.
     */
    public long installedSizeKiB() throws IOException {
        InstalledSize size = new InstalledSize();
        walk(size::add);
        return size.kiB();
    }

    private void visit(Path file, String path, StampedVisitor visitor, Map<Object, String> firstPathOfInode)
            throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while reading the payload");
        }
        Map<String, Object> attributes = attributes(file, path);
        EntryStamp stamp = EntryStamp.of(attributes);
        int stMode = faked.stMode(path).orElse((Integer) attributes.get("mode"));
        int fileType = stMode & S_IFMT;
        refuseSpecialFile(path, fileType);
        refuseLineBreak(path, path, "file name");
        int mode = stMode & 07777;
        switch (fileType) {
            case S_IFDIR -> {
                visitor.visit(new PayloadEntry(path, EntryType.DIRECTORY, mode, 0, null, file), stamp);
                byte[][] names = sortedChildNames(file, path);
                for (int i = 0; i < names.length; i++) {
                    String name = new String(names[i], StandardCharsets.UTF_8);
                    names[i] = null; // what was visited need not stay in memory while the rest is
                    visit(FileNames.resolve(file, name), path.isEmpty() ? name : path + "/" + name, visitor,
                            firstPathOfInode);
                }
            }
            case S_IFLNK -> {
                String target = linkTarget(file, path);
                visitor.visit(new PayloadEntry(path, EntryType.SYMLINK, mode, 0, target, file), stamp);
            }
            default -> {
                String first = (Integer) attributes.get("nlink") > 1
                        ? firstPathOfInode.putIfAbsent(List.of(attributes.get("dev"), attributes.get("ino")), path)
                        : null;
                visitor.visit(first == null
                        ? new PayloadEntry(path, EntryType.REGULAR, mode, (Long) attributes.get("size"), null, file)
                        : new PayloadEntry(path, EntryType.HARD_LINK, mode, 0, first, file), stamp);
            }
        }
    }

    private static Map<String, Object> attributes(Path file, String path) throws IOException {
        try {
            return Files.readAttributes(file, "unix:mode,size,dev,ino,nlink,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            // Its directory listed it a moment ago.
            throw PayloadChanges.changed(path);
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot read Unix file modes on this platform; a package needs them", e);
        }
    }

    /**
     * The names in {@code dir}, as UTF-8 bytes in byte order: a directory of 100,000 entries is held as
     * their names' bytes, a few MiB, rather than as paths and strings, several times that.
     */
    private byte[][] sortedChildNames(Path dir, String dirPath) throws IOException {
        List<byte[]> names = new ArrayList<>();
        int prefixBytes = dirPath.isEmpty() ? 0 : dirPath.getBytes(StandardCharsets.UTF_8).length + 1;
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path file : listing) {
                String name;
                try {
                    name = FileNames.utf8Name(file);
                } catch (FileNames.InvalidNameException e) {
                    String shown = dirPath.isEmpty() ? e.shown() : dirPath + "/" + e.shown();
                    throw new PayloadException(shown, "payload entry \"" + FileNames.display(shown)
                            + "\" has a name that is not UTF-8; dpkg and wazo-plugind expect UTF-8 file names");
                }
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                refuseUnpackable(dirPath.isEmpty() ? name : dirPath + "/" + name, utf8.length, prefixBytes);
                names.add(utf8);
            }
        } catch (NoSuchFileException e) {
            throw PayloadChanges.changed(dirPath);
        }
        byte[][] sorted = names.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        return sorted;
    }

    /**
     * A name or path too long for dpkg to unpack (see {@link #MAX_NAME_BYTES}, {@link #MAX_PATH_BYTES}), or
     * to be read at all under the staging folder: refused before anything asks the system about it.
     */
    private void refuseUnpackable(String path, int nameBytes, int prefixBytes) throws PayloadException {
        if (nameBytes > MAX_NAME_BYTES) {
            throw new PayloadException(path, "payload entry \"" + FileNames.display(path) + "\" has a name of "
                    + nameBytes + " bytes, which dpkg cannot install: it unpacks NAME.dpkg-new first, and 255 bytes "
                    + "is the file system's limit; use a name of at most " + MAX_NAME_BYTES + " bytes");
        }
        int pathBytes = prefixBytes + nameBytes;
        if (pathBytes > MAX_PATH_BYTES) {
            throw new PayloadException(path, "payload entry \"" + FileNames.display(path) + "\" has a path of "
                    + pathBytes + " bytes, which dpkg cannot install: it unpacks /PATH.dpkg-new first, and 4096 "
                    + "bytes is the system's limit; use a path of at most " + MAX_PATH_BYTES + " bytes");
        }
        if (rootBytes + 1 + pathBytes >= PATH_MAX) {
            throw new PayloadException(path, "payload entry \"" + FileNames.display(path) + "\" has a path of "
                    + pathBytes + " bytes, too long to be read in the staging folder " + root + " (4096 bytes "
                    + "with it is the system's limit) and close to what dpkg can install: use a shorter path");
        }
    }

    private static String linkTarget(Path link, String path) throws IOException {
        String target;
        try {
            target = FileNames.utf8Target(Files.readSymbolicLink(link));
        } catch (NoSuchFileException | java.nio.file.NotLinkException e) {
            throw PayloadChanges.changed(path);
        } catch (FileNames.InvalidNameException e) {
            throw new PayloadException(path, "the symbolic link target of payload entry \""
                    + FileNames.display(path) + "\" is not UTF-8: " + FileNames.display(e.shown()));
        }
        refuseLineBreak(path, target, "symbolic link target");
        return target;
    }

    private static void refuseSpecialFile(String path, int fileType) throws PayloadException {
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
    }

    /** A newline cannot be listed in md5sums or dpkg's file lists. */
    private static void refuseLineBreak(String path, String name, String what) throws PayloadException {
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new PayloadException(path, "the " + what + " of payload entry \"" + displayName(path)
                    + "\" contains a line break, which dpkg's file lists cannot hold");
        }
    }

    private static String displayName(String path) {
        return path.isEmpty() ? "." : FileNames.display(path);
    }

    /** Sums {@code Installed-Size} as entries go by. */
    static final class InstalledSize {
        private long kiB;

        void add(PayloadEntry entry) {
            kiB += switch (entry.type()) {
                case REGULAR -> ceilKiB(entry.size());
                case SYMLINK -> ceilKiB(entry.linkTarget().getBytes(StandardCharsets.UTF_8).length);
                case HARD_LINK -> 0;
                case DIRECTORY -> 1;
            };
        }

        long kiB() {
            return kiB;
        }

        private static long ceilKiB(long bytes) {
            return (bytes + 1023) / 1024;
        }
    }
}
