package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Deletes a directory tree without following symbolic links, even where a rules step left directories
 * without write permission (a plugin may install read-only directories into its payload), however deep
 * the tree and however long its paths.
 *
 * <p>Written by hand because no library in the build removes a tree without whole paths:
 * {@code Files.walkFileTree} (and commons-io) hand every entry to the kernel as a path from the root, and a
 * payload 10,000 directories deep, or a staging folder deep in a long temporary directory, has paths over
 * the kernel's 4,096 bytes ("File name too long"). This walk works relative to open directories instead
 * ({@link SecureDirectoryStream}: {@code openat}, {@code unlinkat}, {@code fstatat} on Linux), so no path
 * it hands the kernel is longer than one name. It holds at most {@value #OPEN_LEVELS} directories open (a
 * deep tree would otherwise exhaust the process's file descriptors): deeper down, the directories above
 * are closed and opened again through {@code ..} on the way back up, checked to be the same directory.
 *
 * <p>Something may still be writing into the tree (a process a step left behind): a directory that is
 * not empty when its turn comes is walked again, a few times, before the removal gives up; what is left
 * then is the next build's to sweep ({@link Staging}).
 */
public final class TreeRemover {

    /** Directories held open at once; two file descriptors each. */
    static final int OPEN_LEVELS = 64;
    /** Walks over a tree that something keeps writing into before giving up. */
    private static final int PASSES = 5;
    private static final long PAUSE_BETWEEN_PASSES_MILLIS = 50;
    private static final Path PARENT = Path.of("..");
    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private TreeRemover() {
    }

    /**
     * Removes {@code root} and everything under it; nothing when it does not exist.
     *
     * @throws IOException an entry cannot be removed, or the tree kept changing over every pass
     */
    public static void remove(Path root) throws IOException {
        Path absolute = root.toAbsolutePath();
        DirectoryNotEmptyException stillWritten = null;
        for (int pass = 0; pass < PASSES; pass++) {
            try {
                removeOnce(absolute);
                return;
            } catch (DirectoryNotEmptyException e) {
                stillWritten = e;
                pause(pass);
            }
        }
        throw stillWritten;
    }

    private static void removeOnce(Path root) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isDirectory()) {
            Files.deleteIfExists(root);
            return;
        }
        makeAccessible(root);
        DirectoryStream<Path> stream;
        try {
            stream = Files.newDirectoryStream(root);
        } catch (NoSuchFileException e) {
            return;
        }
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            new RelativeWalk(root, secure).empty();
        } else {
            stream.close();
            emptyByPaths(root);
        }
        try {
            Files.delete(root);
        } catch (NoSuchFileException e) {
            // Removed meanwhile by another build's sweep: gone either way.
        }
    }

    /** A depth-first walk that deletes each entry once its directory's listing reaches it. */
    private static final class RelativeWalk {

        private final Path root;
        private final List<Level> levels = new ArrayList<>();

        RelativeWalk(Path root, SecureDirectoryStream<Path> stream) throws IOException {
            this.root = root;
            levels.add(Level.open(null, stream));
        }

        void empty() throws IOException {
            try {
                while (!levels.isEmpty()) {
                    Level level = levels.get(levels.size() - 1);
                    if (level.entries.hasNext()) {
                        removeOrEnter(level, level.entries.next().getFileName());
                    } else {
                        leave(level);
                    }
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause(); // a listing that failed half-way
            } finally {
                for (Level level : levels) {
                    level.close();
                }
            }
        }

        private void removeOrEnter(Level level, Path name) throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = level.stream.getFileAttributeView(name, BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException e) {
                return;
            }
            if (!attributes.isDirectory()) {
                deleteIgnoringMissing(() -> level.stream.deleteFile(name));
                return;
            }
            SecureDirectoryStream<Path> child = openAccessible(level, name);
            if (child == null) {
                return;
            }
            levels.add(Level.open(name, child));
            if (levels.size() > OPEN_LEVELS) {
                levels.get(levels.size() - 1 - OPEN_LEVELS).close();
            }
        }

        /** The directory is empty: delete it from its parent, reopened through ".." if it was closed. */
        private void leave(Level level) throws IOException {
            levels.remove(levels.size() - 1);
            if (levels.isEmpty()) {
                level.close();
                return;
            }
            Level parent = levels.get(levels.size() - 1);
            if (parent.stream == null) {
                parent.reopenFrom(level.stream);
            }
            level.close();
            deleteIgnoringMissing(() -> parent.stream.deleteDirectory(level.name));
        }

        /**
         * Opens a subdirectory, first giving its owner read, write and search permission if it lacks them.
         * A directory the owner may not read cannot be opened to change its mode from inside, and the JDK
         * changes another entry's mode by opening it: such a directory's mode is set through its whole path,
         * which serves any tree but one both unreadable and deeper than the kernel's path limit.
         */
        private SecureDirectoryStream<Path> openAccessible(Level level, Path name) throws IOException {
            SecureDirectoryStream<Path> child;
            try {
                child = level.stream.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException closed) {
                try {
                    makeAccessible(wholePath(name));
                    child = level.stream.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    return null;
                } catch (IOException e) {
                    closed.addSuppressed(e);
                    throw closed;
                }
            }
            PosixFileAttributeView own = child.getFileAttributeView(PosixFileAttributeView.class);
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(own.readAttributes().permissions());
            if (permissions.addAll(OWNER_ALL)) {
                own.setPermissions(permissions);
            }
            return child;
        }

        /** The path from the root: built only when needed, as holding one per level costs depth squared. */
        private Path wholePath(Path name) {
            Path path = root;
            for (Level level : levels.subList(1, levels.size())) {
                path = path.resolve(level.name);
            }
            return path.resolve(name);
        }
    }

    /** One directory of the walk: open with its listing under way, or closed to spare descriptors. */
    private static final class Level {

        /** The name in its parent; {@code null} for the root. */
        final Path name;
        /** The directory's identity (device and inode), to recognise it when reopened through "..". */
        final Object key;
        SecureDirectoryStream<Path> stream;
        Iterator<Path> entries;

        private Level(Path name, SecureDirectoryStream<Path> stream, Object key) {
            this.name = name;
            this.stream = stream;
            this.entries = stream.iterator();
            this.key = key;
        }

        /** The level of an open directory; the stream is closed if its identity cannot be read. */
        static Level open(Path name, SecureDirectoryStream<Path> stream) throws IOException {
            try {
                return new Level(name, stream, identity(stream));
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }

        static Object identity(SecureDirectoryStream<Path> stream) throws IOException {
            return stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        }

        /**
         * Opens this directory again from a child's stream, and lists it afresh: every entry the earlier
         * listing returned has been deleted, so the new listing holds only what is left.
         */
        void reopenFrom(SecureDirectoryStream<Path> child) throws IOException {
            SecureDirectoryStream<Path> reopened = child.newDirectoryStream(PARENT, LinkOption.NOFOLLOW_LINKS);
            boolean same = false;
            try {
                same = Objects.equals(identity(reopened), key);
            } finally {
                if (!same) {
                    reopened.close();
                }
            }
            if (!same) {
                throw new IOException("a directory of the tree was moved while the tree was being removed");
            }
            stream = reopened;
            entries = reopened.iterator();
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
                entries = null;
            }
        }
    }

    private interface Deletion {
        void run() throws IOException;
    }

    private static void deleteIgnoringMissing(Deletion deletion) throws IOException {
        try {
            deletion.run();
        } catch (NoSuchFileException e) {
            // Removed meanwhile (another build's sweep, or the process that made it): gone either way.
        }
    }

    /** Where the platform has no relative operations: the whole path of every entry. */
    private static void emptyByPaths(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                makeAccessible(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                // An unreadable directory: open it up, then delete what is inside it.
                makeAccessible(file);
                removeOnce(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(root)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeAccessible(Path dir) throws IOException {
        // EnumSet.copyOf refuses an empty set ("Collection is empty"): exactly a mode-000 directory's.
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        permissions.addAll(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
        if (permissions.addAll(OWNER_ALL)) {
            Files.setPosixFilePermissions(dir, permissions);
        }
    }

    /** A cancelled build removes its files too: an interrupt shortens the pause, never the removal. */
    private static void pause(int pass) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            Thread.sleep(PAUSE_BETWEEN_PASSES_MILLIS * (pass + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
